/** Notifications a user has seen by other means: opening the page a notification points to reads it. */
import type { Ctx } from '../../core/context';
import { sharedQueries } from './storage';

/** Marks the caller's unread notifications that open `link` as read (one unit of work). */
export async function readNotificationsAt(ctx: Ctx, userId: string, link: string): Promise<number> {
  const unread = await sharedQueries(ctx.ports).unreadAt(userId, link);
  if (unread.length === 0) return 0;
  await ctx.ports.store.transact(async (tx) => {
    for (const n of unread) await tx.update('outbox', n.id, { readAt: ctx.now.toISOString() });
  });
  return unread.length;
}
