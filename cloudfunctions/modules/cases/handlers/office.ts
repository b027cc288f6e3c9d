/** cases: the office's side — publishing, statistics from counters, XLSX export, handling units, settings and the working-day calendar. */
import writeExcelFile from 'write-excel-file/node';
import type { Ctx } from '../../../core/context';
import { audit, notify, once } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeScope } from '../../../core/policy';
import { addDays, chinaInstant, dateTime, isRealDate } from '../../../core/time';
import { STATUS_SHORT, type CaseStatus } from '../constants';
import type { CasesHandlers } from '../contract';
import { medianOf } from '../domain/counters';
import { deidentify } from '../domain/deidentify';
import { publishRefusal } from '../domain/flow';
import { calendarProblems } from '../domain/workdays';
import { actorName, caseSubject, commit, loadCase, settingsOf, unitGrants } from '../engine';
import type { Case, HandlingUnit } from '../records';
import { casesQueries } from '../storage';
import { fullView, publicText } from '../views';
import { caseLink } from './filing';

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

const unitView = (u: HandlingUnit) => ({
  unitId: u.id,
  name: u.name,
  contact: u.contact,
  staff: u.staffUserIds.length,
  active: u.active,
});

/** The county a units / calendar action is about: the caller's (office staff's, or their unit's). */
async function countyOfCaller(ctx: Ctx): Promise<string> {
  const c = ctx.caller;
  if (!c) return '';
  const scope = officeScope(c);
  if (scope.countyId) return scope.countyId;
  const township = scope.townshipId ? ctx.geo.region(scope.townshipId) : undefined;
  if (township) return township.countyId;
  const unitId = unitGrants(c)[0];
  return unitId ? ((await ctx.ports.store.get('units', unitId))?.countyId ?? '') : '';
}

export const officeHandlers: Pick<
  CasesHandlers,
  | 'publish'
  | 'stats'
  | 'export'
  | 'units'
  | 'saveUnit'
  | 'settings'
  | 'editSettings'
  | 'calendar'
  | 'editCalendar'
