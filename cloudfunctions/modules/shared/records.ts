/**
 * What several capabilities read: the region tree and stations, accounts and their role grants, the
 * deputies, and what the kernel's effects write — duty record, outbox, audit, idempotency, counters, claims.
 */
import type { RegionKind, Role } from '../../core/contracts/common';

export interface Region {
  id: string;
  kind: RegionKind;
  name: string;
  parentId: string | null;
  countyId: string;
  townshipId: string | null;
}

export interface Station {
  id: string;
  name: string;
  countyId: string;
  townshipId: string;
  address: string;
  contact: string;
  /** Map point (GCJ-02, as wx.openLocation takes it); null when not set. */
  latitude: number | null;
  longitude: number | null;
  openingNotes: string;
}

export interface User {
  id: string;
  openid: string;
  displayName: string;
  createdAt: string;
  /** Register entry this account is bound to by real-name verification. */
  verifiedEntryId: string | null;
  verifiedAt: string | null;
  constituencyId: string | null;
  failedVerifications: number;
  verifyLockedUntil: string | null;
}

export interface RoleGrantRecord {
  /** `${userId}:${role}:${scopeId}` */
  id: string;
  userId: string;
  role: Role;
  scopeKind: 'county' | 'township' | 'constituency' | 'station' | 'deputy' | 'unit';
  scopeId: string;
}

export interface Deputy {
  id: string;
  userId: string | null;
  name: string;
  /** The name's pinyin sort key (core/nameKey.ts): deputies are listed and searched by it. */
  nameKey: string;
  level: 'county' | 'township';
  countyId: string;
  townshipId: string;
  constituencyId: string;
  workUnit: string;
  /** A photo address typed in before uploads (kept and shown while there is no `photoFileId`). */
  photoUrl: string;
  /** The uploaded photo (an UploadId: `cloud://…/uploads/…` or `local://uploads/…`), shown on the card. */
  photoFileId: string | null;
  stationId: string | null;
  publicContact: string;
  /** Short code printed on the contact card and used as the mini-program code's scene. */
  code: string;
  cardFileId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One entry of a deputy's duty record (履职档案). Append-only. */
export interface Activity {
  id: string;
  deputyId: string;
  type: string;
  refType: string;
  refId: string;
  summary: string;
  points: number;
  at: string;
}

/** A notification to one user; the jobs timer delivers it (subscription message on WeChat). */
export interface OutboxItem {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  sentAt: string | null;
  readAt: string | null;
}

export interface AuditEntry {
  id: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown>;
  at: string;
}

/** The first result of a create, kept so that a retry with the same requestId returns it. */
export interface IdempotencyRecord {
  /** `${userId}:${action}:${requestId}` */
  id: string;
  result: unknown;
  at: string;
}

/** A counter document, e.g. messages sent by one user on one day. */
export interface Counter {
  id: string;
  count: number;
  expiresAt: string;
}

/**
 * A uniqueness claim: the document id is the unique key (e.g. `booking:<dayId>:<userId>`), so both engines
 * refuse a second one — CloudBase unique indexes cannot do this for optional fields.
 */
export interface Claim {
  id: string;
  refId: string;
  at: string;
}

/** What the image check made of an image: shown to everyone only once it has passed. */
export type MediaStatus = 'pending' | 'pass' | 'review' | 'risky';

/**
 * An image check that answers later (WeChat mediaCheckAsync), by its trace id (`trace:<traceId>`): the
 * `wxa_media_check` event sets its status; the module named by `ref` settles what it belongs to.
 */
export interface MediaCheckRecord {
  id: string;
  traceId: string;
  fileId: string;
  userId: string;
  /** What the image belongs to, `<collection>/<id>` (e.g. `groupPosts/p1`). */
  ref: string;
  status: MediaStatus;
  createdAt: string;
  decidedAt: string | null;
  /** The image's place in what it belongs to (its image review is `<ref>#<imageIndex>`); null before that. */
  imageIndex?: number | null;
}

/**
 * The office's review of one held image (`<ref>#<imageIndex>`, see imageReview.ts): written with the image
 * when it may be held (`waiting`; `heldAt` is when it counts as held — at once for a `review` verdict, a day
 * on for a check still unanswered), `settled` when the check then passes or is found risky, and `released`
 * or `hidden` by the office's decision, once.
 */
export interface ImageReviewRecord {
  id: string;
  /** The module the image belongs to (`groups`, `cases`): each lists its own. */
  module: string;
  ref: string;
  /** The post or case. */
  targetId: string;
  imageIndex: number;
  fileId: string;
  authorUserId: string;
  countyId: string;
  townshipId: string;
  /** What staff read in the list: the group and post, or the case. */
  label: string;
  status: 'waiting' | 'settled' | 'released' | 'hidden';
  heldAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

declare module '../../core/records' {
  interface Collections {
    regions: Region;
    stations: Station;
    users: User;
    roleGrants: RoleGrantRecord;
    deputies: Deputy;
    activities: Activity;
    outbox: OutboxItem;
    audit: AuditEntry;
    idempotency: IdempotencyRecord;
    counters: Counter;
    claims: Claim;
    mediaChecks: MediaCheckRecord;
    imageReviews: ImageReviewRecord;
  }
}

export const SHARED_COLLECTIONS = [
  'regions',
  'stations',
  'users',
  'roleGrants',
  'deputies',
  'activities',
  'outbox',
  'audit',
  'idempotency',
  'counters',
  'claims',
  'mediaChecks',
  'imageReviews',
] as const;
