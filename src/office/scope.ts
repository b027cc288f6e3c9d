import { useMemo } from 'react';
import { isOffice, officeScope } from '../../cloudfunctions/core/scope';
import { call } from '../api';
import { useResource } from '../hooks/useResource';
import { townshipsIn } from '../utils/scope';

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
    // The server's rule: the county office works on its county, a township office on its township.
    const scope = officeScope(roles);
    const office = isOffice(roles);
    const county = !!scope && 'countyId' in scope;
    const staff = roles.some((r) => r.role === 'stationStaff');
    const ids = townshipsIn(scope, regions);
    const townships = all.filter((t) => ids.has(t.id));
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
