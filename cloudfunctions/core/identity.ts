/** Accounts are created on first contact: one per WeChat identity (OPENID), found again by it. */
import { createHash } from 'node:crypto';
import { AppError } from './errors';
import type { Ports } from './ports';
import type { User } from './records';

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
