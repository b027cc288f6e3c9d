import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Paged } from '../hooks/usePaged';
import { go } from '../utils/nav';
import { Button } from './Button';
import { Loadable } from './Loadable';

/**
 * A paginated list as a page shows it: loading, error (with 重试) and `emptyText`, one `row` per
 * item (with its key), and 加载更多 at the foot. `emptyLink` is a page to offer under an empty list.
 */
export function PagedList<T>({
  list,
  emptyText,
  emptyLink,
  row,
}: {
  list: Paged<T>;
  emptyText: string;
  emptyLink?: { text: string; url: string };
  row: (item: T) => ReactNode;
}) {
  const empty = list.items.length === 0;
  return (
    <>
      <Loadable
        status={list.status}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={empty}
        emptyText={emptyText}
      >
        {list.items.map(row)}
        <LoadMore list={list} />
      </Loadable>
      {emptyLink && list.status === 'ready' && empty ? (
        <View className="btn-row">
          <Button className="btn" onClick={() => go(emptyLink.url)}>
            {emptyLink.text}
          </Button>
        </View>
      ) : null}
    </>
  );
}

/** The foot of a paginated list: 加载更多, its progress and its failure. */
export function LoadMore<T>({ list }: { list: Paged<T> }) {
  if (list.status !== 'ready' || list.items.length === 0) return null;
  if (!list.hasMore) {
    return (
      <View className="load-more">
        <Text className="muted">没有更多了</Text>
      </View>
    );
  }
  return (
    <View className="load-more">
      {list.moreStatus === 'error' ? (
        <Text className="error-text">{list.moreError?.message || '加载失败'}</Text>
      ) : null}
      <Button
        className="btn btn--plain load-more-button"
        disabled={list.moreStatus === 'loading'}
        onClick={() => void list.loadMore()}
      >
        {list.moreStatus === 'loading' ? '正在加载…' : list.moreStatus === 'error' ? '重试' : '加载更多'}
      </Button>
    </View>
  );
}
