/** The account module's queries, one interface for both engines. */
import type { ListOptions, Ports } from '../../../core/ports';
import { defineStorage } from '../../../adapters/storage';
import type { Conflict, RegisterEntry } from '../records';
import { accountCloudbase } from './cloudbase';
import { accountSqlite } from './sqlite';

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

export const accountStorage = defineStorage<AccountQueries>('account', {
  sqlite: accountSqlite,
  cloudbase: accountCloudbase,
});

export const accountQueries = (ports: Pick<Ports, 'store'>) => ports.store.queries(accountStorage);
