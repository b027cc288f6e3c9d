/** cases: the office's figures — statistics from maintained counters, and the XLSX export of a date range. */
import writeExcelFile from 'write-excel-file/node';
import type { Ctx } from '../../../core/context';
import { audit } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeScope } from '../../../core/policy';
import { addDays, chinaInstant, dateTime, isRealDate } from '../../../core/time';
import { STATUS_SHORT, type CaseStatus } from '../constants';
import type { CasesHandlers } from '../contract';
import { medianOf } from '../domain/counters';
import type { Case } from '../records';
import { casesQueries } from '../storage';
import { publicText } from '../views';
const EXPORT_MAX = 2000;

/** The county and the scope (county or township) whose figures the caller sees. */
function scopeOf(ctx: Ctx) {
  const s = officeScope(ctx.caller!);
  if (s.countyId) return { countyId: s.countyId, scopeId: s.countyId, townshipId: undefined };
  const countyId = ctx.geo.region(s.townshipId)?.countyId ?? '';
  return { countyId, scopeId: s.townshipId ?? '', townshipId: s.townshipId };
}

function checkRange(input: { fromDate: string; toDate: string }) {
  if (!isRealDate(input.fromDate))
    throw new AppError('INVALID_INPUT', '开始日期无效', { fromDate: '日期无效' });
  if (!isRealDate(input.toDate)) throw new AppError('INVALID_INPUT', '结束日期无效', { toDate: '日期无效' });
  if (input.toDate < input.fromDate)
    throw new AppError('INVALID_INPUT', '结束日期应不早于开始日期', { toDate: '早于开始日期' });
  if (Number(input.toDate.slice(0, 4)) - Number(input.fromDate.slice(0, 4)) > 5)
    throw new AppError('INVALID_INPUT', '统计范围不超过 5 年', { fromDate: '范围过大' });
}

/** Office staff over the case (the export's scope is the caller's, so this holds for every row). */
function officeScopeHolds(ctx: Ctx, c: Case): boolean {
  const s = officeScope(ctx.caller!);
  return s.countyId ? c.countyId === s.countyId : c.townshipId === s.townshipId;
}

