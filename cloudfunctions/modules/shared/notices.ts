/** Notifications a user has seen by other means: opening the page a notification points to reads it. */
import type { Ctx } from '../../core/context';
import { keepCount, unreadNoticesCounter } from '../../core/counters';
import { sharedQueries } from './storage';

/** Marks the caller's unread notifications that open `link` as read (one unit of work). */
export async function readNotificationsAt(ctx: Ctx, userId: string, link: string): Promise<number> {
  const unread = await sharedQueries(ctx.ports).unreadAt(userId, link);
  if (unread.length === 0) return 0;
  return ctx.ports.store.transact(async (tx) => {
    let read = 0;
    for (const n of unread) {
      // Read again inside the unit of work: another request may have read it meanwhile.
      const current = await tx.get('outbox', n.id);
      if (!current || current.readAt) continue;
      await tx.update('outbox', n.id, { readAt: ctx.now.toISOString() });
      read++;
    }
    await keepCount(tx, unreadNoticesCounter(userId), -read);
    return read;
  });
}
