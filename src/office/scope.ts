import { useMemo } from 'react';
import { call } from '../api';
import { useResource } from '../hooks/useResource';

export interface Township {
  id: string;
  name: string;
}

export interface StationRef {
  id: string;
  name: string;
  townshipId: string;
}

/**
 * What the caller may do on the reception pages: office staff (township or county) plan days and
 * stations; station staff run the day at their station. `townships` are the ones an office works on.
 */
export function useScope() {
  const { data, status, error, reload } = useResource(
    () => Promise.all([call('account', 'me', {}), call('account', 'regions', {})]),
    'scope',
  );

  return useMemo(() => {
    const [me, regions] = data ?? [null, null];
    const all: Township[] = (regions?.regions ?? [])
      .filter((r) => r.kind === 'township')
      .map((r) => ({ id: r.id, name: r.name }));
    const stations: StationRef[] = regions?.stations ?? [];
    const roles = me?.roles ?? [];
    const county = roles.some((r) => r.role === 'countyOffice');
    const own = roles.filter((r) => r.role === 'townshipOffice').map((r) => r.scopeId);
    const office = county || own.length > 0;
    const staff = roles.some((r) => r.role === 'stationStaff');
    const townships = county ? all : all.filter((t) => own.includes(t.id));
    const ids = new Set(townships.map((t) => t.id));
    return {
      me,
      status,
      error,
      reload,
      office,
      county,
      staff,
      townships,
      /** The stations in the office's townships (account.regions lists them all). */
      stations: stations.filter((s) => ids.has(s.townshipId)),
    };
  }, [data, status, error, reload]);
}
