/** groups: owners' posts (text, images, a poll), editing with history, pinning; the feed, reads and votes. */
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { appendActivity, audit, once, priorResult } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import { checkImages, recordMediaChecks } from '../../shared/public';
import { POLL_MAX_DAYS, POLL_MIN_MINUTES } from '../constants';
import type { GroupsHandlers, PostView } from '../contract';
import { addToTally, announce, closePollTx, closeReview, openReview } from '../effects';
import type { Group, GroupPost } from '../records';
import { groupsQueries } from '../storage';
import {
  feedGroup,
  feedKeyOf,
  newPost,
  groupSubject,
  loadGroup,
  loadPost,
  membershipOf,
  pairId,
  placeName,
  postImagesPlace,
  postImagesRef,
  postViews,
  roleIn,
  type Viewer,
} from '../views';

/** The caller's view of one post of a group they may read. */
export async function viewFor(ctx: Ctx, group: Group, post: GroupPost): Promise<PostView> {
  const m = await membershipOf(ctx, group);
  const role = roleIn(ctx, groupSubject(group, m)) ?? 'member';
  return (await postViews(ctx, group, [post], { role, userId: ctx.caller!.user.id }))[0];
}

/** Who posts: 李华代表, or the station. */
function authorOf(ctx: Ctx, group: Group): string {
  const deputy = ctx.caller?.deputy;
  if (group.constituencyId && deputy) return `${deputy.name}代表`;
  return placeName(ctx, group);
}

/** Reads the caller's stored membership and checks the action's rule against it. */
async function reading(ctx: Ctx, group: Group) {
  const m = await membershipOf(ctx, group);
  const subject = groupSubject(group, m);
  const caller = authorize(ctx, subject);
  const viewer: Viewer = { role: roleIn(ctx, subject) ?? 'member', userId: caller.user.id };
  return { caller, membership: m, viewer };
}

export const postHandlers: Pick<
  GroupsHandlers,
  'post' | 'edit' | 'pin' | 'feed' | 'getPost' | 'read' | 'vote' | 'closePoll'
