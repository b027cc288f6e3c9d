import type {
  Activity,
  Assignment,
  Booking,
  ReceptionDay,
  Slot,
  Visit,
  CollectionName,
  Collections,
  Conflict,
  Deputy,
  Message,
  OutboxItem,
  RegisterEntry,
  Region,
  RoleGrantRecord,
  Station,
  Thread,
  User,
} from '../records';

/**
 * Keyset position in a list: the sort value and id of the last row seen.
 * Lists are read with `limit + 1` rows to learn whether there is a next page.
 */
export interface After {
  key: string;
  id: string;
}

export interface ListOptions {
  after?: After;
  /** ≤ 100 (a CloudBase server query returns at most 100 rows). */
  limit: number;
}

/**
 * A unit of work over documents by id — the operations both engines run atomically
 * (CloudBase transactions allow only single-document operations, no `where`).
 */
export interface Tx {
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null>;
  /** Throws AppError CONFLICT when a document with that id exists. */
  insert<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void>;
  /** Throws AppError NOT_FOUND when there is no such document. */
  update<C extends CollectionName>(
    collection: C,
    id: string,
    patch: Partial<Omit<Collections[C], 'id'>>,
  ): Promise<void>;
  remove(collection: CollectionName, id: string): Promise<void>;
}

/** Reads shaped by what the screens and services ask, each implemented idiomatically per engine. */
export interface Queries {
  /** One document by id, outside any unit of work. */
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null>;
  regions(): Promise<Region[]>;
  stations(): Promise<Station[]>;
  userByOpenid(openid: string): Promise<User | null>;
  grantsOfUser(userId: string): Promise<RoleGrantRecord[]>;
  deputyByUser(userId: string): Promise<Deputy | null>;
  deputyByCode(code: string): Promise<Deputy | null>;
  /** Ordered by name, then id. */
  deputies(
    filter: { constituencyId?: string; excludeConstituencyId?: string; townshipId?: string },
    opts: ListOptions,
  ): Promise<Deputy[]>;
  /** Ordered by name, then id. */
  registerEntries(filter: { constituencyId: string }, opts: ListOptions): Promise<RegisterEntry[]>;
  /** Newest first (createdAt desc, id desc). */
  conflicts(
    filter: { countyId?: string; townshipId?: string; status?: Conflict['status'] },
    opts: ListOptions,
  ): Promise<Conflict[]>;
  /** A deputy's visible (not held) threads, most recent activity first (lastMessageAt desc, id desc). */
  threadsOfDeputy(
    filter: { deputyId: string; status?: Thread['status']; verifiedOnly?: boolean },
    opts: ListOptions,
  ): Promise<Thread[]>;
  unreadThreadsOfDeputy(deputyId: string): Promise<number>;
  /** A voter's own threads, most recent activity first. */
  threadsOfVoter(voterUserId: string, opts: ListOptions): Promise<Thread[]>;
  /** Oldest first (createdAt asc, id asc). */
  messagesOfThread(threadId: string, opts: ListOptions): Promise<Message[]>;
  /** Messages waiting for review, oldest first. */
  heldMessages(filter: { countyId?: string; townshipId?: string }, opts: ListOptions): Promise<Message[]>;
  /** A user's notifications, newest first. */
  outboxOfUser(userId: string, opts: ListOptions): Promise<OutboxItem[]>;
  unreadOutbox(userId: string): Promise<number>;
  /** Undelivered notifications, oldest first. */
  pendingOutbox(limit: number): Promise<OutboxItem[]>;
  /** Newest first. */
  activitiesOfDeputy(deputyId: string, opts: ListOptions): Promise<Activity[]>;

  /**
   * Reception days by date, then id (ascending). Dates are China dates (YYYY-MM-DD); `fromDate` and
   * `toDate` are inclusive. Filters: at most one of countyId / townshipId / stationId.
   */
  receptionDays(
    filter: {
      status?: ReceptionDay['status'];
      countyId?: string;
      townshipId?: string;
      stationId?: string;
      fromDate?: string;
      toDate?: string;
    },
    opts: ListOptions,
  ): Promise<ReceptionDay[]>;
  /** A day's slots by start time (a day has at most 48). */
  slotsOfDay(dayId: string): Promise<Slot[]>;
  /** A day's deputies (at most 100), by id. */
  assignmentsOfDay(dayId: string): Promise<Assignment[]>;
  /** A deputy's assignments by date, then id (ascending); dates inclusive. */
  assignmentsOfDeputy(
    deputyId: string,
    filter: { fromDate?: string; toDate?: string },
    opts: ListOptions,
  ): Promise<Assignment[]>;
  /** A day's bookings, oldest first (createdAt, id). */
  bookingsOfDay(dayId: string, filter: { status?: Booking['status'] }, opts: ListOptions): Promise<Booking[]>;
  /** A voter's bookings, newest first (createdAt desc, id desc). */
  bookingsOfVoter(voterUserId: string, opts: ListOptions): Promise<Booking[]>;
  /** A day's visit records, oldest first. */
  visitsOfDay(dayId: string, opts: ListOptions): Promise<Visit[]>;
}

export interface Store extends Queries {
  /** Runs `work` as one unit: every write lands, or none does. May retry `work` on a write conflict. */
  transact<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}
