/**
 * cases: the office assigns a case to a lead unit and assisting units, or links it to an earlier one it
 * follows; the lead unit may return an assignment within its window.
 */
import { AppError } from '../../../core/errors';
import { addDays, chinaDate, chinaInstant, dateLabel } from '../../../core/time';
import type { StageLimit } from '../constants';
import type { CasesHandlers } from '../contract';
import { addWorkingDays } from '../domain/workdays';
import { calendarFrom, loadCase, settingsOf } from '../engine';
import type { CaseUnit } from '../records';
import { casesQueries } from '../storage';
import {
  answerOf,
  followerParts,
  step,
  tell,
  tellDeputy,
  tellUnit,
  updateParts,
  workingDaysSince,
} from './step';

export const assignmentHandlers: Pick<CasesHandlers, 'assign' | 'return' | 'link'> = {
  async assign(ctx, input) {
    const c = await loadCase(ctx, input.caseId);
    const ids = [input.leadUnitId, ...input.assistingUnitIds];
    const units = await Promise.all(ids.map((id) => ctx.ports.store.get('units', id)));
    units.forEach((u, i) => {
      if (!u || u.countyId !== c.countyId || !u.active) {
        throw new AppError('NOT_FOUND', '承办单位不存在或已停用', {
          [i === 0 ? 'leadUnitId' : 'assistingUnitIds']: '请重新选择',
        });
      }
    });
    const settings = await settingsOf(ctx, c.countyId);
    const today = chinaDate(ctx.now);
    const cal = await calendarFrom(ctx, c.countyId, today);
    const returnBy = chinaInstant(addDays(addWorkingDays(today, settings.limits.return.n, cal), 1), '00:00');
    const limit: StageLimit = input.dueWorkingDays
      ? { n: input.dueWorkingDays, unit: 'workingDays' }
      : settings.limits.reply;
    const prior = await casesQueries(ctx.ports).partsOfCase(c.id);
    return step(
      ctx,
      c.id,
      'assign',
      () => ({}),
      () => ({
        patch: { leadUnitId: input.leadUnitId, assistingUnitIds: input.assistingUnitIds },
        kind: 'office',
        override: { stage: 'reply', limit },
        text: (n) =>
          `${n}交办给${units[0]!.name}（主办）${units
            .slice(1)
            .map((u) => `、${u!.name}（协办）`)
            .join('')}`,
        effects: async (tx, saved) => {
          const due = saved.dueAt ? dateLabel(addDays(chinaDate(saved.dueAt), -1), ctx.now) : '';
          for (const [i, unitId] of ids.entries()) {
            const id = `${c.id}:${unitId}`;
            const part: CaseUnit = {
              id,
              caseId: c.id,
              unitId,
              role: i === 0 ? 'lead' : 'assisting',
              caseStatus: saved.status,
              open: true,
              overdue: false,
              assignedAt: saved.updatedAt,
              returnBy,
              dueAt: saved.dueAt,
              updatedAt: saved.updatedAt,
              countyId: c.countyId,
            };
            const { id: _id, ...rest } = part;
            if (prior.some((p) => p.id === id)) await tx.update('caseUnits', id, rest);
            else await tx.insert('caseUnits', part);
            await tellUnit(
              tx,
              ctx,
              unitId,
              saved,
              i === 0 ? `交办事项（主办），请于${due}前答复` : '交办事项（协办）',
            );
          }
          await tell(tx, ctx, saved, `您的社情民意已交办${units[0]!.name}`, due ? `答复期限：${due}` : '');
        },
      }),
    );
  },

  async return(ctx, input) {
    const c = await loadCase(ctx, input.caseId);
    const parts = await casesQueries(ctx.ports).partsOfCase(c.id);
    const lead = parts.find((p) => p.role === 'lead' && p.unitId === c.leadUnitId);
    return step(
      ctx,
      c.id,
      'return',
      () => ({ withinReturnWindow: !!lead && ctx.now.toISOString() < lead.returnBy }),
      () => ({
        patch: { leadUnitId: null, assistingUnitIds: [], unitLate: false },
        kind: 'unit',
        text: (n) => `${n}退回了交办，人大办将重新交办`,
        note: input.reason,
        effects: async (tx, saved, n) => {
          await updateParts(
            tx,
            parts.filter((p) => p.open),
            {
              open: false,
              caseStatus: saved.status,
              updatedAt: saved.updatedAt,
            },
          );
          await tellDeputy(tx, ctx, saved, `${n}退回了您转交的社情民意`, 'case.returned');
          await tell(tx, ctx, saved, `${n}退回了交办，人大办将重新交办`, input.reason);
        },
      }),
    );
  },

  async link(ctx, input) {
    const c = await loadCase(ctx, input.caseId);
    let root = await loadCase(ctx, input.toCaseId);
    if (root.followsCaseId) root = await loadCase(ctx, root.followsCaseId);
    if (root.id === c.id) throw new AppError('CONFLICT', '不能关联到跟随本事项的事项');
    if (root.countyId !== c.countyId) throw new AppError('NOT_FOUND', '要关联的事项不存在');
    if (root.status === 'declined' || root.status === 'submitted')
      throw new AppError('CONFLICT', '只能关联到已受理的事项');
    const answered = !!root.answerText && ['replied', 'answered', 'closed'].includes(root.status);
    const days = answered ? await workingDaysSince(ctx, c) : 0;
    return step(
      ctx,
      c.id,
      'link',
      () => ({ earlierAnswered: answered }),
      () => ({
        patch: {
          followsCaseId: root.id,
          ...(answered ? answerOf(root, c, ctx.now.toISOString(), days) : {}),
        },
        kind: 'office',
        text: (n) =>
          answered
            ? `${n}把这件事与早先的同类事项合并办理，采用其答复，请您评价`
            : `${n}把这件事与早先的同类事项合并办理，随其结果答复`,
        effects: async (tx, saved, n) => {
          if (answered) await followerParts(tx, ctx, saved);
          await tell(tx, ctx, saved, `${n}把您的社情民意与同类事项合并办理`);
        },
      }),
    );
  },
};