export const statisticsHandlers: Pick<CasesHandlers, 'stats' | 'export'> = {
  async stats(ctx, input) {
    authorize(ctx);
    checkRange(input);
    const { countyId, scopeId } = scopeOf(ctx);
    const fromMonth = input.fromDate.slice(0, 7);
    const toMonth = input.toDate.slice(0, 7);
    const q = casesQueries(ctx.ports);
    const total: Record<string, number> = {};
    const months = new Map<string, Record<string, number>>();
    let after: { key: string; id: string } | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const docs = await q.countersOf(scopeId, fromMonth, toMonth, { after, limit: 100 });
      for (const d of docs) {
        const m = months.get(d.month) ?? {};
        for (const [k, v] of Object.entries(d.counts)) {
          total[k] = (total[k] ?? 0) + v;
          m[k] = (m[k] ?? 0) + v;
        }
        months.set(d.month, m);
      }
      if (docs.length < 100) break;
      after = { key: docs[docs.length - 1].month, id: docs[docs.length - 1].id };
    }
    const tally = (prefix: string, label: (k: string) => string) =>
      Object.entries(total)
        .filter(([k, v]) => k.startsWith(prefix) && v > 0 && k.split(':').length === 2)
        .map(([k, count]) => ({ key: k.slice(prefix.length), label: label(k.slice(prefix.length)), count }))
        .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    const units = new Map((await q.unitsOfCounty(countyId)).map((u) => [u.id, u]));
    const byUnit = new Map<
      string,
      { unitId: string; name: string; assigned: number; replied: number; overdue: number }
    >();
    for (const [k, v] of Object.entries(total)) {
      const m = /^unit:(.+):(assigned|replied|overdue)$/.exec(k);
      if (!m) continue;
      const row = byUnit.get(m[1]) ?? {
        unitId: m[1],
        name: units.get(m[1])?.name ?? '',
        assigned: 0,
        replied: 0,
        overdue: 0,
      };
      row[m[2] as 'assigned' | 'replied' | 'overdue'] += v;
      byUnit.set(m[1], row);
    }
    const n = (k: string) => total[k] ?? 0;
    const rated = n('rated');
    const all = n('total');
    return {
      fromMonth,
      toMonth,
      total: all,
      byCategory: tally('cat:', (k) => k),
      byTownship: tally('tw:', (k) => ctx.geo.region(k)?.name ?? k),
      byStatus: tally('status:', (k) => STATUS_SHORT[k as CaseStatus] ?? k),
      byUnit: [...byUnit.values()].sort((a, b) => b.assigned - a.assigned),
      byMonth: [...months.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([month, m]) => ({
          month,
          submitted: m.total ?? 0,
          answered: m.answered ?? 0,
          closed: m['status:closed'] ?? 0,
        })),
      answered: n('answered'),
      medianWorkingDays: medianOf(total),
      rated,
      satisfactionRate: rated ? (n('result:满意') + n('result:基本满意')) / rated : null,
      result: tally('result:', (k) => k),
      attitude: tally('attitude:', (k) => k),
      overdue: n('overdue'),
      overdueRate: all ? n('overdue') / all : null,
      reopened: n('reopened'),
      published: n('published'),
    };
  },

  async export(ctx, input) {
    authorize(ctx);
    checkRange(input);
    const { countyId, townshipId } = scopeOf(ctx);
    const filter = {
      countyId: townshipId ? undefined : countyId,
      townshipId,
      fromIso: chinaInstant(input.fromDate, '00:00'),
      toIso: chinaInstant(addDays(input.toDate, 1), '00:00'),
    };
    const q = casesQueries(ctx.ports);
    const rows: Case[] = [];
    let after: { key: string; id: string } | undefined;
    let truncated = false;
    while (rows.length < EXPORT_MAX) {
      const got = await q.createdInScope(filter, { after, limit: 100 });
      rows.push(...got);
      if (got.length < 100) break;
      after = { key: got[got.length - 1].createdAt, id: got[got.length - 1].id };
      if (rows.length >= EXPORT_MAX)
        truncated = (await q.createdInScope(filter, { after, limit: 1 })).length > 0;
    }
    // Every exported case lies in the caller's own office scope (the query is that scope): office staff
    // of that scope get names and the full text; the file is stored under an unguessable name.
    const personal = rows.every((c) => officeScopeHolds(ctx, c));
    const units = new Map((await q.unitsOfCounty(countyId)).map((u) => [u.id, u.name]));
    const head = [
      '编号',
      '提交时间',
      '类别',
      '乡镇',
      '状态',
      '提交人',
      '内容',
      '主办单位',
      '答复类别',
      '答复时间',
      '态度评价',
      '结果评价',
      '是否逾期',
      '是否公开',
    ];
    const sheet = [
      head.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...rows.map((c) =>
        [
          c.id,
          dateTime(c.createdAt, ctx.now),
          c.category,
          ctx.geo.region(c.townshipId)?.name ?? '',
          STATUS_SHORT[c.status],
          personal ? c.submitterName || c.submitterNameMasked : c.submitterNameMasked,
          personal ? c.text : publicText(c),
          c.leadUnitId ? (units.get(c.leadUnitId) ?? '') : '',
          c.answerCategory ?? '',
          c.answeredAt ? dateTime(c.answeredAt, ctx.now) : '',
          c.attitude ?? '',
          c.result ?? '',
          c.lateStages > 0 ? '是' : '否',
          c.published ? '是' : '否',
        ].map((value) => ({ value: String(value) })),
      ),
    ];
    const bytes = await writeExcelFile(sheet).toBuffer();
    const fileName = `社情民意_${input.fromDate}_${input.toDate}.xlsx`;
    const path = `exports/${ctx.ports.ids.next()}${ctx.ports.ids.next()}/${fileName}`;
    const fileId = await ctx.ports.files.put(
      path,
      bytes,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await ctx.ports.store.transact((tx) =>
      audit(tx, ctx, {
        entityType: 'caseExport',
        entityId: fileId,
        detail: { rows: rows.length, personal, ...input },
      }),
    );
    return {
      url: await ctx.ports.files.url(fileId),
      fileName,
      rows: rows.length,
      personalData: personal,
      truncated,
    };
  },
};
