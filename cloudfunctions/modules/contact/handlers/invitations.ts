/**
 * contact: linking a deputy profile to the deputy's own account by an invitation — office staff issue a
 * single-use code, the deputy enters it while signed in. Nobody types account ids.
 */
import { audit, spendAllowance } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, regionSubject } from '../../../core/policy';
import { sharedQueries } from '../../shared/public';
import { INVITE_DAYS } from '../constants';
import type { ContactHandlers } from '../contract';
import { relink } from '../link';
import { deputyPublic } from '../views';

/** The invitation's code (its claim id holds the deputy); and the deputy's current one, to revoke it. */
const inviteClaim = (code: string) => `deputyInvite:${code}`;
const currentInvite = (deputyId: string) => `deputyInviteOf:${deputyId}`;
/** Wrong codes one account may try a day (codes are 32⁸ ≈ 10¹² to guess, and expire). */
const TRIES_A_DAY = 10;

export const invitationHandlers: Pick<ContactHandlers, 'inviteDeputy' | 'acceptInvite'> = {
  async inviteDeputy(ctx, input) {
    const deputy = await ctx.ports.store.get('deputies', input.deputyId);
    if (!deputy) throw new AppError('NOT_FOUND', '代表不存在');
    authorize(ctx, regionSubject(ctx, deputy.constituencyId));
    const code = ctx.ports.ids.code(8);
    const at = ctx.now.toISOString();
    await ctx.ports.store.transact(async (tx) => {
      // A new invitation replaces the deputy's previous one.
      const previous = await tx.get('claims', currentInvite(deputy.id));
      if (previous) {
        await tx.remove('claims', inviteClaim(previous.refId));
        await tx.remove('claims', currentInvite(deputy.id));
      }
      await tx.insert('claims', { id: inviteClaim(code), refId: deputy.id, at });
      await tx.insert('claims', { id: currentInvite(deputy.id), refId: code, at });
      await audit(tx, ctx, { entityType: 'deputy', entityId: deputy.id, detail: { invited: true } });
    });
    return {
      code,
      expiresAt: new Date(ctx.now.getTime() + INVITE_DAYS * 86400_000).toISOString(),
      deputyName: deputy.name,
    };
  },

  async acceptInvite(ctx, input) {
    const caller = authorize(ctx);
    // Every try counts, kept even when the code is wrong (its own unit of work).
    await ctx.ports.store.transact((tx) => spendAllowance(tx, ctx, 'acceptInvite', TRIES_A_DAY));
    const claim = await ctx.ports.store.get('claims', inviteClaim(input.code));
    const fresh = claim && ctx.now.getTime() - Date.parse(claim.at) < INVITE_DAYS * 86400_000;
    if (!claim || !fresh) throw new AppError('NOT_FOUND', '邀请码无效或已过期，请向乡镇人大索取新的邀请码');
    const holder = await sharedQueries(ctx.ports).deputyByUser(caller.user.id);
    if (holder && holder.id !== claim.refId)
      throw new AppError('CONFLICT', `您的账号已关联代表 ${holder.name}，如需更换请联系乡镇人大`);
    const linked = await ctx.ports.store.transact(async (tx) => {
      const deputy = await tx.get('deputies', claim.refId);
      if (!deputy || !(await tx.get('claims', inviteClaim(input.code))))
        throw new AppError('NOT_FOUND', '邀请码无效或已过期，请向乡镇人大索取新的邀请码');
      await relink(tx, deputy, caller.user.id);
      await tx.update('deputies', deputy.id, { userId: caller.user.id, updatedAt: ctx.now.toISOString() });
      await tx.remove('claims', inviteClaim(input.code));
      await tx.remove('claims', currentInvite(deputy.id));
      await audit(tx, ctx, { entityType: 'deputy', entityId: deputy.id, detail: { linked: caller.user.id } });
      return { ...deputy, userId: caller.user.id };
    });
    return deputyPublic(ctx, linked);
  },
};
