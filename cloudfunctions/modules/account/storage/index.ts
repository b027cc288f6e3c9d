/** The account module's storage: its queries on SQLite and on CloudBase. */
import type { Ports } from '../../../core/ports';
import { defineStorage } from '../../../adapters/storage';
import { accountCloudbase } from './cloudbase';
import type { AccountQueries } from './queries';
import { accountSqlite } from './sqlite';

export type { ConflictFilter, AccountQueries } from './queries';

export const accountStorage = defineStorage<AccountQueries>('account', {
  sqlite: accountSqlite,
  cloudbase: accountCloudbase,
});

export const accountQueries = (ports: Pick<Ports, 'store'>) => ports.store.queries(accountStorage);
