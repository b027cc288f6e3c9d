import { useMemo } from 'react';
import { isOffice, officeScope } from '../../cloudfunctions/core/scope';
import { call } from '../api';
import { townshipsIn } from '../utils/scope';
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

  // Office staff work on their scope (a township office on its township, the county office on the
  // county); for anyone else the pickers offer the whole tree.
  const scope = useMemo(() => {
    const roles = me?.roles ?? [];
    return isOffice(roles) ? officeScope(roles) : null;
  }, [me]);
  const townships = useMemo(() => (scope ? townshipsIn(scope, regions) : null), [scope, regions]);

  const constituencies = useMemo<ConstituencyOption[]>(() => {
    if (!regions) return [];
    const byId = new Map(regions.regions.map((r) => [r.id, r]));
    return regions.regions
      .filter((r) => r.kind === 'constituency')
      .filter((r) => !townships || (r.parentId !== null && townships.has(r.parentId)))
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
    /** The office scope of the caller (null for anyone but office staff). */
    scope,
    /** The caller's user id (where their uploads go on WeChat), once known. */
    userId: me?.userId ?? null,
    /** The constituencies in reach: the office's scope (a constituency goes with its township), else all. */
    constituencies,
    stations: (regions?.stations ?? []).filter((s) => !townships || townships.has(s.townshipId)),
  };
}
