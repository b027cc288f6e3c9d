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

  const [townships, setTownships] = useState<string[] | null>(null);

  const load = useCallback(async () => {
    setStatus('loading');
    try {
      const [regions, me] = await Promise.all([
        call('account', 'regions', {}),
        call('account', 'me', {}).catch(() => null),
      ]);
      // A township office works on its own township(s); the county office on all of them.
      const roles = me?.roles ?? [];
      const county = roles.some((r) => r.role === 'countyOffice');
      const own = roles
        .filter((r) => r.role === 'townshipOffice' && r.scopeKind === 'township')
        .map((r) => r.scopeId);
      setTownships(county || own.length === 0 ? null : own);
      setData(regions);
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
      .filter((r) => !townships || (r.parentId !== null && townships.includes(r.parentId)))
      .map((r) => {
        const parent = r.parentId ? byId.get(r.parentId) : undefined;
        return {
          id: r.id,
          name: r.name,
          townshipId: r.parentId,
          label: parent ? `${parent.name} · ${r.name}` : r.name,
        };
      });
  }, [data, townships]);

  return {
    data,
    status,
    error,
    reload: load,
    constituencies,
    stations: (data?.stations ?? []).filter((s) => !townships || townships.includes(s.townshipId)),
  };
}
