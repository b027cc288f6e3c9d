/** What a handler is given: its ports, who calls, where things are, and the request's own facts. */
import type { Ports } from './ports';
import type { Rule } from './policy';
import type { Collections } from './records';

type User = Collections['users'];
type Region = Collections['regions'];
type Station = Collections['stations'];

/** Who is calling, as the entry point established it (OPENID on WeChat, a session locally). */
export interface Caller {
  user: User;
  grants: Collections['roleGrants'][];
  deputy: Collections['deputies'] | null;
}

/** The region tree and stations: what scopes (county → township → constituency → station) are made of. */
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

export interface Ctx {
  ports: Ports;
  /** null when anonymous. */
  caller: Caller | null;
  /** `${module}.${action}` */
  action: string;
  /** Who may call this action (the module's policy entry); `authorize` applies it. */
  rule: Rule;
  requestId?: string;
  now: Date;
  /** Read once per request (they change rarely and each instance caches them). */
  geo: Geo;
}
