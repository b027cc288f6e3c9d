/** The cases module's storage: its queries on SQLite and on CloudBase. */
import type { Ports } from '../../../core/ports';
import { defineStorage } from '../../../adapters/storage';
import { casesCloudbase } from './cloudbase';
import type { CasesQueries } from './queries';
import { casesSqlite } from './sqlite';

export type { CasesQueries, ScopeFilter } from './queries';

export const casesStorage = defineStorage<CasesQueries>('cases', {
  sqlite: casesSqlite,
  cloudbase: casesCloudbase,
});

export const casesQueries = (ports: Pick<Ports, 'store'>) => ports.store.queries(casesStorage);
