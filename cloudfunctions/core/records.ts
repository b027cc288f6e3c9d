/**
 * The stored records, one type per collection (CloudBase) / table (SQLite).
 * Dates are ISO-8601 strings in UTC; `id` is the document `_id` on CloudBase.
 */
import type { RegionKind, Role } from './contracts/common';

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

/** 选民名册 entry. `id` is the keyed hash of the ID number, so the number itself is never stored. */
export interface RegisterEntry {
  id: string;
  countyId: string;
  townshipId: string;
  constituencyId: string;
  name: string;
  idMasked: string;
  phone: string | null;
  boundUserId: string | null;
  boundAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Conflict {
  id: string;
  entryId: string;
  countyId: string;
  townshipId: string;
  constituencyId: string;
  claimantUserId: string;
  holderUserId: string;
  status: 'open' | 'resolved';
  resolution: 'keepHolder' | 'transferToClaimant' | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface Consent {
  id: string;
  userId: string;
  purpose: string;
  textVersion: string;
  at: string;
}

export interface Deputy {
  id: string;
  userId: string | null;
  name: string;
  level: 'county' | 'township';
  countyId: string;
  townshipId: string;
  constituencyId: string;
  workUnit: string;
  photoUrl: string;
  stationId: string | null;
  publicContact: string;
  /** Short code printed on the contact card and used as the mini-program code's scene. */
  code: string;
  cardFileId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ThreadStatus = 'new' | 'read' | 'replied' | 'closed';

export interface Thread {
  id: string;
  deputyId: string;
  countyId: string;
  townshipId: string;
  voterUserId: string;
  voterVerified: boolean;
  voterName: string;
  category: string;
  status: ThreadStatus;
  outcome: 'resolved' | 'unresolved' | null;
  /** The opening message waits for staff review: the deputy does not see the thread yet. */
  held: boolean;
  lastText: string;
  createdAt: string;
  lastMessageAt: string;
  /** When the voter last wrote and is waiting for an answer (chasing counts from here). */
  awaitingSince: string | null;
  firstReplyAt: string | null;
  firstReplySeconds: number | null;
  chasedAt: string | null;
  unreadByDeputy: boolean;
  unreadByVoter: boolean;
}

export interface Message {
  id: string;
  threadId: string;
  deputyId: string;
  countyId: string;
  townshipId: string;
  authorUserId: string;
  authorRole: 'voter' | 'deputy';
  text: string;
  status: 'visible' | 'held' | 'hidden';
  createdAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
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

export interface Collections {
  regions: Region;
  stations: Station;
  users: User;
  roleGrants: RoleGrantRecord;
  registerEntries: RegisterEntry;
  conflicts: Conflict;
  consents: Consent;
  deputies: Deputy;
  threads: Thread;
  messages: Message;
  activities: Activity;
  outbox: OutboxItem;
  audit: AuditEntry;
  idempotency: IdempotencyRecord;
  counters: Counter;
}
export type CollectionName = keyof Collections;
export const COLLECTIONS: CollectionName[] = [
  'regions',
  'stations',
  'users',
  'roleGrants',
  'registerEntries',
  'conflicts',
  'consents',
  'deputies',
  'threads',
  'messages',
  'activities',
  'outbox',
  'audit',
  'idempotency',
  'counters',
];
