/** The shared module's queries: what its handlers ask, one interface for both engines. */
import type { NameSearch } from '../../../core/nameKey';
import type { ListOptions } from '../../../core/ports';
import type {
  Activity,
  Deputy,
  ImageReviewRecord,
  OutboxItem,
  Region,
  RoleGrantRecord,
  Station,
  User,
} from '../records';

export interface DeputyFilter {
  constituencyId?: string;
  excludeConstituencyId?: string;
  townshipId?: string;
  /** Only the names a search matches (core/nameKey.ts). */
  search?: NameSearch;
}

export interface SharedQueries {
  /** The whole region tree (a county has a few hundred regions), by kind, name, id. */
  regions(): Promise<Region[]>;
  /** Every station, by name, id. */
  stations(): Promise<Station[]>;
  userByOpenid(openid: string): Promise<User | null>;
  grantsOfUser(userId: string): Promise<RoleGrantRecord[]>;
  deputyByUser(userId: string): Promise<Deputy | null>;
  deputyByCode(code: string): Promise<Deputy | null>;
  /** In pinyin order: nameKey, then id. */
  deputies(filter: DeputyFilter, opts: ListOptions): Promise<Deputy[]>;
  /** Up to 100 deputies written before the sort key (CloudBase), by id. */
  deputiesWithoutNameKey(): Promise<Deputy[]>;
  /** A user's notifications, newest first. */
  outboxOfUser(userId: string, opts: ListOptions): Promise<OutboxItem[]>;
  /** How many of a user's notifications are unread: a counter document (core/counters.ts), counted once. */
  unreadOutbox(userId: string): Promise<number>;
  /** A user's unread notifications that open `link` (at most 100), oldest first. */
  unreadAt(userId: string, link: string): Promise<OutboxItem[]>;
  /** Undelivered notifications, oldest first. */
  pendingOutbox(limit: number): Promise<OutboxItem[]>;
  /** A deputy's duty record, newest first. */
  activitiesOfDeputy(deputyId: string, opts: ListOptions): Promise<Activity[]>;
  /**
   * One module's images waiting for the office's review in a county or a township (exactly one given),
   * held by `heldBy`, oldest first (heldAt, id).
   */
  heldImages(filter: HeldImageFilter, opts: ListOptions): Promise<ImageReviewRecord[]>;
}

export interface HeldImageFilter {
  module: string;
  countyId?: string;
  townshipId?: string;
  heldBy: string;
}
