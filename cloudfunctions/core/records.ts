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

/** 代表接待日: one day of receptions at a station, split into slots. */
export interface ReceptionDay {
  id: string;
  stationId: string;
  countyId: string;
  townshipId: string;
  /** China date, YYYY-MM-DD. */
  date: string;
  /** ISO instants of the time window. */
  startsAt: string;
  endsAt: string;
  theme: string;
  slotMinutes: number;
  bookingCutoff: string;
  status: 'draft' | 'published' | 'cancelled';
  publishedAt: string | null;
  remindersSentAt: string | null;
  noShowsMarkedAt: string | null;
  createdBy: string;
  createdAt: string;
}

/** A slot of a reception day; `booked` never exceeds `capacity`, `waitlist` holds booking ids in order. */
export interface Slot {
  id: string;
  dayId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  waitlist: string[];
}

/** A deputy booked onto a reception day (`${dayId}:${deputyId}`). */
export interface Assignment {
  id: string;
  dayId: string;
  deputyId: string;
  date: string;
  status: 'invited' | 'confirmed' | 'declined';
  reason: string | null;
  respondedAt: string | null;
  attendedAt: string | null;
  createdAt: string;
}

export interface Booking {
  id: string;
  dayId: string;
  /** null for a walk-in. */
  slotId: string | null;
  voterUserId: string | null;
  visitorName: string;
  topic: string;
  /** 8 characters from A–Z and 2–9 without O, I, 0, 1; unique within the day. */
  code: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'checkedIn' | 'noShow';
  walkIn: boolean;
  createdAt: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
}

/** What a visitor raised at a reception and what was promised (ready to become a public opinion report). */
export interface Visit {
  id: string;
  dayId: string;
  bookingId: string | null;
  deputyId: string;
  visitorName: string;
  raised: string;
  promised: string;
  recordedBy: string;
  createdAt: string;
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
  receptionDays: ReceptionDay;
  slots: Slot;
  assignments: Assignment;
  bookings: Booking;
  visits: Visit;
  claims: Claim;
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
  'receptionDays',
  'slots',
  'assignments',
  'bookings',
  'visits',
  'claims',
];
