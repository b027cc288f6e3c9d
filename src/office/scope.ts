import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Me } from '../../cloudfunctions/core/contracts/account';
import { call, toApiError, type ApiError } from '../api';
import type { LoadStatus } from '../hooks/usePaged';

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
  const [me, setMe] = useState<Me | null>(null);
  const [all, setAll] = useState<Township[]>([]);
  const [stations, setStations] = useState<StationRef[]>([]);
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    setStatus('loading');
    try {
      const [m, regions] = await Promise.all([call('account', 'me', {}), call('account', 'regions', {})]);
      setMe(m);
      setAll(regions.regions.filter((r) => r.kind === 'township').map((r) => ({ id: r.id, name: r.name })));
      setStations(regions.stations);
      setStatus('ready');
    } catch (e) {
      setError(toApiError(e));
      setStatus('error');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return useMemo(() => {
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
      reload: load,
      office,
      county,
      staff,
      townships,
      /** The stations in the office's townships (account.regions lists them all). */
      stations: stations.filter((s) => ids.has(s.townshipId)),
    };
  }, [me, all, stations, status, error, load]);
}
