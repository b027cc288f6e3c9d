/** The contact module's storage: its queries on SQLite and on CloudBase. */
import type { Ports } from '../../../core/ports';
import { defineStorage } from '../../../adapters/storage';
import { contactCloudbase } from './cloudbase';
import type { ContactQueries } from './queries';
import { contactSqlite } from './sqlite';

export type { ContactQueries } from './queries';
export { unreadByTheDeputy, unreadThreadsCounter } from './counters';

export const contactStorage = defineStorage<ContactQueries>('contact', {
  sqlite: contactSqlite,
  cloudbase: contactCloudbase,
});

export const contactQueries = (ports: Pick<Ports, 'store'>) => ports.store.queries(contactStorage);
