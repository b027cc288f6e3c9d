/** The account module's queries: what its handlers ask, one interface for both engines. */
import type { NameSearch } from '../../../core/nameKey';
import type { ListOptions } from '../../../core/ports';
import type { Conflict, RegisterEntry } from '../records';

export interface ConflictFilter {
  countyId?: string;
  townshipId?: string;
  status?: Conflict['status'];
}

export interface AccountQueries {
  /** A constituency's register in pinyin order (nameKey, then id); with `search`, the names it matches. */
  registerEntries(
    filter: { constituencyId: string; search?: NameSearch },
    opts: ListOptions,
  ): Promise<RegisterEntry[]>;
  /** Up to 100 of a constituency's entries written before the sort key (CloudBase), by id. */
  entriesWithoutNameKey(constituencyId: string): Promise<RegisterEntry[]>;
  /** Newest first (createdAt desc, id desc). */
  conflicts(filter: ConflictFilter, opts: ListOptions): Promise<Conflict[]>;
}
