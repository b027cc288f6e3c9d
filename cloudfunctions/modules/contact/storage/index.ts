/** The contact module's queries, one interface for both engines. */
import type { ListOptions, Ports } from '../../../core/ports';
import { defineStorage } from '../../../adapters/storage';
import type { Message, Thread } from '../records';
import { contactCloudbase } from './cloudbase';
import { contactSqlite } from './sqlite';

export interface ContactQueries {
  /** A deputy's visible (not held) threads, most recent activity first (lastMessageAt desc, id desc). */
  threadsOfDeputy(
    filter: { deputyId: string; status?: Thread['status']; verifiedOnly?: boolean },
    opts: ListOptions,
  ): Promise<Thread[]>;
  unreadThreadsOfDeputy(deputyId: string): Promise<number>;
  /** A voter's own threads, most recent activity first. */
  threadsOfVoter(voterUserId: string, opts: ListOptions): Promise<Thread[]>;
  /** Oldest first (createdAt asc, id asc). */
  messagesOfThread(threadId: string, opts: ListOptions): Promise<Message[]>;
  /** Messages waiting for review, oldest first. */
  heldMessages(filter: { countyId?: string; townshipId?: string }, opts: ListOptions): Promise<Message[]>;
}

export const contactStorage = defineStorage<ContactQueries>('contact', {
  sqlite: contactSqlite,
  cloudbase: contactCloudbase,
});

export const contactQueries = (ports: Pick<Ports, 'store'>) => ports.store.queries(contactStorage);
