/** The groups module's storage: its queries on SQLite and on CloudBase. */
import type { Ports } from '../../../core/ports';
import { defineStorage } from '../../../adapters/storage';
import { groupsCloudbase } from './cloudbase';
import type { GroupsQueries } from './queries';
import { groupsSqlite } from './sqlite';

export type { GroupScope, GroupsQueries } from './queries';

export const groupsStorage = defineStorage<GroupsQueries>('groups', {
  sqlite: groupsSqlite,
  cloudbase: groupsCloudbase,
});

export const groupsQueries = (ports: Pick<Ports, 'store'>) => ports.store.queries(groupsStorage);
