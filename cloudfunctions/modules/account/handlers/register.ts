/** account: the voter register — import, list — and verification conflicts for office staff. */
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { nameKey, nameSearch } from '../../../core/nameKey';
import { audit, notify } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeScope, regionSubject } from '../../../core/policy';
import { maskName, maskPhone } from '../../../core/privacy';
import { PersonName } from '../../../core/contracts/common';
import type { AccountHandlers, ConflictView, ImportReport } from '../contract';
import { idNumberProblem, maskIdNumber, normalizeIdNumber } from '../domain/idNumber';
import { parseRegisterFile, type RawRow } from '../domain/registerFile';
import type { Conflict } from '../records';
import { accountQueries } from '../storage';
import { bind, claimOf } from '../verification';

const PHONE = /^[0-9+\- ]{7,20}$/;

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
        ...(name.success ? { name: name.data, nameMasked: maskName(name.data) } : {}),
        ...(/^\d{17}[\dX]$/.test(id) ? { idMasked: maskIdNumber(id) } : {}),
      });
      continue;
    }
    seen.add(id);
    ok.push({ row: r.row, name: name.data!, id, phone: r.phone?.trim() || null });
  }
  return { ok, rejected };
}

export const registerHandlers: Pick<
  AccountHandlers,
  'importRegister' | 'register' | 'conflicts' | 'resolveConflict'
> = {
  async importRegister(ctx, input) {
    const target = ctx.geo.region(input.constituencyId);
    if (!target || target.kind !== 'constituency') {
      throw new AppError('INVALID_INPUT', '请选择选区', { constituencyId: '选区不存在' });
    }
    authorize(ctx, regionSubject(ctx, target.id));
    const raw: RawRow[] = input.file
      ? await parseRegisterFile(input.file)
      : input.rows!.map(({ line, ...r }, i) => ({ ...r, row: line ?? i + 1 }));
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
          const masked = { name: r.name, nameMasked: maskName(r.name), idMasked: maskIdNumber(r.id) };
          const existing = await tx.get('registerEntries', id);
          if (!existing) {
            await tx.insert('registerEntries', {
              id,
              countyId: target.countyId,
              townshipId: target.townshipId!,
              constituencyId: target.id,
              name: r.name,
              nameKey: nameKey(r.name),
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
              nameKey: nameKey(r.name),
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
    const search = input.q ? nameSearch(input.q) : undefined;
    if (search === null) return { items: [], nextCursor: null }; // nothing in it can match a name
    const filter = { constituencyId: input.constituencyId, search };
    const p = await page(
      (o) => accountQueries(ctx.ports).registerEntries(filter, o),
      input.cursor,
      (e) => e.nameKey,
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
    const q = accountQueries(ctx.ports);
    const scope = officeScope(caller);
    const [p, open] = await Promise.all([
      page(
        (o) => q.conflicts({ ...scope, status: input.status }, o),
        input.cursor,
        (c) => c.createdAt,
      ),
      q.conflicts({ ...scope, status: 'open' }, { limit: 100 }).then((rows) => rows.length),
    ]);
    return {
      items: await Promise.all(p.rows.map((c) => conflictView(ctx, c))),
      nextCursor: p.nextCursor,
      open,
    };
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
      await tx.remove('claims', claimOf(c.claimantUserId));
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
};
