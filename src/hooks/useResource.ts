import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api';
import type { LoadStatus } from './usePaged';

export interface Resource<T> {
  data: T | null;
  /** Replace the data after an action answered with the new state. */
  setData: (data: T) => void;
  status: LoadStatus;
  error: ApiError | null;
  /** `silent` keeps what is shown and reports a failure as a toast (pull-to-refresh, after actions). */
  reload: (silent?: boolean) => Promise<void>;
}

/**
 * One object loaded by one call, with loading / error state and pull-to-refresh. `key` changes
 * when the query changes; `enabled: false` waits.
 */
export function useResource<T>(fetch: () => Promise<T>, key: string, enabled = true): Resource<T> {
  const [data, setDataState] = useState<T | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const seq = useRef(0);

  const reload = useCallback(async (silent = false) => {
    const mine = ++seq.current;
    if (!silent) setStatus('loading');
    try {
      const res = await fetchRef.current();
      if (mine !== seq.current) return;
      setDataState(res);
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

  const setData = useCallback((d: T) => setDataState(d), []);
  return { data, setData, status, error, reload };
}
