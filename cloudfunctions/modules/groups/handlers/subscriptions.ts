/**
 * groups: what a member granted for new-post notices. The client asks with wx.requestSubscribeMessage on a tap
 * (WeChat allows no other way) and reports the answer here; the timer's fan-out uses a long-term
 * subscription, or one one-time subscription per message, never more messages than were granted.
 */
import type { Ctx } from '../../../core/context';
import { audit } from '../../../core/effects';
import { authorize } from '../../../core/policy';
import { ONE_TIME_MAX } from '../constants';
import type { GroupsHandlers, SubscriptionView } from '../contract';
import { POST_KIND, subscriptionId } from '../effects';
import type { GroupSubscription } from '../records';

const view = (ctx: Ctx, rec: GroupSubscription | null): SubscriptionView => {
  const template = ctx.ports.config.subscriptions?.[POST_KIND];
  return {
    kind: POST_KIND,
    templateId: template?.templateId ?? null,
    longTerm: rec?.longTerm ?? false,
    oneTime: rec?.oneTime ?? 0,
  };
};

export const subscriptionHandlers: Pick<GroupsHandlers, 'subscription' | 'subscribe'> = {
  async subscription(ctx) {
    const caller = authorize(ctx);
    return view(ctx, await ctx.ports.store.get('groupSubscriptions', subscriptionId(caller.user.id)));
  },

  async subscribe(ctx, input) {
    const caller = authorize(ctx);
    const id = subscriptionId(caller.user.id);
    const template = ctx.ports.config.subscriptions?.[POST_KIND];
    // No template here (the local host): nothing can be granted, so nothing is written.
    if (!template) return view(ctx, await ctx.ports.store.get('groupSubscriptions', id));
    const rec = await ctx.ports.store.transact(async (tx) => {
      const current = await tx.get('groupSubscriptions', id);
      const accepted = input.result === 'accept';
      const next: GroupSubscription = {
        id,
        userId: caller.user.id,
        kind: POST_KIND,
        // A long-term template stays granted until the user turns it off (then asking answers reject/ban).
        longTerm: template.longTerm ? accepted : (current?.longTerm ?? false),
        oneTime:
          !template.longTerm && accepted
            ? Math.min(ONE_TIME_MAX, (current?.oneTime ?? 0) + 1)
            : (current?.oneTime ?? 0),
        updatedAt: ctx.now.toISOString(),
      };
      if (current) await tx.update('groupSubscriptions', id, next);
      else await tx.insert('groupSubscriptions', next);
      await audit(tx, ctx, {
        entityType: 'groupSubscription',
        entityId: id,
        detail: { result: input.result },
      });
      return next;
    });
    return view(ctx, rec);
  },
};
