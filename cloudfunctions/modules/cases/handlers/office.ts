/** cases: the office's side — publishing, handling units, settings and the working-day calendar. */
import type { Ctx } from '../../../core/context';
import { audit, notify, once } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeScope } from '../../../core/policy';
import { isRealDate } from '../../../core/time';
import type { CasesHandlers } from '../contract';
import { deidentify } from '../domain/deidentify';
import { publishRefusal } from '../domain/flow';
import { calendarProblems } from '../domain/workdays';
import { actorName, caseSubject, commit, loadCase, settingsOf, unitGrants } from '../engine';
import type { HandlingUnit } from '../records';
import { casesQueries } from '../storage';
import { fullView } from '../views';
import { caseLink } from './filing';

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
  'publish' | 'units' | 'saveUnit' | 'settings' | 'editSettings' | 'calendar' | 'editCalendar'
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
