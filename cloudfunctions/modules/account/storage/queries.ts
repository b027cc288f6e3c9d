/** The account module's queries: what its handlers ask, one interface for both engines. */
import type { ListOptions } from '../../../core/ports';
import type { Conflict, RegisterEntry } from '../records';

export interface ConflictFilter {
  countyId?: string;
  townshipId?: string;
  status?: Conflict['status'];
}

export interface AccountQueries {
  /** A constituency's register, ordered by name, then id. */
  registerEntries(filter: { constituencyId: string }, opts: ListOptions): Promise<RegisterEntry[]>;
  /** Newest first (createdAt desc, id desc). */
  conflicts(filter: ConflictFilter, opts: ListOptions): Promise<Conflict[]>;
}
