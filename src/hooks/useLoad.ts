import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api';

export type LoadStatus = 'loading' | 'ready' | 'error';

/**
 * The loading state of one query, under useResource and usePaged: `fetch` runs when `key` changes
 * (while `enabled`) and on pull-to-refresh, and `apply` takes its answer. An answer that arrives
 * after a newer load has started is dropped; `seq` counts the loads started, so that other calls
 * (load-more) can tell the same.
 */
export function useLoad<T>(fetch: () => Promise<T>, apply: (res: T) => void, key: string, enabled: boolean) {
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);
  const latest = useRef({ fetch, apply });
  latest.current = { fetch, apply };

  /** `silent` keeps what is shown and reports a failure as a toast (pull-to-refresh, after actions). */
  const reload = useCallback(async (silent = false) => {
    const mine = ++seq.current;
    if (!silent) setStatus('loading');
    try {
      const res = await latest.current.fetch();
      if (mine !== seq.current) return;
      latest.current.apply(res);
      setError(null);
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
  }, []);

  useEffect(() => {
    if (enabled) void reload();
  }, [key, enabled, reload]);

  usePullDownRefresh(() => {
    if (!enabled) {
      Taro.stopPullDownRefresh();
      return;
    }
    void reload(true).finally(() => Taro.stopPullDownRefresh());
  });

  return { status, error, reload, seq };
}

/**
 * Coming back to the page (from one it opened, or another tab): load again quietly, keeping what is
 * shown. The first show is left to the load the page starts itself.
 */
export function useReloadOnShow(reload: (silent: boolean) => Promise<void>, enabled = true) {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && enabled) void reload(true);
    shown.current = true;
  });
}
