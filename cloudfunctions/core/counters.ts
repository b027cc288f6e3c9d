/**
 * Counts a page shows (unread notifications, a deputy's unread threads) kept as counter documents, so a
 * page reads one document instead of counting a history. Each is written in the unit of work that changes
 * what it counts (`keepCount`), and read with `readCounter`, which counts once — for rows written before
 * the counter existed, or by a seed — and then keeps the result.
 *
 * A counter document (`counters`, never expiring) holds
 *   count ≥ 0       the count;
 *   -1 or -2        stale: something changed while it was not counted yet (the next read counts);
 *   ≤ -1000         a reader's token while it counts.
 * Writers always write the document, so a reader's token survives only if nothing changed while it
 * counted: on CloudBase a writer's transaction and the reader's conflict on the document, on SQLite they
 * run one at a time. The count a reader then saves is exact.
 */
import { AppError } from './errors';
import type { Store, Tx } from './ports';

/** Counter documents of page counts never expire. */
export const KEPT_COUNTER = '9999-12-31T23:59:59.999Z';
const STALE = -1;
const STALE_AGAIN = -2;

/** The counter of a user's unread notifications (outbox items with no readAt). */
export const unreadNoticesCounter = (userId: string) => `unread:outbox:${userId}`;

/** In the unit of work that changes what `id` counts: adds `delta` (a changed value either way marks it stale). */
export async function keepCount(tx: Tx, id: string, delta: number): Promise<void> {
  if (delta === 0) return;
  const c = await tx.get('counters', id);
  if (!c) {
    await tx.insert('counters', { id, count: STALE, expiresAt: KEPT_COUNTER });
    return;
  }
  const next = c.count + delta;
  // Not counted yet, or a count that would go below zero (something wrote around it): count again.
  if (c.count < 0 || next < 0) {
    await tx.update('counters', id, { count: c.count === STALE ? STALE_AGAIN : STALE });
    return;
  }
  await tx.update('counters', id, { count: next });
}

/**
 * The counter `id`, counting with `recount` (the rows themselves) when it has no count yet. Call it outside
 * any unit of work. A count that changed while it was counted is answered but not kept.
 */
export async function readCounter(store: Store, id: string, recount: () => Promise<number>): Promise<number> {
  const c = await store.get('counters', id);
  if (c && c.count >= 0) return c.count;
  const token = -(1000 + Math.floor(Math.random() * 1e9));
  try {
    const marked = await store.transact(async (tx) => {
      const now = await tx.get('counters', id);
      if (now && now.count >= 0) return false;
      if (now) await tx.update('counters', id, { count: token });
      else await tx.insert('counters', { id, count: token, expiresAt: KEPT_COUNTER });
      return true;
    });
    const n = await recount();
    if (marked) {
      await store.transact(async (tx) => {
        const now = await tx.get('counters', id);
        if (now?.count === token) await tx.update('counters', id, { count: n });
      });
    }
    return n;
  } catch (e) {
    // Busy writers (CONFLICT after the retries): answer the count, keep nothing.
    if (e instanceof AppError && e.code === 'CONFLICT') return recount();
    throw e;
  }
}
