/** Accounts are created on first contact: one per WeChat identity (OPENID), found again by it. */
import { createHash } from 'node:crypto';
import type { Caller } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Ports } from '../../core/ports';
import type { User } from './records';
import { sharedQueries } from './storage';

/** The account id follows from the OPENID, so two first calls at once create one account. */
export const userIdFor = (openid: string) =>
  `u${createHash('sha256').update(openid).digest('hex').slice(0, 20)}`;

export async function ensureUser(ports: Ports, openid: string, displayName?: string): Promise<User> {
  const id = userIdFor(openid);
  const found = await ports.store.get('users', id);
  if (found) return found;
  const user: User = {
    id,
    openid,
    displayName: displayName ?? `微信用户${id.slice(-4).toUpperCase()}`,
    createdAt: ports.clock.now().toISOString(),
    verifiedEntryId: null,
    verifiedAt: null,
    constituencyId: null,
    failedVerifications: 0,
    verifyLockedUntil: null,
  };
  try {
    await ports.store.transact((tx) => tx.insert('users', user));
    return user;
  } catch (e) {
    if (e instanceof AppError && e.code === 'CONFLICT') return (await ports.store.get('users', id))!;
    throw e;
  }
}

/** The caller an entry point hands to dispatch: the account, its role grants and its deputy profile. */
export async function loadCaller(ports: Ports, user: User): Promise<Caller> {
  const q = sharedQueries(ports);
  const [grants, deputy] = await Promise.all([q.grantsOfUser(user.id), q.deputyByUser(user.id)]);
  return { user, grants, deputy };
}
