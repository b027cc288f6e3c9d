/**
 * Full records with plain defaults; pass overrides for what a test is about.
 * Ids, openids and codes are unique per process, so builders never collide by accident.
 */
import { nameKey } from '../../cloudfunctions/core/nameKey';
import type {
  Activity,
  AuditEntry,
  Claim,
  Counter,
  Deputy,
  IdempotencyRecord,
  OutboxItem,
  Region,
  RoleGrantRecord,
  Station,
  User,
} from '../../cloudfunctions/modules/shared/records';
import type {
  DayAssignment as Assignment,
  Booking,
  ReceptionDay,
  Slot,
  Visit,
} from '../../cloudfunctions/modules/reception/records';
import type { Conflict, Consent, RegisterEntry } from '../../cloudfunctions/modules/account/records';
import type { Message, Thread } from '../../cloudfunctions/modules/contact/records';

let n = 0;
/** A fresh id with a readable prefix: `user-7`. */
export const nextId = (prefix: string) => `${prefix}-${++n}`;

const BASE = Date.parse('2026-03-01T00:00:00.000Z');
/** An ISO date `minutes` after a fixed base (2026-03-01T00:00Z), so tests can order rows by time. */
export const at = (minutes = 0) => new Date(BASE + minutes * 60_000).toISOString();

export const COUNTY = 'county-1';
export const TOWNSHIP = 'township-1';
export const CONSTITUENCY = 'constituency-1';

export const aRegion = (over: Partial<Region> = {}): Region => ({
  id: nextId('region'),
  kind: 'constituency',
  name: '第一选区',
  parentId: TOWNSHIP,
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  ...over,
});

export const aStation = (over: Partial<Station> = {}): Station => ({
  id: nextId('station'),
  name: '城关镇人大代表联络站',
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  address: '城关镇人民路 1 号',
  contact: '0000-1234567',
  latitude: null,
  longitude: null,
  openingNotes: '',
  ...over,
});

export const aUser = (over: Partial<User> = {}): User => {
  const id = over.id ?? nextId('user');
  return {
    id,
    openid: `openid-${id}`,
    displayName: '选民',
    createdAt: at(0),
    verifiedEntryId: null,
    verifiedAt: null,
    constituencyId: null,
    failedVerifications: 0,
    verifyLockedUntil: null,
    ...over,
  };
};

export const aRoleGrant = (over: Partial<RoleGrantRecord> = {}): RoleGrantRecord => {
  const g = {
    userId: 'user-x',
    role: 'voter' as const,
    scopeKind: 'constituency' as const,
    scopeId: CONSTITUENCY,
    ...over,
  };
  return { ...g, id: over.id ?? `${g.userId}:${g.role}:${g.scopeId}` };
};

/** A register entry; its sort key follows its name unless given. */
export const aRegisterEntry = (over: Partial<RegisterEntry> = {}): RegisterEntry => ({
  nameKey: nameKey(over.name ?? '张三'),
  id: nextId('entry'),
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  constituencyId: CONSTITUENCY,
  name: '张三',
  idMasked: '1101**********123X',
  phone: null,
  boundUserId: null,
  boundAt: null,
  createdAt: at(0),
  updatedAt: at(0),
  ...over,
});

export const aConflict = (over: Partial<Conflict> = {}): Conflict => ({
  id: nextId('conflict'),
  entryId: 'entry-x',
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  constituencyId: CONSTITUENCY,
  claimantUserId: 'user-claimant',
  holderUserId: 'user-holder',
  status: 'open',
  resolution: null,
  resolvedBy: null,
  resolvedAt: null,
  createdAt: at(0),
  ...over,
});

export const aConsent = (over: Partial<Consent> = {}): Consent => ({
  id: nextId('consent'),
  userId: 'user-x',
  purpose: 'verify',
  textVersion: 'verify-2026-11',
  at: at(0),
  ...over,
});

export const aDeputy = (over: Partial<Deputy> = {}): Deputy => {
  const id = over.id ?? nextId('deputy');
  return {
    id,
    userId: null,
    name: '李代表',
    nameKey: nameKey(over.name ?? '李代表'),
    level: 'township',
    countyId: COUNTY,
    townshipId: TOWNSHIP,
    constituencyId: CONSTITUENCY,
    workUnit: '城关镇中心小学',
    photoUrl: '',
    photoFileId: null,
    stationId: null,
    publicContact: '',
    code: `C${id.replace(/[^0-9a-zA-Z]/g, '')}`,
    cardFileId: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...over,
  };
};

export const aThread = (over: Partial<Thread> = {}): Thread => ({
  id: nextId('thread'),
  deputyId: 'deputy-x',
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  voterUserId: 'user-x',
  voterVerified: false,
  voterName: '王五',
  category: '城乡建设',
  status: 'new',
  outcome: null,
  held: false,
  lastText: '村口的路灯坏了',
  createdAt: at(0),
  lastMessageAt: at(0),
  awaitingSince: at(0),
  firstReplyAt: null,
  firstReplySeconds: null,
  chasedAt: null,
  unreadByDeputy: true,
  unreadByVoter: false,
  openingMessageId: null,
  pendingFollowUps: 0,
  reportCaseId: null,
  ...over,
});

