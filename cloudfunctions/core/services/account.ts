/** account: who the caller is, real-name verification, the voter register, notifications, duty record. */
import { PersonName } from '../contracts/account';
import type { ConflictView, ImportReport } from '../contracts/account';
import { VERIFY_CONSENT_VERSION } from '../contracts/constants';
import type { Ctx } from '../context';
import type { Tx } from '../ports';
import { audit, notify } from '../effects';
import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import { authorize, officeScope, regionSubject } from '../policy';
import type { Conflict, RegisterEntry, User } from '../records';
import { page } from '../domain/cursor';
import { idNumberProblem, maskIdNumber, maskName, maskPhone, normalizeIdNumber } from '../domain/idNumber';
import { parseRegisterFile, type RawRow } from '../domain/registerFile';

/** Failed verifications allowed before attempts are locked; each further failure doubles the wait. */
const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MINUTES = 15;
const PHONE = /^[0-9+\- ]{7,20}$/;

function verification(ctx: Ctx, user: User, entry: RegisterEntry | null) {
  const locked = !!user.verifyLockedUntil && Date.parse(user.verifyLockedUntil) > ctx.now.getTime();
  return {
    state: user.verifiedEntryId
      ? ('verified' as const)
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
async function bind(ctx: Ctx, tx: Tx, user: User, entry: RegisterEntry) {
  const at = ctx.now.toISOString();
  await tx.update('registerEntries', entry.id, { boundUserId: user.id, boundAt: at });
  await tx.update('users', user.id, {
    verifiedEntryId: entry.id,
    verifiedAt: at,
    constituencyId: entry.constituencyId,
    failedVerifications: 0,
    verifyLockedUntil: null,
  });
}

async function conflictView(ctx: Ctx, c: Conflict): Promise<ConflictView> {
  const { store } = ctx.ports;
  const [entry, claimant, holder] = await Promise.all([
    store.get('registerEntries', c.entryId),
    store.get('users', c.claimantUserId),
    store.get('users', c.holderUserId),
  ]);
  return {
    conflictId: c.id,
    status: c.status,
    resolution: c.resolution,
    entryName: entry?.name ?? '',
    idMasked: entry?.idMasked ?? '',
    constituencyName: ctx.geo.region(c.constituencyId)?.name ?? '',
    claimant: { userId: c.claimantUserId, displayName: claimant?.displayName ?? '' },
    holder: { userId: c.holderUserId, displayName: holder?.displayName ?? '' },
    createdAt: c.createdAt,
  };
}

type Checked = { row: number; name: string; id: string; phone: string | null };

/** Per-row checks of an import; never echoes an ID number back, only its masked form. */
function checkRows(rows: RawRow[]): { ok: Checked[]; rejected: ImportReport['rows'] } {
  const ok: Checked[] = [];
  const rejected: ImportReport['rows'] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const id = normalizeIdNumber(r.idNumber);
    const name = PersonName.safeParse(r.name);
    const problem = idNumberProblem(id);
    const reason = !name.success
      ? name.error.issues[0].message
      : problem
        ? problem
        : r.phone && !PHONE.test(r.phone)
          ? '手机号格式不正确'
          : seen.has(id)
            ? '与文件中前面的行重复'
            : null;
    if (reason) {
      rejected.push({
        row: r.row,
        status: 'rejected',
        reason,
        ...(name.success ? { nameMasked: maskName(name.data) } : {}),
        ...(/^\d{17}[\dX]$/.test(id) ? { idMasked: maskIdNumber(id) } : {}),
      });
      continue;
    }
    seen.add(id);
    ok.push({ row: r.row, name: name.data!, id, phone: r.phone?.trim() || null });
  }
  return { ok, rejected };
}

export const accountHandlers: Handlers<'account'> = {
  async me(ctx) {
    const caller = authorize(ctx);
    const { user } = caller;
    const [entry, unread] = await Promise.all([
      user.verifiedEntryId ? ctx.ports.store.get('registerEntries', user.verifiedEntryId) : null,
      ctx.ports.store.unreadOutbox(user.id),
    ]);
    const roles = caller.grants.map((g) => ({ role: g.role, scopeKind: g.scopeKind, scopeId: g.scopeId }));
    if (user.constituencyId)
      roles.unshift({ role: 'voter', scopeKind: 'constituency', scopeId: user.constituencyId });
    return {
      userId: user.id,
      displayName: user.displayName,
      roles,
      verification: verification(ctx, user, entry),
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
      throw new AppError('CONFLICT', '该选民信息已被另一个微信账号认证，已提交乡镇人大核实处理');
    }
    const updated = (await store.get('users', user.id))!;
    return verification(ctx, updated, entry);
  },

  async importRegister(ctx, input) {
    const target = ctx.geo.region(input.constituencyId);
    if (!target || target.kind !== 'constituency') {
      throw new AppError('INVALID_INPUT', '请选择选区', { constituencyId: '选区不存在' });
    }
    authorize(ctx, regionSubject(ctx, target.id));
    const raw: RawRow[] = input.file
      ? await parseRegisterFile(input.file)
      : input.rows!.map((r, i) => ({ ...r, row: i + 1 }));
    if (raw.length > 5000)
      throw new AppError('INVALID_INPUT', '单次最多导入 5000 行，请分批导入', { file: '行数过多' });
    const { ok, rejected } = checkRows(raw);
    const results: ImportReport['rows'] = [...rejected];
    const now = ctx.now.toISOString();
    const { hasher, store } = ctx.ports;
    // Chunks keep each unit of work small (CloudBase transactions and its 3 s function limit).
    for (let i = 0; i < ok.length; i += 100) {
      const chunk = ok.slice(i, i + 100);
      const chunkResults = await store.transact(async (tx) => {
        const out: ImportReport['rows'] = [];
        for (const r of chunk) {
          const id = hasher.idHash(r.id);
          const masked = { nameMasked: maskName(r.name), idMasked: maskIdNumber(r.id) };
          const existing = await tx.get('registerEntries', id);
          if (!existing) {
            await tx.insert('registerEntries', {
              id,
              countyId: target.countyId,
              townshipId: target.townshipId!,
              constituencyId: target.id,
              name: r.name,
              idMasked: masked.idMasked,
              phone: r.phone,
              boundUserId: null,
              boundAt: null,
              createdAt: now,
              updatedAt: now,
            });
            out.push({ row: r.row, status: 'added', ...masked });
          } else if (existing.constituencyId !== target.id) {
            const other = ctx.geo.region(existing.constituencyId)?.name ?? '其他选区';
            out.push({
              row: r.row,
              status: 'rejected',
              reason: `已登记在${other}，请先在原选区处理`,
              ...masked,
            });
          } else if (existing.name !== r.name || (r.phone !== null && existing.phone !== r.phone)) {
            await tx.update('registerEntries', id, {
              name: r.name,
              phone: r.phone ?? existing.phone,
              updatedAt: now,
            });
            out.push({ row: r.row, status: 'updated', ...masked });
          } else {
            out.push({ row: r.row, status: 'unchanged', ...masked });
          }
        }
        const count = (s: string) => out.filter((o) => o.status === s).length;
        if (count('added') + count('updated') > 0) {
          await audit(tx, ctx, {
            entityType: 'constituency',
            entityId: target.id,
            detail: { added: count('added'), updated: count('updated') },
          });
        }
        return out;
      });
      results.push(...chunkResults);
    }
    results.sort((a, b) => a.row - b.row);
    const n = (s: string) => results.filter((r) => r.status === s).length;
    return {
      added: n('added'),
      updated: n('updated'),
      unchanged: n('unchanged'),
      rejected: n('rejected'),
      rows: results,
    };
  },

  async register(ctx, input) {
    authorize(ctx, regionSubject(ctx, input.constituencyId));
    const p = await page(
      (o) => ctx.ports.store.registerEntries({ constituencyId: input.constituencyId }, o),
      input.cursor,
      (e) => e.name,
    );
    return {
      items: p.rows.map((e) => ({
        entryId: e.id,
        name: e.name,
        idMasked: e.idMasked,
        phoneMasked: e.phone ? maskPhone(e.phone) : null,
        bound: !!e.boundUserId,
      })),
      nextCursor: p.nextCursor,
    };
  },

  async conflicts(ctx, input) {
    const caller = authorize(ctx);
    const p = await page(
      (o) => ctx.ports.store.conflicts({ ...officeScope(caller), status: input.status }, o),
      input.cursor,
      (c) => c.createdAt,
    );
    return { items: await Promise.all(p.rows.map((c) => conflictView(ctx, c))), nextCursor: p.nextCursor };
  },

  async resolveConflict(ctx, input) {
    const { store } = ctx.ports;
    const c = await store.get('conflicts', input.conflictId);
    if (!c) throw new AppError('NOT_FOUND', '冲突记录不存在');
    authorize(ctx, { countyId: c.countyId, townshipId: c.townshipId });
    if (c.status !== 'open') throw new AppError('CONFLICT', '该冲突已处理');
    await store.transact(async (tx) => {
      const current = (await tx.get('conflicts', c.id))!;
      if (current.status !== 'open') throw new AppError('CONFLICT', '该冲突已处理');
      if (input.resolution === 'transferToClaimant') {
        const [entry, claimant] = await Promise.all([
          tx.get('registerEntries', c.entryId),
          tx.get('users', c.claimantUserId),
        ]);
        if (!entry || !claimant) throw new AppError('NOT_FOUND', '名册记录或账号已不存在');
        if (claimant.verifiedEntryId) throw new AppError('CONFLICT', '申请人已绑定其他名册记录');
        if (entry.boundUserId) {
          await tx.update('users', entry.boundUserId, {
            verifiedEntryId: null,
            verifiedAt: null,
            constituencyId: null,
          });
        }
        await bind(ctx, tx, claimant, entry);
      }
      await tx.update('conflicts', c.id, {
        status: 'resolved',
        resolution: input.resolution,
        resolvedBy: ctx.caller!.user.id,
        resolvedAt: ctx.now.toISOString(),
      });
      const transferred = input.resolution === 'transferToClaimant';
      await notify(tx, ctx, {
        userId: c.claimantUserId,
        kind: 'verify.conflict',
        title: transferred ? '实名认证已核实通过' : '实名认证核实未通过',
        body: transferred
          ? '经乡镇人大核实，您的账号已完成实名认证。'
          : '经乡镇人大核实，该选民信息仍由原账号认证。如有疑问请联系乡镇人大。',
        link: '/pages/me/index',
      });
      if (transferred) {
        await notify(tx, ctx, {
          userId: c.holderUserId,
          kind: 'verify.conflict',
          title: '您的实名认证已解除',
          body: '经乡镇人大核实，您账号绑定的选民信息已转给本人账号。如有疑问请联系乡镇人大。',
          link: '/pages/me/index',
        });
      }
      await audit(tx, ctx, {
        entityType: 'conflict',
        entityId: c.id,
        detail: { resolution: input.resolution },
      });
    });
    return conflictView(ctx, (await store.get('conflicts', c.id))!);
  },

  async notifications(ctx, input) {
    const caller = authorize(ctx);
    const { store } = ctx.ports;
    const [p, unread] = await Promise.all([
      page(
        (o) => store.outboxOfUser(caller.user.id, o),
        input.cursor,
        (n) => n.createdAt,
      ),
      store.unreadOutbox(caller.user.id),
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
      (o) => ctx.ports.store.activitiesOfDeputy(deputy.id, o),
      input.cursor,
      (a) => a.at,
    );
    return {
      items: p.rows.map((a) => ({ id: a.id, type: a.type, summary: a.summary, points: a.points, at: a.at })),
      nextCursor: p.nextCursor,
    };
  },
};
