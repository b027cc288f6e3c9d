import type { Deputy, Region, RoleGrantRecord, Station, User } from './records';
import type { Ports } from './ports';

/** Who is calling, as the entry point established it (OPENID on WeChat, a session locally). */
export interface Caller {
  user: User;
  grants: RoleGrantRecord[];
  deputy: Deputy | null;
}

/** Everything a handler gets: its ports, the caller (null when anonymous) and the request's facts. */
export interface Ctx {
  ports: Ports;
  caller: Caller | null;
  /** `${function}.${action}` */
  action: string;
  requestId?: string;
  now: Date;
  /** The region tree and stations, read once per request (they change rarely). */
  geo: Geo;
}

export interface Geo {
  region(id: string | null | undefined): Region | undefined;
  station(id: string | null | undefined): Station | undefined;
  regions: Region[];
  stations: Station[];
}

export function makeGeo(regions: Region[], stations: Station[]): Geo {
  const r = new Map(regions.map((x) => [x.id, x]));
  const s = new Map(stations.map((x) => [x.id, x]));
  return {
    regions,
    stations,
    region: (id) => (id ? r.get(id) : undefined),
    station: (id) => (id ? s.get(id) : undefined),
  };
}

export async function loadCaller(ports: Ports, user: User): Promise<Caller> {
  const [grants, deputy] = await Promise.all([
    ports.store.grantsOfUser(user.id),
    ports.store.deputyByUser(user.id),
  ]);
  return { user, grants, deputy };
}
