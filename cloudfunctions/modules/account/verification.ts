/** Real-name verification's state as shown, and binding an account to a register entry. */
import type { Ctx } from '../../core/context';
import type { Tx } from '../../core/ports';
import { maskName } from '../../core/privacy';
import type { User } from '../shared/public';
import type { RegisterEntry } from './records';

/**
 * The claim an account holds while the register entry it matched is bound to another account and staff
 * have to decide (its id is the key: one open claim per account).
 */
export const claimOf = (userId: string) => `verifyClaim:${userId}`;

/** Whether the account waits for staff to settle its claim on a register entry. */
export async function claimPending(ctx: Pick<Ctx, 'ports'>, userId: string): Promise<boolean> {
  const claim = await ctx.ports.store.get('claims', claimOf(userId));
  if (!claim) return false;
  return (await ctx.ports.store.get('conflicts', claim.refId))?.status === 'open';
}

export function verification(ctx: Ctx, user: User, entry: RegisterEntry | null, pending = false) {
  const locked = !!user.verifyLockedUntil && Date.parse(user.verifyLockedUntil) > ctx.now.getTime();
  return {
    state: user.verifiedEntryId
      ? ('verified' as const)
      : pending
        ? ('pending' as const)
        : locked
          ? ('locked' as const)
          : ('unverified' as const),
    nameMasked: entry ? maskName(entry.name) : null,
    constituencyId: user.constituencyId,
    constituencyName: ctx.geo.region(user.constituencyId)?.name ?? null,
    lockedUntil: locked ? user.verifyLockedUntil : null,
  };
}

/** Binds `user` to `entry` (inside a unit of work). */
export async function bind(ctx: Ctx, tx: Tx, user: User, entry: RegisterEntry) {
  const at = ctx.now.toISOString();
  await tx.update('registerEntries', entry.id, { boundUserId: user.id, boundAt: at });
  await tx.update('users', user.id, {
    // Until now the account went by its WeChat default (微信用户…); it is this voter's now.
    displayName: entry.name,
    verifiedEntryId: entry.id,
    verifiedAt: at,
    constituencyId: entry.constituencyId,
    failedVerifications: 0,
    verifyLockedUntil: null,
  });
}

/** The name a verified voter is registered under (null for an unverified account). */
export async function registeredName(ctx: Pick<Ctx, 'ports'>, user: User): Promise<string | null> {
  if (!user.verifiedEntryId) return null;
  return (await ctx.ports.store.get('registerEntries', user.verifiedEntryId))?.name ?? null;
}
