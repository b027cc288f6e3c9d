/** contact: messages the content check held for review — office staff release or hide them. */
import { page } from '../../../core/cursor';
import { audit, notify } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeScope } from '../../../core/policy';
import { deputyNames } from '../../shared/public';
import type { ContactHandlers } from '../contract';
import { deliverMessage } from '../messages';
import { contactQueries } from '../storage';

export const reviewHandlers: Pick<ContactHandlers, 'held' | 'review'> = {
  async held(ctx, input) {
    const caller = authorize(ctx);
    const p = await page(
      (o) => contactQueries(ctx.ports).heldMessages(officeScope(caller), o),
      input.cursor,
      (m) => m.createdAt,
    );
    const names = await deputyNames(
      ctx,
      p.rows.map((m) => m.deputyId),
    );
    return {
      items: p.rows.map((m) => ({
        messageId: m.id,
        threadId: m.threadId,
        deputyName: names.get(m.deputyId)!,
        text: m.text,
        createdAt: m.createdAt,
      })),
      nextCursor: p.nextCursor,
    };
  },

  async review(ctx, input) {
    const m = await ctx.ports.store.get('messages', input.messageId);
    if (!m) throw new AppError('NOT_FOUND', '留言不存在');
    authorize(ctx, { countyId: m.countyId, townshipId: m.townshipId });
    if (m.status !== 'held') throw new AppError('CONFLICT', '该留言已处理');
    const status = input.decision === 'release' ? ('visible' as const) : ('hidden' as const);
    await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('messages', m.id))!;
      if (current.status !== 'held') throw new AppError('CONFLICT', '该留言已处理');
      await tx.update('messages', m.id, {
        status,
        reviewedBy: ctx.caller!.user.id,
        reviewedAt: ctx.now.toISOString(),
      });
      const thread = (await tx.get('threads', m.threadId))!;
      if (status === 'visible') await deliverMessage(tx, ctx, thread, { ...current, status });
      else if (thread.held) await tx.update('threads', thread.id, { status: 'closed' });
      await notify(tx, ctx, {
        userId: m.authorUserId,
        kind: status === 'visible' ? 'message.released' : 'message.hidden',
        title: status === 'visible' ? '您的留言已通过审核并送达' : '您的留言未通过审核',
        body: m.text,
        link:
          m.authorRole === 'voter'
            ? `/pages/thread/index?threadId=${m.threadId}`
            : `/deputy/thread/index?threadId=${m.threadId}`,
      });
      await audit(tx, ctx, { entityType: 'message', entityId: m.id, detail: { decision: input.decision } });
    });
    return { messageId: m.id, status };
  },
};
