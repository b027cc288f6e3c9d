import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ThreadSummary } from '../../cloudfunctions/core/contracts/contact';
import { call, toApiError, type ApiError, type ActionOutputOf } from '../api';
import type { LoadStatus } from './usePaged';

type ThreadData = ActionOutputOf<'contact', 'thread'>;

/** One thread with its messages; pull-to-refresh reloads it. */
export function useThread(threadId: string) {
  const [data, setData] = useState<ThreadData | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const seq = useRef(0);

  const reload = useCallback(
    async (silent = false) => {
      const mine = ++seq.current;
      if (!threadId) {
        setError(toApiError({ code: 'NOT_FOUND', message: '没有找到这条留言' }));
        setStatus('error');
        return;
      }
      if (!silent) setStatus('loading');
      try {
        const res = await call('contact', 'thread', { threadId });
        if (mine !== seq.current) return;
        setData(res);
        setStatus('ready');
      } catch (e) {
        if (mine !== seq.current) return;
        const err = toApiError(e);
        if (silent) {
          void Taro.showToast({ title: err.message, icon: 'none' });
        } else {
          setError(err);
          setStatus('error');
        }
      }
    },
    [threadId],
  );

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
  }, [data, loadingMore, threadId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  usePullDownRefresh(() => {
    void reload(true).finally(() => Taro.stopPullDownRefresh());
  });

  const setThread = useCallback((thread: ThreadSummary) => setData((d) => (d ? { ...d, thread } : d)), []);

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
