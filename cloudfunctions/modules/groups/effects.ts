/** What the groups module's units of work share: showing a post to members, counters, reviews. */
import type { Ctx } from '../../core/context';
import { appendActivity, audit } from '../../core/effects';
import type { Tx } from '../../core/ports';
import type { Group, GroupPost, GroupReview, GroupTally } from './records';
import { excerpt } from './views';

/** Counter shards per post and kind: a rush of readers or voters seldom writes the same document. */
export const SHARDS = 16;
export const tallyId = (postId: string, kind: GroupTally['kind'], shard: number) =>
  `${postId}:${kind}:${String(shard).padStart(2, '0')}`;

/** Adds one to `counts[index]` of one shard picked at random (inside the read's or vote's unit of work). */
export async function addToTally(
  tx: Tx,
  postId: string,
  kind: GroupTally['kind'],
  index: number,
  width: number,
  random: () => number = Math.random,
): Promise<void> {
  const shard = Math.floor(random() * SHARDS);
  const id = tallyId(postId, kind, shard);
  const current = await tx.get('groupTallies', id);
  const counts = Array.from({ length: width }, (_, i) => current?.counts[i] ?? 0);
  counts[index] += 1;
  if (current) await tx.update('groupTallies', id, { counts });
  else await tx.insert('groupTallies', { id, postId, kind, shard, counts });
}

export const postLink = (postId: string) => `/groups/post/index?postId=${postId}`;

/**
 * A post becomes visible to members for the first time: it counts towards their unread, and its
 * notification to every member is queued for the timer (one document here, whatever the group's size).
 * The caller marks the post `announced` in the same unit of work.
 */
export async function announce(tx: Tx, ctx: Ctx, group: Group, post: GroupPost): Promise<void> {
  const now = ctx.now.toISOString();
  await tx.update('groups', group.id, {
    postSeq: group.postSeq + 1,
    lastPostAt: now,
    lastPostExcerpt: excerpt(post.text),
    updatedAt: now,
  });
  if (group.memberCount > 0) {
    await tx.insert('groupFanouts', {
      id: post.id,
      groupId: group.id,
      postId: post.id,
      title: `${group.name} 有新公告`,
      body: excerpt(post.text, 40),
      link: postLink(post.id),
      afterKey: null,
      afterId: null,
      sent: 0,
      done: false,
      createdAt: now,
    });
  }
}

/** Opens (or reopens) the review of a post or comment: hidden by reports, or held by the content check. */
export async function openReview(
  tx: Tx,
  ctx: Ctx,
  r: Pick<GroupReview, 'targetKind' | 'targetId' | 'postId' | 'reason' | 'authorUserId'> & {
    group: Group;
    text: string;
  },
): Promise<void> {
  const doc: GroupReview = {
    id: r.targetId,
    groupId: r.group.id,
    countyId: r.group.countyId,
    townshipId: r.group.townshipId,
    constituencyId: r.group.constituencyId,
    stationId: r.group.stationId,
    targetKind: r.targetKind,
    targetId: r.targetId,
    postId: r.postId,
    reason: r.reason,
    open: true,
    excerpt: excerpt(r.text, 80),
    authorUserId: r.authorUserId,
    openedAt: ctx.now.toISOString(),
    closedAt: null,
    decision: null,
  };
  const existing = await tx.get('groupReviews', r.targetId);
  if (existing) await tx.update('groupReviews', r.targetId, doc);
  else await tx.insert('groupReviews', doc);
}

/** Closes a target's open review, if there is one. */
export async function closeReview(tx: Tx, ctx: Ctx, targetId: string, decision: 'restore' | 'hide') {
  const existing = await tx.get('groupReviews', targetId);
  if (existing?.open)
    await tx.update('groupReviews', targetId, { open: false, closedAt: ctx.now.toISOString(), decision });
}

/** Closes an open poll (early by an owner, or by the timer at its time) and records it in the duty record. */
export async function closePollTx(tx: Tx, ctx: Ctx, postId: string): Promise<GroupPost | null> {
  const post = await tx.get('groupPosts', postId);
  if (!post?.poll || !post.pollOpen) return null;
  const closedAt = ctx.now.toISOString() < post.poll.closesAt ? ctx.now.toISOString() : post.poll.closesAt;
  const poll = { ...post.poll, closedAt };
  await tx.update('groupPosts', post.id, { poll, pollOpen: false, updatedAt: ctx.now.toISOString() });
  if (post.authorDeputyId) {
    await appendActivity(tx, ctx, {
      deputyId: post.authorDeputyId,
      type: 'groups.pollClose',
      refType: 'groupPost',
      refId: post.id,
      summary: `群内投票结束：${post.text.slice(0, 30)}`,
    });
  }
  await audit(tx, ctx, { entityType: 'groupPost', entityId: post.id, detail: { poll: 'closed' } });
  return { ...post, poll, pollOpen: false };
}

/** The one kind of notice members subscribe to, and their record of it. */
export const POST_KIND = 'groups.post';
export const subscriptionId = (userId: string, kind = POST_KIND) => `${userId}:${kind}`;
