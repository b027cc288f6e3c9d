/** What a handler is given: its ports, who calls, where things are, and the request's own facts. */
import type { Ports } from './ports';
import type { Place } from './scope';
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

/** Where a record sits in the region tree, and whose it is. */
export interface Subject extends Place {
  constituencyId?: string | null;
  /** The deputy the record belongs to. */
  deputyId?: string | null;
  /** The user the record belongs to (e.g. the voter of a thread). */
  ownerUserId?: string | null;
  /** The record is public (e.g. a published reception day). */
  isPublic?: boolean;
}

/** A rule; `refusal` is what a refused caller is told, where more can be said than 无权进行此操作. */
export type Rule = ((caller: Caller | null, subject: Subject) => boolean) & { refusal?: string };

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
  /**
   * What the platform attached to the envelope beside `action`/`data` (its top-level `chat`: on WeChat a
   * `wx.cloud.CloudID` the platform decrypted). Untrusted until a port confirms it (`ports.openData`).
   */
  openData: { chat?: unknown };
}
