/** groups: comments (members, and owners answering), reports, hiding and restoring, and what waits for review. */
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { appendActivity, audit, once, priorResult } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeOver } from '../../../core/policy';
import { officeScope as scopeOf } from '../../../core/scope';
import { REPORTS_TO_HIDE } from '../constants';
import type { CommentView, GroupsHandlers } from '../contract';
import { announce, closeReview, openReview } from '../effects';
import { groupOwner } from '../policy';
import type { Group, GroupComment, GroupPost } from '../records';
import { groupsQueries, type GroupScope } from '../storage';
import { groupSubject, loadGroup, loadPost, membershipOf, pairId, placeName, roleIn } from '../views';

/** The post or comment an input names, with its post and group. */
async function targetOf(ctx: Ctx, input: { postId?: string; commentId?: string }) {
  let comment: GroupComment | null = null;
  if (input.commentId) {
    comment = await ctx.ports.store.get('groupComments', input.commentId);
    if (!comment) throw new AppError('NOT_FOUND', '评论不存在');
  }
  const post = await loadPost(ctx, comment?.postId ?? input.postId!);
  const group = await loadGroup(ctx, post.groupId);
  return { post, comment, group };
}

async function reading(ctx: Ctx, group: Group) {
  const m = await membershipOf(ctx, group);
  const subject = groupSubject(group, m);
  const caller = authorize(ctx, subject);
  return { caller, membership: m, role: roleIn(ctx, subject) ?? ('member' as const) };
}

