import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ThreadSummary } from '../../cloudfunctions/modules/contact/contract';
import { call, toApiError } from '../api';
import { useResource } from './useResource';

/** One thread with its messages, older ones on demand; pull-to-refresh reloads it. */
export function useThread(threadId: string) {
  const { data, setData, status, error, reload } = useResource(() => {
    if (!threadId) throw toApiError({ code: 'NOT_FOUND', message: '没有找到这条留言' });
    return call('contact', 'thread', { threadId });
  }, threadId);
  const [loadingMore, setLoadingMore] = useState(false);

  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const res = await call('contact', 'thread', { threadId, cursor: data.nextCursor });
      setData((d) =>
        d
          ? { thread: res.thread, messages: d.messages.concat(res.messages), nextCursor: res.nextCursor }
          : res,
      );
    } catch (e) {
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  }, [data, loadingMore, threadId, setData]);

  const setThread = useCallback(
    (thread: ThreadSummary) => setData((d) => (d ? { ...d, thread } : d)),
    [setData],
  );

  return {
    data,
    status,
    error,
    reload,
    loadMore,
    loadingMore,
    hasMore: Boolean(data?.nextCursor),
    setThread,
  };
}
