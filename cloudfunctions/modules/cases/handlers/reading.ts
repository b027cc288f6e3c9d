/** cases: reading — one case with its timeline, the submitter's list, each role's queue, the published cases and 我也关注. */
import { decodeCursor, encodeCursor, page } from '../../../core/cursor';
import type { Ctx } from '../../../core/context';
import { audit } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeScope } from '../../../core/policy';
import type { After } from '../../../core/ports';
import { isOffice } from '../../../core/scope';
import { readNotificationsAt } from '../../shared/public';
import type { CasesHandlers, CaseSummary } from '../contract';
import { caseSubject, loadCase, unitGrants } from '../engine';
import type { Case } from '../records';
import { casesQueries } from '../storage';
import { fullView, publicText, summaryOf, supportOf } from '../views';
import { caseLink } from './filing';

const PAGE = 20;

/**
 * What waits for a deputy: its constituency's cases first, then those filed for its whole township.
 * One cursor walks both lists (its key says which list it stands in).
 */
async function waitingForDeputy(ctx: Ctx, keys: string[], cursor: string | undefined) {
  const q = casesQueries(ctx.ports);
  const at = decodeCursor(cursor);
  let phase = at ? Number(at.key.split('|')[0]) : 0;
  let after: After | undefined = at ? { key: at.key.slice(at.key.indexOf('|') + 1), id: at.id } : undefined;
  if (!Number.isInteger(phase) || phase < 0 || phase >= keys.length) phase = 0;
  const rows: Case[] = [];
  let next: string | null = null;
  for (; phase < keys.length; phase++, after = undefined) {
    const want = PAGE - rows.length;
    const got = await q.waitingFor(keys[phase], { after, limit: want + 1 });
    rows.push(...got.slice(0, want));
    if (got.length > want) {
      const last = rows[rows.length - 1];
      next = encodeCursor({ key: `${phase}|${last.createdAt}`, id: last.id });
      break;
    }
    if (rows.length === PAGE && phase + 1 < keys.length) {
      // The page is full exactly at the end of this list: the next one starts the next list.
      next = encodeCursor({ key: `${phase + 1}|`, id: '' });
      break;
    }
  }
  return { rows, next };
}

export const readingHandlers: Pick<CasesHandlers, 'get' | 'mine' | 'queue' | 'published' | 'support'> = {
  async get(ctx, input) {
    const c = await loadCase(ctx, input.caseId);
    const caller = authorize(ctx, caseSubject(c));
    if (caller && caller.user.id === c.submitterUserId) {
      await readNotificationsAt(ctx, caller.user.id, caseLink(c.id));
    }
    return fullView(ctx, c);
  },

  async mine(ctx, input) {
    const caller = authorize(ctx);
    const p = await page(
      (o) => casesQueries(ctx.ports).casesOfSubmitter(caller.user.id, o),
      input.cursor,
      (c) => c.createdAt,
    );
    return { items: p.rows.map((c) => summaryOf(ctx, c)), nextCursor: p.nextCursor };
  },

  async queue(ctx, input) {
    const caller = authorize(ctx);
    const q = casesQueries(ctx.ports);
    const units = unitGrants(caller);
    const as = units.length ? 'unit' : isOffice(caller.grants) ? 'office' : 'deputy';
    if (as === 'unit') {
      const unitId = units[0];
      const filter = input.status
        ? { caseStatus: input.status }
        : input.overdue
          ? { overdue: true }
          : { open: true };
      const p = await page(
        (o) => q.partsOfUnit(unitId, filter, o),
        input.cursor,
        (u) => u.updatedAt,
      );
      const cases = await Promise.all(p.rows.map((u) => ctx.ports.store.get('cases', u.caseId)));
      const items: CaseSummary[] = [];
      p.rows.forEach((u, i) => {
        const c = cases[i];
        if (c) items.push(summaryOf(ctx, c, u));
      });
      return { as, items, nextCursor: p.nextCursor };
    }
    if (as === 'office') {
      const scope = officeScope(caller);
      const place = { countyId: scope.countyId, townshipId: scope.countyId ? undefined : scope.townshipId };
      const filter = input.status
        ? { ...place, status: input.status }
        : input.overdue
          ? { ...place, overdue: true }
          : { ...place, holder: 'office' as const };
      const p = await page(
        (o) => q.casesInScope(filter, o),
        input.cursor,
        (c) => c.updatedAt,
      );
      return { as, items: p.rows.map((c) => summaryOf(ctx, c)), nextCursor: p.nextCursor };
    }
    const deputy = caller.deputy!;
    if (input.status === 'submitted') {
      const w = await waitingForDeputy(ctx, [deputy.constituencyId, `tw:${deputy.townshipId}`], input.cursor);
      return { as, items: w.rows.map((c) => summaryOf(ctx, c)), nextCursor: w.next };
    }
    const p = await page(
      (o) => q.casesOfDeputy(deputy.id, { status: input.status, overdue: input.overdue }, o),
      input.cursor,
      (c) => c.updatedAt,
    );
    return { as, items: p.rows.map((c) => summaryOf(ctx, c)), nextCursor: p.nextCursor };
  },

  async published(ctx, input) {
    authorize(ctx);
    const p = await page(
      (o) => casesQueries(ctx.ports).publishedCases(o),
      input.cursor,
      (c) => c.publishedAt ?? '',
    );
    const supports = await Promise.all(p.rows.map((c) => supportOf(ctx, c)));
    return {
      items: p.rows.map((c, i) => ({
        caseId: c.id,
        category: c.category,
        townshipName: ctx.geo.region(c.townshipId)?.name ?? '',
        text: publicText(c),
        answerCategory: c.answerCategory,
        answerText: c.publicAnswer,
        attitude: c.attitude,
        result: c.result,
        publishedAt: c.publishedAt!,
        createdAt: c.createdAt,
        supportCount: supports[i].count,
      })),
      nextCursor: p.nextCursor,
    };
  },

  async support(ctx, input) {
    const caller = authorize(ctx);
    const c = await loadCase(ctx, input.caseId);
    if (!c.published) throw new AppError('NOT_FOUND', '事项不存在或未公开');
    const claim = `support:${c.id}:${caller.user.id}`;
    const counterId = `support:${c.id}`;
    const n = await ctx.ports.store.transact(async (tx) => {
      if (await tx.get('claims', claim)) throw new AppError('CONFLICT', '您已关注这件事');
      await tx.insert('claims', { id: claim, refId: c.id, at: ctx.now.toISOString() });
      // A counter document of its own, so a rush of supporters never conflicts with the case's handling.
      const doc = await tx.get('caseCounters', counterId);
      const count = (doc?.counts.support ?? 0) + 1;
      if (doc) await tx.update('caseCounters', counterId, { counts: { support: count } });
      else
        await tx.insert('caseCounters', {
          id: counterId,
          scopeId: c.id,
          month: '',
          shard: 0,
          counts: { support: count },
        });
      await audit(tx, ctx, { entityType: 'case', entityId: c.id, detail: { support: true } });
      return count;
    });
    return { supportCount: n, supported: true };
  },
};
