import { useMemo } from 'react';
import { call } from '../api';
import { useResource } from './useResource';

export interface ConstituencyOption {
  id: string;
  name: string;
  townshipId: string | null;
  /** 乡镇 · 选区, for pickers. */
  label: string;
}

/** The region tree and stations (account.regions), with constituencies ready for a picker. */
export function useRegions() {
  const { data, status, error, reload } = useResource(
    () => Promise.all([call('account', 'regions', {}), call('account', 'me', {}).catch(() => null)]),
    'regions',
  );
  const [regions, me] = data ?? [null, null];

  // A township office works on its own township(s); the county office on all of them.
  const townships = useMemo(() => {
    const roles = me?.roles ?? [];
    const county = roles.some((r) => r.role === 'countyOffice');
    const own = roles
      .filter((r) => r.role === 'townshipOffice' && r.scopeKind === 'township')
      .map((r) => r.scopeId);
    return county || own.length === 0 ? null : own;
  }, [me]);

  const constituencies = useMemo<ConstituencyOption[]>(() => {
    if (!regions) return [];
    const byId = new Map(regions.regions.map((r) => [r.id, r]));
    return regions.regions
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
  }, [regions, townships]);

  return {
    status,
    error,
    reload,
    constituencies,
    stations: (regions?.stations ?? []).filter((s) => !townships || townships.includes(s.townshipId)),
  };
}
