/** The consult module's storage: its queries on SQLite and on CloudBase. */
import type { Ports } from '../../../core/ports';
import { defineStorage } from '../../../adapters/storage';
import { consultCloudbase } from './cloudbase';
import type { ConsultQueries } from './queries';
import { consultSqlite } from './sqlite';

export type { CommentFilter, ConsultQueries } from './queries';

export const consultStorage = defineStorage<ConsultQueries>('consult', {
  sqlite: consultSqlite,
  cloudbase: consultCloudbase,
});

export const consultQueries = (ports: Pick<Ports, 'store'>) => ports.store.queries(consultStorage);