> = {
  async publish(ctx, input) {
    const c = await loadCase(ctx, input.caseId);
    authorize(ctx, caseSubject(c));
    const refusal = publishRefusal(c);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const name = await actorName(ctx, c, 'office');
    const text = input.publicText ?? deidentify(c.text, { names: [c.submitterName] });
    const answer = c.answerText ? deidentify(c.answerText, { names: [c.submitterName] }) : null;
    await once(ctx, (tx) =>
      commit(
        tx,
        ctx,
        c,
        { ...c, published: true, publishedAt: ctx.now.toISOString(), publicText: text, publicAnswer: answer },
        {
          action: 'publish',
          actorKind: 'office',
          actorName: name,
          text: `${name}公开了这件事（已隐去姓名、电话、证件号、详细地址和位置）`,
        },
        async (saved) => {
          await notify(tx, ctx, {
            userId: saved.submitterUserId,
            kind: 'case.progress',
            title: '您的社情民意已公开（已隐去个人信息）',
            body: saved.category,
            link: caseLink(saved.id),
          });
          await audit(tx, ctx, { entityType: 'case', entityId: saved.id, detail: { published: true } });
        },
      ).then((s) => ({ caseId: s.id })),
    );
    return fullView(ctx, await loadCase(ctx, c.id));
  },

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

  async units(ctx) {
    authorize(ctx);
    const countyId = await countyOfCaller(ctx);
    const list = await casesQueries(ctx.ports).unitsOfCounty(countyId);
    return { items: list.map(unitView) };
  },

  async saveUnit(ctx, input) {
    const countyId = await countyOfCaller(ctx);
    authorize(ctx, { countyId });
    const { store } = ctx.ports;
    const existing = input.unitId ? await store.get('units', input.unitId) : null;
    if (input.unitId && (!existing || existing.countyId !== countyId))
      throw new AppError('NOT_FOUND', '承办单位不存在');
    const grantee = input.grantUserId ? await store.get('users', input.grantUserId) : null;
    if (input.grantUserId && !grantee)
      throw new AppError('INVALID_INPUT', '没有这个账号，请核对账号编号', { grantUserId: '没有这个账号' });
    const unit: HandlingUnit = existing
      ? { ...existing, name: input.name, contact: input.contact, active: input.active }
      : {
          id: ctx.ports.ids.next(),
          countyId,
          name: input.name,
          contact: input.contact,
          staffUserIds: [],
          active: input.active,
          createdAt: ctx.now.toISOString(),
        };
    if (grantee && !unit.staffUserIds.includes(grantee.id))
      unit.staffUserIds = [...unit.staffUserIds, grantee.id];
    await store.transact(async (tx) => {
      const { id: _id, ...rest } = unit;
      if (existing) await tx.update('units', unit.id, rest);
      else await tx.insert('units', unit);
      if (grantee) {
        const grantId = `${grantee.id}:handlingUnit:${unit.id}`;
        if (!(await tx.get('roleGrants', grantId))) {
          await tx.insert('roleGrants', {
            id: grantId,
            userId: grantee.id,
            role: 'handlingUnit',
            scopeKind: 'unit',
            scopeId: unit.id,
          });
        }
      }
      await audit(tx, ctx, { entityType: 'unit', entityId: unit.id, detail: { grant: grantee?.id ?? null } });
    });
    return unitView(unit);
  },

  async settings(ctx, input) {
    authorize(ctx);
    const countyId = input.countyId ?? ctx.geo.regions.find((r) => r.kind === 'county')?.id ?? '';
    if (!ctx.geo.region(countyId) || ctx.geo.region(countyId)!.kind !== 'county')
      throw new AppError('NOT_FOUND', '县不存在');
    const s = await settingsOf(ctx, countyId);
    return { countyId, categories: s.categories, limits: s.limits };
  },

  async editSettings(ctx, input) {
    authorize(ctx, { countyId: input.countyId });
    const s = await settingsOf(ctx, input.countyId);
    const next = {
      id: input.countyId,
      categories: input.categories ?? s.categories,
      limits: { ...s.limits, ...(input.limits ?? {}) },
      updatedAt: ctx.now.toISOString(),
    };
    await ctx.ports.store.transact(async (tx) => {
      const { id: _id, ...rest } = next;
      if (await tx.get('caseSettings', next.id)) await tx.update('caseSettings', next.id, rest);
      else await tx.insert('caseSettings', next);
      await audit(tx, ctx, { entityType: 'caseSettings', entityId: next.id });
    });
    return { countyId: input.countyId, categories: next.categories, limits: next.limits };
  },

  async calendar(ctx, input) {
    authorize(ctx);
    const countyId = await countyOfCaller(ctx);
    const cal = await ctx.ports.store.get('workCalendars', `${countyId}:${input.year}`);
    return {
      year: input.year,
      holidays: cal?.holidays ?? [],
      workdays: cal?.workdays ?? [],
      updatedAt: cal?.updatedAt ?? null,
    };
  },

  async editCalendar(ctx, input) {
    const countyId = await countyOfCaller(ctx);
    authorize(ctx, { countyId });
    const bad = [...input.holidays, ...input.workdays].find((d) => !isRealDate(d));
    if (bad) throw new AppError('INVALID_INPUT', `${bad} 不是有效日期`, { holidays: '日期无效' });
    const cal = { holidays: [...input.holidays].sort(), workdays: [...input.workdays].sort() };
    const problems = calendarProblems(input.year, cal);
    if (Object.keys(problems).length)
      throw new AppError('INVALID_INPUT', Object.values(problems)[0], problems);
    const id = `${countyId}:${input.year}`;
    const record = {
      id,
      countyId,
      year: input.year,
      ...cal,
      updatedBy: ctx.caller!.user.id,
      updatedAt: ctx.now.toISOString(),
    };
    await ctx.ports.store.transact(async (tx) => {
      const { id: _id, ...rest } = record;
      if (await tx.get('workCalendars', id)) await tx.update('workCalendars', id, rest);
      else await tx.insert('workCalendars', record);
      await audit(tx, ctx, { entityType: 'workCalendar', entityId: id });
    });
    return { year: input.year, holidays: cal.holidays, workdays: cal.workdays, updatedAt: record.updatedAt };
  },
};

/** Office staff over the case (the export's scope is the caller's, so this holds for every row). */
function officeScopeHolds(ctx: Ctx, c: Case): boolean {
  const s = officeScope(ctx.caller!);
  return s.countyId ? c.countyId === s.countyId : c.townshipId === s.townshipId;
}
