/**
 * The office-scope rule, once for the functions and the phone: which part of the county a staff member
 * works on. Client-safe (no zod, no records).
 */
export interface GrantLike {
  role: string;
  scopeId: string;
}

/** A place in the region tree: a station knows its township and county, a township its county. */
export interface Place {
  countyId?: string | null;
  townshipId?: string | null;
  stationId?: string | null;
}

/** The widest scope a staff role holds: the county office's county, else a township, else a station. */
export type OfficeScope = { countyId: string } | { townshipId: string } | { stationId: string } | null;

export function officeScope(grants: readonly GrantLike[]): OfficeScope {
  const county = grants.find((g) => g.role === 'countyOffice');
  if (county) return { countyId: county.scopeId };
  const township = grants.find((g) => g.role === 'townshipOffice');
  if (township) return { townshipId: township.scopeId };
  const station = grants.find((g) => g.role === 'stationStaff');
  return station ? { stationId: station.scopeId } : null;
}

/** Whether a place lies in a scope. */
export function inScope(scope: OfficeScope, place: Place): boolean {
  if (!scope) return false;
  if ('countyId' in scope) return !!place.countyId && place.countyId === scope.countyId;
  if ('townshipId' in scope) return !!place.townshipId && place.townshipId === scope.townshipId;
  return !!place.stationId && place.stationId === scope.stationId;
}

/** Office staff (township or county): they plan, import and review; station staff run their station. */
export const isOffice = (grants: readonly GrantLike[]) =>
  grants.some((g) => g.role === 'townshipOffice' || g.role === 'countyOffice');
