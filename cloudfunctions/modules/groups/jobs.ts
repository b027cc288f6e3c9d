/**
 * The groups module's timer steps, each safe to run again:
 * - notify members of new posts, in bounded batches per run (the fan-out keeps how far it got, in the same
 *   unit of work as the outbox items it wrote and the one-time subscriptions it used up);
 * - close polls at their time (the deputy's duty record says so);
 * - settle images whose check answered (the `wxa_media_check` event settles its post at once; this catches
 *   up after a lost event, and gives up on a check unanswered for a day: the image stays withheld).
 */
import { notify } from '../../core/effects';
import { timerCtx } from '../../core/jobs';
import type { JobStep } from '../../core/module';
import type { Ports } from '../../core/ports';
import { mediaChecksOf, type MediaStatus } from '../shared/public';
import { closePollTx, POST_KIND, subscriptionId } from './effects';
import type { GroupPost } from './records';
import { groupsQueries } from './storage';

/** Members reached per unit of work, and units per timer run. */
export const FANOUT_BATCH = 50;
export const FANOUT_BATCHES_PER_RUN = 10;
const DAY = 86400_000;

/**
 * New-post notices. Only members who granted a subscription get an outbox item (a subscription message):
 * a long-term one is kept, a one-time one is used up. Everyone else sees the post as unread in 我的群 —
 * so a post to thousands does not flood the outbox with items nobody can be sent.
 */
export async function fanOut(ports: Ports): Promise<number> {
  const ctx = timerCtx(ports, 'groupsFanout');
  const q = groupsQueries(ports);
  let sent = 0;
  let batches = 0;
  for (const f of await q.pendingFanouts(10)) {
    let after = f.afterKey && f.afterId ? { key: f.afterKey, id: f.afterId } : undefined;
    while (batches < FANOUT_BATCHES_PER_RUN) {
      batches++;
      const rows = await q.membersOf(f.groupId, 'member', { after, limit: FANOUT_BATCH });
      const last = rows[rows.length - 1];
      const done = rows.length < FANOUT_BATCH;
      const wrote = await ports.store.transact(async (tx) => {
        const current = await tx.get('groupFanouts', f.id);
        // Another run got here first: leave it to that one.
        if (!current || current.done || current.afterId !== (after?.id ?? null)) return -1;
        let n = 0;
        for (const m of rows) {
          const subId = subscriptionId(m.userId, POST_KIND);
          const sub = await tx.get('groupSubscriptions', subId);
          if (!sub || (!sub.longTerm && sub.oneTime < 1)) continue;
          if (!sub.longTerm) await tx.update('groupSubscriptions', subId, { oneTime: sub.oneTime - 1 });
          await notify(tx, ctx, {
            userId: m.userId,
            kind: 'groups.post',
            title: f.title,
            body: f.body,
            link: f.link,
          });
          n++;
        }
        await tx.update('groupFanouts', f.id, {
          afterKey: last ? last.listedAt : current.afterKey,
          afterId: last ? last.id : current.afterId,
          sent: current.sent + n,
          done,
        });
        return n;
      });
      if (wrote < 0) break;
      sent += wrote;
      if (last) after = { key: last.listedAt, id: last.id };
      if (done) break;
    }
    if (batches >= FANOUT_BATCHES_PER_RUN) break;
  }
  return sent;
}

export async function closeDuePolls(ports: Ports): Promise<number> {
  const ctx = timerCtx(ports, 'groupsPolls');
  let closed = 0;
  for (const p of await groupsQueries(ports).pollsClosingBy(ctx.now.toISOString(), 100)) {
    const done = await ports.store.transact(async (tx) => {
      const current = await tx.get('groupPosts', p.id);
      if (!current?.pollOpen || !current.pollClosesAt || current.pollClosesAt > ctx.now.toISOString())
        return null;
      return closePollTx(tx, ctx, p.id);
    });
    if (done) closed++;
  }
  return closed;
}

/** Applies the images' checks as they stand to one post (unanswered for a day: withheld for good). */
export async function settleImages(ports: Ports, postId: string): Promise<boolean> {
  const now = ports.clock.now();
  const post = await ports.store.get('groupPosts', postId);
  if (!post?.imagesPending) return false;
  const checks = await mediaChecksOf(
    ports,
    post.images.flatMap((i) => (i.status === 'pending' && i.traceId ? [i.traceId] : [])),
  );
  const stale = now.getTime() - Date.parse(post.createdAt) > DAY;
  return ports.store.transact(async (tx) => {
    const current = await tx.get('groupPosts', postId);
    if (!current?.imagesPending) return false;
    const images = current.images.map((i) => {
      if (i.status !== 'pending') return i;
      const decided = i.traceId ? checks.get(i.traceId) : undefined;
      const status: MediaStatus =
        decided && decided.status !== 'pending' ? decided.status : stale ? 'review' : 'pending';
      return status === 'pending' ? i : { ...i, status, traceId: null };
    });
    const changed = images.some((img, k) => img.status !== current.images[k].status);
    if (!changed) return false;
    const patch: Partial<GroupPost> = {
      images,
      imagesPending: images.some((i) => i.status === 'pending'),
      updatedAt: now.toISOString(),
    };
    await tx.update('groupPosts', postId, patch);
    return true;
  });
}

export async function settlePendingImages(ports: Ports): Promise<number> {
  let settled = 0;
  for (const p of await groupsQueries(ports).postsWithPendingImages(100))
    if (await settleImages(ports, p.id)) settled++;
  return settled;
}

export const JOBS: JobStep[] = [
  { name: 'groupsPolls', run: closeDuePolls },
  {
    name: 'groupsImages',
    run: settlePendingImages,
    // After the shared step recorded the verdict: settle the post it belongs to at once.
    events: {
      async wxa_media_check(ports, event) {
        const trace = typeof event.trace_id === 'string' ? event.trace_id : null;
        if (!trace) return false;
        const check = (await mediaChecksOf(ports, [trace])).get(trace);
        const m = check ? /^groupPosts\/(.+)$/.exec(check.ref) : null;
        return m ? settleImages(ports, m[1]) : false;
      },
    },
  },
  { name: 'groupsFanout', run: fanOut },
];
