import { useCallback, useEffect, useMemo, useState } from 'react';
import { call, toApiError, type ActionOutputOf, type ApiError } from '../api';
import type { LoadStatus } from './usePaged';

type Regions = ActionOutputOf<'account', 'regions'>;

export interface ConstituencyOption {
  id: string;
  name: string;
  townshipId: string | null;
  /** 乡镇 · 选区, for pickers. */
  label: string;
}

/** The region tree and stations (account.regions), with constituencies ready for a picker. */
export function useRegions() {
  const [data, setData] = useState<Regions | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    setStatus('loading');
    try {
      setData(await call('account', 'regions', {}));
      setStatus('ready');
    } catch (e) {
      setError(toApiError(e));
      setStatus('error');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const constituencies = useMemo<ConstituencyOption[]>(() => {
    if (!data) return [];
    const byId = new Map(data.regions.map((r) => [r.id, r]));
    return data.regions
      .filter((r) => r.kind === 'constituency')
      .map((r) => {
        const parent = r.parentId ? byId.get(r.parentId) : undefined;
        return {
          id: r.id,
          name: r.name,
          townshipId: r.parentId,
          label: parent ? `${parent.name} · ${r.name}` : r.name,
        };
      });
  }, [data]);

  return { data, status, error, reload: load, constituencies, stations: data?.stations ?? [] };
}