export const aMessage = (over: Partial<Message> = {}): Message => ({
  id: nextId('message'),
  threadId: 'thread-x',
  deputyId: 'deputy-x',
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  authorUserId: 'user-x',
  authorRole: 'voter',
  text: '村口的路灯坏了',
  status: 'visible',
  createdAt: at(0),
  reviewedBy: null,
  reviewedAt: null,
  heldReason: null,
  ...over,
});

export const anActivity = (over: Partial<Activity> = {}): Activity => ({
  id: nextId('activity'),
  deputyId: 'deputy-x',
  type: 'message.replied',
  refType: 'thread',
  refId: 'thread-x',
  summary: '答复选民留言',
  points: 1,
  at: at(0),
  ...over,
});

export const anOutboxItem = (over: Partial<OutboxItem> = {}): OutboxItem => ({
  id: nextId('outbox'),
  userId: 'user-x',
  kind: 'message.received',
  title: '您收到一条新留言',
  body: '村口的路灯坏了',
  link: '/deputy/thread/index?threadId=thread-x',
  createdAt: at(0),
  status: 'pending',
  attempts: 0,
  sentAt: null,
  readAt: null,
  ...over,
});

export const anAuditEntry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: nextId('audit'),
  actorUserId: null,
  action: 'contact.send',
  entityType: 'thread',
  entityId: 'thread-x',
  detail: {},
  at: at(0),
  ...over,
});

export const anIdempotencyRecord = (over: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  id: `user-x:contact.send:${nextId('req')}`,
  result: { threadId: 'thread-x' },
  at: at(0),
  ...over,
});

export const aCounter = (over: Partial<Counter> = {}): Counter => ({
  id: nextId('counter'),
  count: 0,
  expiresAt: at(60 * 48),
  ...over,
});

export const STATION = 'station-1';

/** A published reception day on 2026-03-10 (China), 09:00–11:30 local. */
export const aReceptionDay = (over: Partial<ReceptionDay> = {}): ReceptionDay => ({
  id: nextId('day'),
  stationId: STATION,
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  date: '2026-03-10',
  startsAt: '2026-03-10T01:00:00.000Z',
  endsAt: '2026-03-10T03:30:00.000Z',
  theme: '',
  slotMinutes: 30,
  bookingCutoff: '2026-03-09T10:00:00.000Z',
  status: 'published',
  publishedAt: at(0),
  remindersSentAt: null,
  noShowsMarkedAt: null,
  createdBy: 'user-staff',
  createdAt: at(0),
  ...over,
});

export const aSlot = (over: Partial<Slot> = {}): Slot => ({
  id: nextId('slot'),
  dayId: 'day-x',
  startsAt: '2026-03-10T01:00:00.000Z',
  endsAt: '2026-03-10T01:30:00.000Z',
  capacity: 5,
  booked: 0,
  waitlisted: 0,
  touchedAt: null,
  settled: true,
  ...over,
});

export const anAssignment = (over: Partial<Assignment> = {}): Assignment => {
  const a = {
    dayId: 'day-x',
    deputyId: nextId('deputy'),
    date: '2026-03-10',
    status: 'invited' as const,
    reason: null,
    respondedAt: null,
    attendedAt: null,
    createdAt: at(0),
    ...over,
  };
  return { ...a, id: over.id ?? `${a.dayId}:${a.deputyId}` };
};

/** Booking codes: 8 characters from A–Z and 2–9 without O, I, 0, 1, distinct per process. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
let codes = 0;
export const nextBookingCode = () => {
  let k = ++codes;
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = CODE_ALPHABET[k % CODE_ALPHABET.length] + out;
    k = Math.floor(k / CODE_ALPHABET.length);
  }
  return out;
};

export const aBooking = (over: Partial<Booking> = {}): Booking => ({
  id: nextId('booking'),
  dayId: 'day-x',
  slotId: 'slot-x',
  voterUserId: 'user-x',
  visitorName: '王五',
  topic: '村口的路灯坏了',
  code: nextBookingCode(),
  status: 'confirmed',
  walkIn: false,
  createdAt: at(0),
  checkedInAt: null,
  cancelledAt: null,
  ...over,
});

export const aVisit = (over: Partial<Visit> = {}): Visit => ({
  id: nextId('visit'),
  dayId: 'day-x',
  bookingId: null,
  deputyId: 'deputy-x',
  visitorName: '王五',
  raised: '村口的路灯坏了',
  promised: '一周内联系供电所',
  caseId: null,
  recordedBy: 'user-staff',
  createdAt: at(0),
  ...over,
});

export const aClaim = (over: Partial<Claim> = {}): Claim => ({
  id: `booking:day-x:${nextId('user')}`,
  refId: 'booking-x',
  at: at(0),
  ...over,
});