> = {
  async post(ctx, input) {
    const group = await loadGroup(ctx, input.groupId);
    const { caller } = await reading(ctx, group);
    const prior = await priorResult<{ postId: string; status: 'visible' | 'held' }>(ctx);
    if (prior) return prior;
    if (input.poll) {
      const closes = Date.parse(input.poll.closesAt);
      if (closes < ctx.now.getTime() + POLL_MIN_MINUTES * 60_000)
        throw new AppError('INVALID_INPUT', `投票截止时间至少在 ${POLL_MIN_MINUTES} 分钟之后`, {
          'poll.closesAt': '截止时间太早',
        });
      if (closes > ctx.now.getTime() + POLL_MAX_DAYS * 86400_000)
        throw new AppError('INVALID_INPUT', `投票最长 ${POLL_MAX_DAYS} 天`, {
          'poll.closesAt': '截止时间太晚',
        });
    }
    const verdict = await ctx.ports.content.text({
      text: [input.text, ...(input.poll?.options ?? [])].join('\n'),
      openid: caller.user.openid,
      scene: 3,
    });
    if (verdict === 'risky')
      throw new AppError('CONTENT_REJECTED', '公告内容未通过内容安全检查，请修改后再发', { text: '请修改' });
    const images = await checkImages(ctx, input.images, {
      userId: caller.user.id,
      openid: caller.user.openid,
    });
    const now = ctx.now.toISOString();
    const held = verdict === 'review';
    const post = newPost(group, {
      id: ctx.ports.ids.next(),
      kind: 'notice',
      authorUserId: caller.user.id,
      authorDeputyId: group.constituencyId ? (caller.deputy?.id ?? null) : null,
      authorName: authorOf(ctx, group),
      text: input.text,
      images,
      imagesPending: images.some((i) => i.status === 'pending'),
      poll: input.poll
        ? {
            options: input.poll.options,
            closesAt: new Date(input.poll.closesAt).toISOString(),
            closedAt: null,
          }
        : null,
      pollOpen: !!input.poll,
      pollClosesAt: input.poll ? new Date(input.poll.closesAt).toISOString() : null,
      status: held ? 'held' : 'visible',
      announced: !held,
      createdAt: now,
    });
    return once(ctx, async (tx) => {
      const g = await tx.get('groups', group.id);
      if (!g) throw new AppError('NOT_FOUND', '群不存在');
      await tx.insert('groupPosts', post);
      await recordMediaChecks(
        tx,
        ctx,
        images,
        postImagesRef(post.id),
        caller.user.id,
        postImagesPlace(g, post),
      );
      if (held) {
        await openReview(tx, ctx, {
          group: g,
          targetKind: 'post',
          targetId: post.id,
          postId: post.id,
          reason: 'held',
          authorUserId: caller.user.id,
          text: post.text,
        });
      } else await announce(tx, ctx, g, post);
      if (post.authorDeputyId) {
        await appendActivity(tx, ctx, {
          deputyId: post.authorDeputyId,
          type: 'groups.post',
          refType: 'groupPost',
          refId: post.id,
          summary: `在“${g.name}”发布公告：${post.text.slice(0, 30)}`,
        });
      }
      await audit(tx, ctx, {
        entityType: 'groupPost',
        entityId: post.id,
        detail: { images: images.length, poll: !!post.poll, held },
      });
      return { postId: post.id, status: held ? ('held' as const) : ('visible' as const) };
    });
  },

  async edit(ctx, input) {
    const post = await loadPost(ctx, input.postId);
    const group = await loadGroup(ctx, post.groupId);
    const { caller } = await reading(ctx, group);
    if (post.version !== input.version)
      throw new AppError('CONFLICT', '这条公告已被修改（可能是另一位群主），请刷新后再改');
    const verdict = await ctx.ports.content.text({ text: input.text, openid: caller.user.openid, scene: 3 });
    if (verdict === 'risky')
      throw new AppError('CONTENT_REJECTED', '公告内容未通过内容安全检查，请修改', { text: '请修改' });
    const next = await ctx.ports.store.transact(async (tx) => {
      const current = await tx.get('groupPosts', post.id);
      const g = await tx.get('groups', group.id);
      if (!current || !g) throw new AppError('NOT_FOUND', '公告不存在');
      // Two owners at once: the one without the latest version loses, and nothing of it is written.
      if (current.version !== input.version)
        throw new AppError('CONFLICT', '这条公告已被修改（可能是另一位群主），请刷新后再改');
      const now = ctx.now.toISOString();
      await tx.insert('groupPostEdits', {
        id: `${post.id}:${current.version}`,
        postId: post.id,
        groupId: post.groupId,
        version: current.version,
        text: current.text,
        editedBy: caller.user.id,
        at: now,
      });
      let status = current.status;
      if (verdict === 'review' && status === 'visible') status = 'held';
      const patch: Partial<GroupPost> = {
        text: input.text,
        version: current.version + 1,
        editedAt: now,
        updatedAt: now,
        status,
      };
      const updated = { ...current, ...patch };
      if (status === 'held') {
        await openReview(tx, ctx, {
          group: g,
          targetKind: 'post',
          targetId: post.id,
          postId: post.id,
          reason: 'held',
          authorUserId: current.authorUserId,
          text: input.text,
        });
      } else if (current.status === 'held' && verdict === 'pass') {
        // Held text replaced by text that passes: shown (and announced, if it never was).
        patch.status = 'visible';
        updated.status = 'visible';
        await closeReview(tx, ctx, post.id, 'restore');
        if (!current.announced) {
          await announce(tx, ctx, g, updated);
          patch.announced = true;
        }
      }
      await tx.update('groupPosts', post.id, patch);
      await audit(tx, ctx, {
        entityType: 'groupPost',
        entityId: post.id,
        detail: { version: patch.version },
      });
      return { ...updated, ...patch };
    });
    return viewFor(ctx, group, next);
  },

  async pin(ctx, input) {
    const post = await loadPost(ctx, input.postId);
    const group = await loadGroup(ctx, post.groupId);
    await reading(ctx, group);
    const next = await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('groupPosts', post.id))!;
      if (current.pinned === input.pinned) return current;
      const pinnedAt = input.pinned ? ctx.now.toISOString() : null;
      const patch = {
        pinned: input.pinned,
        pinnedAt,
        feedKey: feedKeyOf({ pinned: input.pinned, pinnedAt, createdAt: current.createdAt }),
        updatedAt: ctx.now.toISOString(),
      };
      await tx.update('groupPosts', post.id, patch);
      await audit(tx, ctx, { entityType: 'groupPost', entityId: post.id, detail: { pinned: input.pinned } });
      return { ...current, ...patch };
    });
    return viewFor(ctx, group, next);
  },

  async feed(ctx, input) {
    const group = await loadGroup(ctx, input.groupId);
    const { membership, viewer } = await reading(ctx, group);
    const p = await page(
      (o) => groupsQueries(ctx.ports).feed(group.id, { visibleOnly: viewer.role === 'member' }, o),
      input.cursor,
      (post) => post.feedKey,
    );
    const items = await postViews(ctx, group, p.rows, viewer);
    // Opening the feed is seeing what is new: the member's unread count starts again from here.
    if (viewer.role === 'member' && !input.cursor && membership && membership.seenSeq < group.postSeq) {
      await ctx.ports.store.transact(async (tx) => {
        const m = await tx.get('groupMembers', membership.id);
        if (m && m.seenSeq < group.postSeq) await tx.update('groupMembers', m.id, { seenSeq: group.postSeq });
      });
    }
    return { group: feedGroup(ctx, group, viewer.role, membership), items, nextCursor: p.nextCursor };
  },

  async getPost(ctx, input) {
    const post = await loadPost(ctx, input.postId);
    const group = await loadGroup(ctx, post.groupId);
    const { membership, viewer } = await reading(ctx, group);
    if (viewer.role === 'member' && post.status !== 'visible')
      throw new AppError('NOT_FOUND', '公告不存在或已隐藏');
    const [view] = await postViews(ctx, group, [post], viewer);
    const staff = viewer.role !== 'member';
    const history = staff ? await groupsQueries(ctx.ports).editsOf(post.id, 20) : [];
    const whyNoComment =
      viewer.role === 'office'
        ? '乡镇人大可查看，不在群内发言'
        : viewer.role === 'member' && membership?.muted
          ? '您已被群主禁言，暂时不能评论'
          : post.status !== 'visible' && viewer.role === 'member'
            ? '公告已隐藏'
            : null;
    return {
      ...view,
      group: feedGroup(ctx, group, viewer.role, membership),
      history: history.map((e) => ({ version: e.version, text: e.text, at: e.at })),
      canComment: whyNoComment === null,
      whyNoComment,
    };
  },

  async read(ctx, input) {
    const ids = [...new Set(input.postIds ?? [input.postId!])];
    const posts = await Promise.all(ids.map((id) => ctx.ports.store.get('groupPosts', id)));
    if (posts.some((p) => !p)) throw new AppError('NOT_FOUND', '公告不存在');
    const groupIds = new Set(posts.map((p) => p!.groupId));
    if (groupIds.size !== 1)
      throw new AppError('INVALID_INPUT', '一次只能标记同一个群的公告', { postIds: '不在同一个群' });
    const group = await loadGroup(ctx, posts[0]!.groupId);
    const { viewer } = await reading(ctx, group);
    // Only members' reads count (已读 N / 成员 M); owners and office staff reading change nothing.
    if (viewer.role !== 'member') return { read: 0 };
    const fresh = await Promise.all(
      posts.map(async (p) => {
        if (p!.status !== 'visible') return 0;
        const id = pairId(p!.id, viewer.userId);
        if (await ctx.ports.store.get('groupReads', id)) return 0;
        try {
          return await ctx.ports.store.transact(async (tx) => {
            if (await tx.get('groupReads', id)) return 0;
            await tx.insert('groupReads', {
              id,
              postId: p!.id,
              groupId: group.id,
              userId: viewer.userId,
              at: ctx.now.toISOString(),
            });
            await addToTally(tx, p!.id, 'reads', 0, 1);
            return 1;
          });
        } catch (e) {
          // The same read recorded by a twin request at the same moment.
          if (e instanceof AppError && e.code === 'CONFLICT') return 0;
          throw e;
        }
      }),
    );
    return { read: fresh.reduce<number>((a, b) => a + b, 0) };
  },

  async vote(ctx, input) {
    const post = await loadPost(ctx, input.postId);
    const group = await loadGroup(ctx, post.groupId);
    const { viewer } = await reading(ctx, group);
    if (!post.poll || post.status !== 'visible') throw new AppError('NOT_FOUND', '这条公告没有投票');
    if (input.option >= post.poll.options.length)
      throw new AppError('INVALID_INPUT', '没有这个选项', { option: '没有这个选项' });
    const closed = () => '投票已截止';
    if (post.poll.closedAt || Date.parse(post.poll.closesAt) <= ctx.now.getTime())
      throw new AppError('CLOSED', closed());
    const id = pairId(post.id, viewer.userId);
    if (await ctx.ports.store.get('groupVotes', id)) throw new AppError('CONFLICT', '您已投过票');
    const width = post.poll.options.length;
    await ctx.ports.store.transact(async (tx) => {
      const current = await tx.get('groupPosts', post.id);
      if (!current?.poll || current.poll.closedAt || Date.parse(current.poll.closesAt) <= ctx.now.getTime())
        throw new AppError('CLOSED', closed());
      if (await tx.get('groupVotes', id)) throw new AppError('CONFLICT', '您已投过票');
      await tx.insert('groupVotes', {
        id,
        postId: post.id,
        groupId: group.id,
        userId: viewer.userId,
        option: input.option,
        at: ctx.now.toISOString(),
      });
      await addToTally(tx, post.id, 'votes', input.option, width);
    });
    return (await viewFor(ctx, group, post)).poll!;
  },

  async closePoll(ctx, input) {
    const post = await loadPost(ctx, input.postId);
    const group = await loadGroup(ctx, post.groupId);
    await reading(ctx, group);
    if (!post.poll) throw new AppError('NOT_FOUND', '这条公告没有投票');
    if (!post.pollOpen) throw new AppError('CLOSED', '投票已经结束');
    const closed = await ctx.ports.store.transact((tx) => closePollTx(tx, ctx, post.id));
    if (!closed) throw new AppError('CLOSED', '投票已经结束');
    return viewFor(ctx, group, closed);
  },
};
