import { useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api';
import { useLoad, type LoadStatus } from './useLoad';

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Paged<T> {
  items: T[];
  setItems: (update: (items: T[]) => T[]) => void;
  status: LoadStatus;
  error: ApiError | null;
  hasMore: boolean;
  moreStatus: 'idle' | 'loading' | 'error';
  moreError: ApiError | null;
  reload: (silent?: boolean) => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A cursor-paginated list with loading / error state, pull-to-refresh and load-more on reaching
 * the bottom. `key` changes when the query changes (filters), which reloads from the start.
 * `enabled: false` waits (e.g. until a choice is made).
 */
export function usePaged<T>(
  fetchPage: (cursor: string | undefined) => Promise<PageOf<T>>,
  key: string,
  enabled = true,
): Paged<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreStatus, setMoreStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const cursorRef = useRef<string | null>(null);
  const loadingMore = useRef(false);

  const { status, error, reload, seq } = useLoad(
    () => fetchRef.current(undefined),
    (page) => {
      setItemsState(page.items);
      cursorRef.current = page.nextCursor;
      setCursor(page.nextCursor);
      setMoreStatus('idle');
    },
    key,
    enabled,
  );

  const loadMore = useCallback(async () => {
    const from = cursorRef.current;
    if (!from || loadingMore.current) return;
    loadingMore.current = true;
    const mine = seq.current;
    setMoreStatus('loading');
    try {
      const page = await fetchRef.current(from);
      if (mine !== seq.current) return;
      setItemsState((prev) => prev.concat(page.items));
      cursorRef.current = page.nextCursor;
      setCursor(page.nextCursor);
      setMoreStatus('idle');
    } catch (e) {
      if (mine !== seq.current) return;
      setMoreError(toApiError(e));
      setMoreStatus('error');
    } finally {
      loadingMore.current = false;
    }
  }, [seq]);

  useReachBottom(() => {
    if (enabled && status === 'ready') void loadMore();
  });

  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState(update), []);

  return {
    items,
    setItems,
    status,
    error,
    hasMore: cursor !== null,
    moreStatus,
    moreError,
    reload,
    loadMore,
  };
}
