/** The contact module's page counts kept as counter documents (core/counters.ts). */
import type { Thread } from '../records';

/**
 * The counter of a deputy's unread threads — visible (not held) and unread by the deputy — kept in the
 * unit of work of every change to those fields (messages.ts `updateThread`); `unreadThreadsOfDeputy` reads
 * it. Contact migration 4 counts it for the threads that existed before it.
 */
export const unreadThreadsCounter = (deputyId: string) => `unread:threads:${deputyId}`;

/** Whether a thread counts among its deputy's unread ones. */
export const unreadByTheDeputy = (t: Pick<Thread, 'held' | 'unreadByDeputy'>) => !t.held && t.unreadByDeputy;
