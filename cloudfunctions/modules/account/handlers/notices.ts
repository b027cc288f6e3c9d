/** account: a user's notifications, and a deputy's duty record. */
import { keepCount, unreadNoticesCounter } from '../../../core/counters';
import { decodeCursor, page } from '../../../core/cursor';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import { sharedQueries } from '../../shared/public';
import type { AccountHandlers } from '../contract';

export const noticeHandlers: Pick<AccountHandlers, 'notifications' | 'readNotifications' | 'dutyRecord'> = {
  async notifications(ctx, input) {
    const caller = authorize(ctx);
    const q = sharedQueries(ctx.ports);
    decodeCursor(input.cursor); // refused before the count, which writes its counter the first time it counts
    const [p, unread] = await Promise.all([
      page(
        (o) => q.outboxOfUser(caller.user.id, o),
        input.cursor,
        (n) => n.createdAt,
      ),
      q.unreadOutbox(caller.user.id),
    ]);
    return {
      items: p.rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        createdAt: n.createdAt,
        read: !!n.readAt,
      })),
      nextCursor: p.nextCursor,
      unread,
    };
  },

  async readNotifications(ctx, input) {
    const caller = authorize(ctx);
    return ctx.ports.store.transact(async (tx) => {
      let read = 0;
      for (const id of new Set(input.ids)) {
        const n = await tx.get('outbox', id);
        if (n && n.userId === caller.user.id && !n.readAt) {
          await tx.update('outbox', id, { readAt: ctx.now.toISOString() });
          read++;
        }
      }
      await keepCount(tx, unreadNoticesCounter(caller.user.id), -read);
      return { read };
    });
  },

  async dutyRecord(ctx, input) {
    const deputyId = input.deputyId ?? ctx.caller?.deputy?.id;
    if (!deputyId) {
      if (!ctx.caller) throw new AppError('UNAUTHENTICATED', '请先登录');
      throw new AppError('INVALID_INPUT', '请指定代表', { deputyId: '必填' });
    }
    const deputy = await ctx.ports.store.get('deputies', deputyId);
    if (!deputy) throw new AppError('NOT_FOUND', '代表不存在');
    authorize(ctx, { countyId: deputy.countyId, townshipId: deputy.townshipId, deputyId: deputy.id });
    const p = await page(
      (o) => sharedQueries(ctx.ports).activitiesOfDeputy(deputy.id, o),
      input.cursor,
      (a) => a.at,
    );
    return {
      items: p.rows.map((a) => ({ id: a.id, type: a.type, summary: a.summary, points: a.points, at: a.at })),
      nextCursor: p.nextCursor,
    };
  },
};