export const commentHandlers: Pick<GroupsHandlers, 'comment' | 'comments' | 'report' | 'hide' | 'reports'> = {
  async comment(ctx, input) {
    const post = await loadPost(ctx, input.postId);
    const group = await loadGroup(ctx, post.groupId);
    const { caller, membership, role } = await reading(ctx, group);
    if (role !== 'owner' && post.status !== 'visible') throw new AppError('NOT_FOUND', '公告不存在或已隐藏');
    const prior = await priorResult<{ commentId: string; status: 'visible' | 'held' }>(ctx);
    if (prior) return prior;
    const verdict = await ctx.ports.content.text({ text: input.text, openid: caller.user.openid, scene: 2 });
    if (verdict === 'risky')
      throw new AppError('CONTENT_REJECTED', '评论未通过内容安全检查，请修改后再发', { text: '请修改' });
    const owner = role === 'owner';
    const ownerName =
      group.constituencyId && caller.deputy ? `${caller.deputy.name}代表` : placeName(ctx, group);
    const status = verdict === 'review' ? ('held' as const) : ('visible' as const);
    const comment: GroupComment = {
      id: ctx.ports.ids.next(),
      postId: post.id,
      groupId: group.id,
      authorUserId: caller.user.id,
      role: owner ? 'owner' : 'member',
      authorName: owner ? ownerName : membership!.name,
      publicName: owner ? ownerName : membership!.maskedName,
      text: input.text,
      status,
      hiddenBy: null,
      reviewed: false,
      reportCount: 0,
      createdAt: ctx.now.toISOString(),
    };
    return once(ctx, async (tx) => {
      const current = await tx.get('groupPosts', post.id);
      if (!current) throw new AppError('NOT_FOUND', '公告不存在');
      await tx.insert('groupComments', comment);
      if (status === 'visible')
        await tx.update('groupPosts', post.id, { commentCount: current.commentCount + 1 });
      else {
        await openReview(tx, ctx, {
          group,
          targetKind: 'comment',
          targetId: comment.id,
          postId: post.id,
          reason: 'held',
          authorUserId: caller.user.id,
          text: comment.text,
        });
      }
      // An owner answering in the group is part of the deputy's work.
      if (owner && caller.deputy && group.constituencyId) {
        await appendActivity(tx, ctx, {
          deputyId: caller.deputy.id,
          type: 'groups.answer',
          refType: 'groupPost',
          refId: post.id,
          summary: `在“${group.name}”回复群成员：${comment.text.slice(0, 30)}`,
        });
      }
      await audit(tx, ctx, { entityType: 'groupComment', entityId: comment.id, detail: { status } });
      return { commentId: comment.id, status };
    });
  },

  async comments(ctx, input) {
    const post = await loadPost(ctx, input.postId);
    const group = await loadGroup(ctx, post.groupId);
    const { caller, role } = await reading(ctx, group);
    if (role === 'member' && post.status !== 'visible') throw new AppError('NOT_FOUND', '公告不存在或已隐藏');
    const staff = role !== 'member';
    const p = await page(
      (o) => groupsQueries(ctx.ports).commentsOf(post.id, o),
      input.cursor,
      (c) => c.createdAt,
    );
    const items: CommentView[] = p.rows
      .filter((c) => c.status === 'visible' || staff || c.authorUserId === caller.user.id)
      .map((c) => ({
        commentId: c.id,
        postId: c.postId,
        text: c.text,
        author: staff ? c.authorName : c.publicName,
        role: c.role,
        mine: c.authorUserId === caller.user.id,
        status: c.status,
        createdAt: c.createdAt,
      }));
    return { items, nextCursor: p.nextCursor };
  },

  async report(ctx, input) {
    const { post, comment, group } = await targetOf(ctx, input);
    const { caller } = await reading(ctx, group);
    const target: GroupPost | GroupComment = comment ?? post;
    if (target.status !== 'visible' || post.status !== 'visible')
      throw new AppError('NOT_FOUND', '内容不存在或已隐藏');
    if (target.authorUserId === caller.user.id) throw new AppError('FORBIDDEN', '不能举报自己发布的内容');
    const id = pairId(target.id, caller.user.id);
    if (await ctx.ports.store.get('groupReports', id)) throw new AppError('CONFLICT', '您已举报过这条内容');
    const hidden = await ctx.ports.store.transact(async (tx) => {
      if (await tx.get('groupReports', id)) throw new AppError('CONFLICT', '您已举报过这条内容');
      await tx.insert('groupReports', {
        id,
        groupId: group.id,
        targetKind: comment ? 'comment' : 'post',
        targetId: target.id,
        userId: caller.user.id,
        reason: input.reason,
        at: ctx.now.toISOString(),
      });
      const current = comment
        ? await tx.get('groupComments', comment.id)
        : await tx.get('groupPosts', post.id);
      if (!current) throw new AppError('NOT_FOUND', '内容不存在');
      const reportCount = current.reportCount + 1;
      const hide = reportCount >= REPORTS_TO_HIDE && !current.reviewed && current.status === 'visible';
      const patch = {
        reportCount,
        ...(hide ? { status: 'hidden' as const, hiddenBy: 'reports' as const } : {}),
      };
      if (comment) await tx.update('groupComments', comment.id, patch);
      else await tx.update('groupPosts', post.id, patch);
      if (hide) {
        if (comment) {
          const p = (await tx.get('groupPosts', post.id))!;
          await tx.update('groupPosts', post.id, { commentCount: Math.max(0, p.commentCount - 1) });
        }
        await openReview(tx, ctx, {
          group,
          targetKind: comment ? 'comment' : 'post',
          targetId: target.id,
          postId: post.id,
          reason: 'reports',
          authorUserId: target.authorUserId,
          text: target.text,
        });
      }
      await audit(tx, ctx, {
        entityType: comment ? 'groupComment' : 'groupPost',
        entityId: target.id,
        detail: { report: input.reason, hidden: hide },
      });
      return hide;
    });
    return { reported: true as const, hidden };
  },

  async hide(ctx, input) {
    const { post, comment, group } = await targetOf(ctx, input);
    const { role } = await reading(ctx, group);
    const target: GroupPost | GroupComment = comment ?? post;
    if (!input.hidden && target.status === 'held' && role !== 'office')
      throw new AppError('FORBIDDEN', '内容安全待审核的内容由乡镇人大审核后放行');
    const status = await ctx.ports.store.transact(async (tx) => {
      const current = comment
        ? await tx.get('groupComments', comment.id)
        : await tx.get('groupPosts', post.id);
      if (!current) throw new AppError('NOT_FOUND', '内容不存在');
      const wanted = input.hidden ? 'hidden' : 'visible';
      if (current.status === wanted) return current.status;
      if (!input.hidden && current.status === 'held' && role !== 'office')
        throw new AppError('FORBIDDEN', '内容安全待审核的内容由乡镇人大审核后放行');
      const patch = input.hidden
        ? {
            status: 'hidden' as const,
            hiddenBy: role === 'office' ? ('office' as const) : ('owner' as const),
          }
        : { status: 'visible' as const, hiddenBy: null, reviewed: true };
      const countDelta = comment ? (input.hidden ? (current.status === 'visible' ? -1 : 0) : 1) : 0;
      if (comment) await tx.update('groupComments', comment.id, patch);
      else await tx.update('groupPosts', post.id, patch);
      if (countDelta) {
        const p = (await tx.get('groupPosts', post.id))!;
        await tx.update('groupPosts', post.id, { commentCount: Math.max(0, p.commentCount + countDelta) });
      }
      if (!comment && !input.hidden && !(current as GroupPost).announced) {
        // Held until now: shown to members for the first time, and announced to them.
        const g = (await tx.get('groups', group.id))!;
        await announce(tx, ctx, g, { ...(current as GroupPost), ...patch });
        await tx.update('groupPosts', post.id, { announced: true });
      }
      await closeReview(tx, ctx, target.id, input.hidden ? 'hide' : 'restore');
      await audit(tx, ctx, {
        entityType: comment ? 'groupComment' : 'groupPost',
        entityId: target.id,
        detail: { status: patch.status },
      });
      return patch.status;
    });
    return { status };
  },

  async reports(ctx, input) {
    const caller = authorize(ctx);
    let scope: GroupScope & { groupId?: string };
    if (input.groupId) {
      const group = await loadGroup(ctx, input.groupId);
      const subject = groupSubject(group, null);
      if (!groupOwner(caller, subject) && !officeOver(caller, subject))
        throw new AppError('FORBIDDEN', '只有本群的群主或乡镇人大可以查看');
      scope = { groupId: group.id };
    } else {
      scope =
        scopeOf(caller.grants) ?? (caller.deputy ? { constituencyId: caller.deputy.constituencyId } : {});
    }
    const p = await page(
      (o) => groupsQueries(ctx.ports).openReviews(scope, o),
      input.cursor,
      (r) => r.openedAt,
    );
    const items = await Promise.all(
      p.rows.map(async (r) => {
        const [group, target] = await Promise.all([
          ctx.ports.store.get('groups', r.groupId),
          r.targetKind === 'comment'
            ? ctx.ports.store.get('groupComments', r.targetId)
            : ctx.ports.store.get('groupPosts', r.targetId),
        ]);
        const subject = group ? groupSubject(group, null) : null;
        const office = !!subject && officeOver(caller, subject);
        return {
          reviewId: r.id,
          groupId: r.groupId,
          groupName: group?.name ?? '',
          targetKind: r.targetKind,
          targetId: r.targetId,
          postId: r.postId,
          reason: r.reason,
          reportCount: target?.reportCount ?? 0,
          excerpt: r.excerpt,
          author: target?.authorName ?? '',
          openedAt: r.openedAt,
          canRestore: r.reason === 'held' ? office : office || (!!subject && groupOwner(caller, subject)),
        };
      }),
    );
    return { items, nextCursor: p.nextCursor };
  },
};
