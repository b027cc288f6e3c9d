import { useState, type Dispatch, type SetStateAction } from 'react';
import type { ApiError } from '../api';
import { useLoad, type LoadStatus } from './useLoad';

export interface Resource<T> {
  data: T | null;
  /** Replace the data after an action answered with the new state (or update it from the current). */
  setData: Dispatch<SetStateAction<T | null>>;
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
  const [data, setData] = useState<T | null>(null);
  const { status, error, reload } = useLoad(fetch, setData, key, enabled);
  return { data, setData, status, error, reload };
}
