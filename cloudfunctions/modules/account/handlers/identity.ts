/** account: who the caller is, the region tree, and real-name verification against the voter register. */
import { audit } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import { sharedQueries } from '../../shared/public';
import { VERIFY_CONSENT_VERSION } from '../constants';
import type { AccountHandlers } from '../contract';
import { idNumberProblem } from '../domain/idNumber';
import { bind, claimOf, claimPending, verification } from '../verification';

/** Failed verifications allowed before attempts are locked; each further failure doubles the wait. */
const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MINUTES = 15;

export const identityHandlers: Pick<AccountHandlers, 'me' | 'regions' | 'verify'> = {
  async me(ctx) {
    const caller = authorize(ctx);
    const { user } = caller;
    const [entry, unread, pending] = await Promise.all([
      user.verifiedEntryId ? ctx.ports.store.get('registerEntries', user.verifiedEntryId) : null,
      sharedQueries(ctx.ports).unreadOutbox(user.id),
      user.verifiedEntryId ? false : claimPending(ctx, user.id),
    ]);
    const roles = caller.grants.map((g) => ({ role: g.role, scopeKind: g.scopeKind, scopeId: g.scopeId }));
    if (user.constituencyId)
      roles.unshift({ role: 'voter', scopeKind: 'constituency', scopeId: user.constituencyId });
    return {
      userId: user.id,
      displayName: user.displayName,
      roles,
      verification: verification(ctx, user, entry, pending),
      deputyId: caller.deputy?.id ?? null,
      unreadNotifications: unread,
    };
  },

  async regions(ctx) {
    authorize(ctx);
    return {
      regions: ctx.geo.regions.map((r) => ({ id: r.id, kind: r.kind, name: r.name, parentId: r.parentId })),
      stations: ctx.geo.stations.map((s) => ({ id: s.id, name: s.name, townshipId: s.townshipId })),
    };
  },

  async verify(ctx, input) {
    const caller = authorize(ctx);
    const { store, hasher } = ctx.ports;
    const user = caller.user;
    if (user.verifiedEntryId) throw new AppError('CONFLICT', '您已完成实名认证');
    if (await claimPending(ctx, user.id))
      throw new AppError('CONFLICT', '已提交，等待乡镇人大核实；核实后会通知您');
    if (user.verifyLockedUntil && Date.parse(user.verifyLockedUntil) > ctx.now.getTime()) {
      throw new AppError('RATE_LIMITED', '尝试次数过多，请稍后再试', { lockedUntil: user.verifyLockedUntil });
    }
    const problem = idNumberProblem(input.idNumber);
    if (problem) throw new AppError('INVALID_INPUT', problem, { idNumber: problem });

    const entryId = hasher.idHash(input.idNumber);
    const entry = await store.get('registerEntries', entryId);
    if (!entry || entry.name !== input.name) {
      const failures = user.failedVerifications + 1;
      const lockedUntil =
        failures >= FREE_ATTEMPTS
          ? new Date(
              ctx.now.getTime() + FIRST_LOCK_MINUTES * 60_000 * 2 ** (failures - FREE_ATTEMPTS),
            ).toISOString()
          : null;
      await store.transact(async (tx) => {
        await tx.update('users', user.id, { failedVerifications: failures, verifyLockedUntil: lockedUntil });
        // Nothing about the ID number is logged: only that an attempt failed.
        await audit(tx, ctx, {
          entityType: 'user',
          entityId: user.id,
          action: 'account.verify.failed',
          detail: { failures },
        });
      });
      throw new AppError('NOT_FOUND', '未在选民名册中找到与姓名和身份证号一致的登记，请核对或联系乡镇人大', {
        ...(lockedUntil ? { lockedUntil } : {}),
      });
    }

    const outcome = await store.transact(async (tx) => {
      // Re-read inside the unit of work: a concurrent verify of this account or entry conflicts here.
      if ((await tx.get('users', user.id))?.verifiedEntryId)
        throw new AppError('CONFLICT', '您已完成实名认证');
      const current = (await tx.get('registerEntries', entry.id))!;
      if (current.boundUserId && current.boundUserId !== user.id) {
        const id = `${entry.id.slice(0, 16)}:${user.id}`;
        if (!(await tx.get('conflicts', id))) {
          await tx.insert('conflicts', {
            id,
            entryId: entry.id,
            countyId: entry.countyId,
            townshipId: entry.townshipId,
            constituencyId: entry.constituencyId,
            claimantUserId: user.id,
            holderUserId: current.boundUserId,
            status: 'open',
            resolution: null,
            resolvedBy: null,
            resolvedAt: null,
            createdAt: ctx.now.toISOString(),
          });
          await audit(tx, ctx, { entityType: 'conflict', entityId: id });
        }
        // The comparison the voter consented to happened; staff now decide on it.
        if (!(await tx.get('claims', claimOf(user.id)))) {
          await tx.insert('claims', { id: claimOf(user.id), refId: id, at: ctx.now.toISOString() });
          await tx.insert('consents', {
            id: ctx.ports.ids.next(),
            userId: user.id,
            purpose: 'realNameVerification',
            textVersion: VERIFY_CONSENT_VERSION,
            at: ctx.now.toISOString(),
          });
        }
        return 'conflict' as const;
      }
      await bind(ctx, tx, user, current);
      await tx.insert('consents', {
        id: ctx.ports.ids.next(),
        userId: user.id,
        purpose: 'realNameVerification',
        textVersion: VERIFY_CONSENT_VERSION,
        at: ctx.now.toISOString(),
      });
      await audit(tx, ctx, {
        entityType: 'user',
        entityId: user.id,
        detail: { constituencyId: entry.constituencyId },
      });
      return 'bound' as const;
    });
    if (outcome === 'conflict') {
      throw new AppError(
        'CONFLICT',
        '该选民信息已被另一个微信账号认证。已提交，等待乡镇人大核实，核实后会通知您',
      );
    }
    const updated = (await store.get('users', user.id))!;
    return verification(ctx, updated, entry);
  },
};
