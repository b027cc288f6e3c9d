/** The shared module's storage: its queries on SQLite and on CloudBase. */
import type { Ports } from '../../../core/ports';
import { defineStorage } from '../../../adapters/storage';
import { sharedCloudbase } from './cloudbase';
import type { SharedQueries } from './queries';
import { sharedSqlite } from './sqlite';

export type { DeputyFilter, SharedQueries } from './queries';

export const sharedStorage = defineStorage<SharedQueries>('shared', {
  sqlite: sharedSqlite,
  cloudbase: sharedCloudbase,
});

export const sharedQueries = (ports: Pick<Ports, 'store'>) => ports.store.queries(sharedStorage);
