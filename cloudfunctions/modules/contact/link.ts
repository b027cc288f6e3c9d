/** A deputy profile's link to the account its deputy signs in with (and the deputy role that comes with it). */
import type { Tx } from '../../core/ports';
import type { Deputy } from '../shared/public';

/** Moves `deputy`'s account link to `userId` (or removes it), with its role grant, inside a unit of work. */
export async function relink(tx: Tx, deputy: Pick<Deputy, 'id' | 'userId'>, userId: string | null) {
  if (deputy.userId === userId) return;
  if (deputy.userId) await tx.remove('roleGrants', `${deputy.userId}:deputy:${deputy.id}`);
  if (userId) {
    await tx.insert('roleGrants', {
      id: `${userId}:deputy:${deputy.id}`,
      userId,
      role: 'deputy',
      scopeKind: 'deputy',
      scopeId: deputy.id,
    });
  }
}
