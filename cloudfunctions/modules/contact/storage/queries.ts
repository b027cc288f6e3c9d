/** The contact module's queries: what its handlers ask, one interface for both engines. */
import type { ListOptions } from '../../../core/ports';
import type { Message, Thread } from '../records';

export interface ContactQueries {
  /** A deputy's visible (not held) threads, most recent activity first (lastMessageAt desc, id desc). */
  threadsOfDeputy(
    filter: { deputyId: string; status?: Thread['status']; verifiedOnly?: boolean },
    opts: ListOptions,
  ): Promise<Thread[]>;
  /** How many of a deputy's threads are visible and unread by the deputy: a counter document, counted once. */
  unreadThreadsOfDeputy(deputyId: string): Promise<number>;
  /** A voter's own threads, most recent activity first. */
  threadsOfVoter(voterUserId: string, opts: ListOptions): Promise<Thread[]>;
  /** Oldest first (createdAt asc, id asc). */
  messagesOfThread(threadId: string, opts: ListOptions): Promise<Message[]>;
  /** Messages waiting for staff review (not those only waiting with their held thread), oldest first. */
  heldMessages(filter: { countyId?: string; townshipId?: string }, opts: ListOptions): Promise<Message[]>;
}
