/** contact: messages the content check held for review — office staff release or hide them. */
import { page } from '../../../core/cursor';
import { audit, notify } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeScope } from '../../../core/policy';
import { registeredName } from '../../account/public';
import { deputyNames } from '../../shared/public';
import type { ContactHandlers } from '../contract';
import { deliverMessage, isOpening, threadLink } from '../messages';
import { contactQueries } from '../storage';

export const reviewHandlers: Pick<ContactHandlers, 'held' | 'review'> = {
  async held(ctx, input) {
    const caller = authorize(ctx);
    const q = contactQueries(ctx.ports);
    const scope = officeScope(caller);
    const [p, waiting] = await Promise.all([
      page(
        (o) => q.heldMessages(scope, o),
        input.cursor,
        (m) => m.createdAt,
      ),
      q.heldMessages(scope, { limit: 100 }).then((rows) => rows.length),
    ]);
    const names = await deputyNames(
      ctx,
      p.rows.map((m) => m.deputyId),
    );
    const items = await Promise.all(
      p.rows.map(async (m) => {
        const author = m.authorRole === 'voter' ? await ctx.ports.store.get('users', m.authorUserId) : null;
        const registered = author ? await registeredName(ctx, author) : null;
        return {
          messageId: m.id,
          threadId: m.threadId,
          deputyName: names.get(m.deputyId)!,
          author: m.authorRole,
          authorName:
            m.authorRole === 'deputy' ? names.get(m.deputyId)! : (registered ?? author?.displayName ?? ''),
          authorVerified: m.authorRole === 'deputy' || !!registered,
          reason: '内容安全检查建议人工审核（可能涉及敏感内容）',
          text: m.text,
          createdAt: m.createdAt,
        };
      }),
    );
    return { items, nextCursor: p.nextCursor, waiting };
  },

  async review(ctx, input) {
    const m = await ctx.ports.store.get('messages', input.messageId);
    if (!m) throw new AppError('NOT_FOUND', '留言不存在');
    authorize(ctx, { countyId: m.countyId, townshipId: m.townshipId });
    if (m.status !== 'held') throw new AppError('CONFLICT', '该留言已处理');
    const status = input.decision === 'release' ? ('visible' as const) : ('hidden' as const);
    const held = await ctx.ports.store.get('threads', m.threadId);
    const opening = !!held && held.held && (await isOpening(ctx, held, m));
    // The opening decides for the follow-ups that wait with it.
    const waiting = opening
      ? (await contactQueries(ctx.ports).messagesOfThread(m.threadId, { limit: 100 })).filter(
          (x) => x.status === 'held' && x.heldReason === 'thread',
        )
      : [];
    await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('messages', m.id))!;
      if (current.status !== 'held') throw new AppError('CONFLICT', '该留言已处理');
      const reviewed = { reviewedBy: ctx.caller!.user.id, reviewedAt: ctx.now.toISOString() };
      const thread = (await tx.get('threads', m.threadId))!;
      const waitsWithThread = status === 'visible' && thread.held && !opening;
      if (waitsWithThread) {
        // Its own review passed; it goes on waiting with its thread's held opening.
        await tx.update('messages', m.id, { heldReason: 'thread', ...reviewed });
      } else {
        await tx.update('messages', m.id, { status, ...reviewed });
        if (status === 'visible') await deliverMessage(tx, ctx, thread, { ...current, status });
        else if (opening) await tx.update('threads', thread.id, { status: 'closed' });
        for (const w of waiting) {
          await tx.update('messages', w.id, { status, ...reviewed });
          if (status === 'visible') {
            const now = (await tx.get('threads', thread.id))!;
            await deliverMessage(tx, ctx, now, { ...w, status }, { quiet: true });
          }
        }
      }
      await notify(tx, ctx, {
        userId: m.authorUserId,
        kind: status === 'visible' ? 'message.released' : 'message.hidden',
        title:
          status === 'hidden'
            ? '您的留言未通过审核'
            : waitsWithThread
              ? '您的留言已通过审核，将随首条留言一起送达'
              : '您的留言已通过审核并送达',
        body: m.text,
        link: m.authorRole === 'voter' ? threadLink.voter(m.threadId) : threadLink.deputy(m.threadId),
      });
      await audit(tx, ctx, { entityType: 'message', entityId: m.id, detail: { decision: input.decision } });
    });
    return { messageId: m.id, status };
  },
};
