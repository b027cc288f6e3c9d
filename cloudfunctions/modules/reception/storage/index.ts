/** The reception module's storage: its queries on SQLite and on CloudBase. */
import type { Ports } from '../../../core/ports';
import { defineStorage } from '../../../adapters/storage';
import { receptionCloudbase } from './cloudbase';
import type { ReceptionQueries } from './queries';
import { receptionSqlite } from './sqlite';

export type { DayFilter, ReceptionQueries } from './queries';

export const receptionStorage = defineStorage<ReceptionQueries>('reception', {
  sqlite: receptionSqlite,
  cloudbase: receptionCloudbase,
});

export const receptionQueries = (ports: Pick<Ports, 'store'>) => ports.store.queries(receptionStorage);
