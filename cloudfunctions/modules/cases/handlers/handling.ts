/**
 * cases: handling — a deputy accepts, declines, answers, forwards, follows up; the office assigns to a
 * lead unit and assisting units, or links a case to an earlier one; the lead unit accepts, returns,
 * replies; the submitter rates (不满意 reopens once). Each step is one unit of work through `commit`.
 */
import type { Ctx } from '../../../core/context';
import { appendActivity, audit, notify, once } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import type { Tx } from '../../../core/ports';
import { chinaDate, chinaInstant, addDays, dateLabel } from '../../../core/time';
import { LITIGATION_POINTER, type StageLimit } from '../constants';
import type { CasesHandlers } from '../contract';
import type { Actor, Facts, FlowAction } from '../domain/flow';
import { addWorkingDays, workingDaysBetween } from '../domain/workdays';
import {
  actorName,
  actorsOf,
  calendarFrom,
  caseSubject,
  commit,
  loadCase,
  next,
  settingsOf,
  withStage,
  type ActorKind,
} from '../engine';
import type { Case, CaseUnit } from '../records';
import { casesQueries } from '../storage';
import { fullView } from '../views';
import { caseLink, staffLink } from './filing';

interface Plan {
  patch: Partial<Case>;
  kind: ActorKind;
  text: (name: string) => string;
  note?: string;
  override?: { stage: 'reply'; limit: StageLimit };
  effects?: (tx: Tx, saved: Case, name: string) => Promise<void>;
}

/**
 * One step of the flow: load, authorize, ask the state machine, plan the change, commit it (once per
 * requestId), answer with the case as it now stands.
 */
async function step(
  ctx: Ctx,
  caseId: string,
  action: FlowAction,
  facts: (c: Case) => Promise<Partial<Facts>> | Partial<Facts>,
  plan: (c: Case, to: Case['status'], actors: Actor[]) => Promise<Plan> | Plan,
) {
  const c = await loadCase(ctx, caseId);
  authorize(ctx, caseSubject(c));
  const actors = actorsOf(ctx.caller, c);
  const to = next(c, action, actors, await facts(c));
  const p = await plan(c, to, actors);
  const name = await actorName(
    ctx,
    c,
    p.kind,
    p.kind === 'unit' ? (p.patch.leadUnitId ?? c.leadUnitId) : null,
  );
  const after = await withStage(ctx, c, { ...c, ...p.patch, status: to }, p.override);
  await once(ctx, async (tx) => {
    const saved = await commit(
      tx,
      ctx,
      c,
      after,
      { action, actorKind: p.kind, actorName: name, text: p.text(name), note: p.note },
      (s) => p.effects?.(tx, s, name) ?? Promise.resolve(),
    );
    await audit(tx, ctx, {
      entityType: 'case',
      entityId: c.id,
      detail: { from: c.status, to: saved.status },
    });
    return { caseId: saved.id };
  });
  return fullView(ctx, await loadCase(ctx, c.id));
}

const tell = (tx: Tx, ctx: Ctx, c: Case, title: string, body = '') =>
  notify(tx, ctx, { userId: c.submitterUserId, kind: 'case.progress', title, body, link: caseLink(c.id) });

/** Tells a unit's staff (those with accounts) about a case. */
async function tellUnit(tx: Tx, ctx: Ctx, unitId: string, c: Case, title: string) {
  const unit = await tx.get('units', unitId);
  for (const userId of unit?.staffUserIds ?? []) {
    await notify(tx, ctx, {
      userId,
      kind: 'case.assigned',
      title,
      body: `${c.category}：${c.text.slice(0, 40)}`,
      link: staffLink(c.id),
    });
  }
}

async function tellDeputy(tx: Tx, ctx: Ctx, c: Case, title: string, kind: 'case.returned' | 'case.assigned') {
  if (!c.deputyId) return;
  const d = await tx.get('deputies', c.deputyId);
  if (d?.userId)
    await notify(tx, ctx, { userId: d.userId, kind, title, body: c.category, link: staffLink(c.id) });
}

const deputyActivity = (
  tx: Tx,
  ctx: Ctx,
  c: Case,
  type: 'case.accept' | 'case.answer' | 'case.forward' | 'case.followUp',
  what: string,
) =>
  appendActivity(tx, ctx, {
    deputyId: ctx.caller!.deputy!.id,
    type,
    refType: 'case',
    refId: c.id,
    summary: `${what}社情民意：${c.category}（${c.text.slice(0, 30)}）`,
  });

/** Working days from a case's submission to now, on its county's calendar. */
async function workingDaysSince(ctx: Ctx, c: Case): Promise<number> {
  const from = chinaDate(c.createdAt);
  return workingDaysBetween(from, chinaDate(ctx.now), await calendarFrom(ctx, c.countyId, from));
}

/** Sets the parts of a case's units (all, or those listed) in one go. */
async function updateParts(tx: Tx, parts: CaseUnit[], patch: Partial<CaseUnit>) {
  for (const p of parts) await tx.update('caseUnits', p.id, patch);
}

/** The answer a follower takes from the case it follows. */
const answerOf = (root: Case, c: Case, ctxNow: string, days: number): Partial<Case> => ({
  handledBy: root.handledBy,
  answerCategory: root.answerCategory,
  answerText: root.answerText,
  answeredAt: c.answeredAt ?? ctxNow,
  answerWorkingDays: c.answerWorkingDays ?? days,
  leadUnitId: root.leadUnitId,
  assistingUnitIds: root.assistingUnitIds,
});

/** Parts (closed) for a follower that took its answer from a unit, so that 不满意 reaches that unit. */
async function followerParts(tx: Tx, ctx: Ctx, f: Case) {
  const units = [f.leadUnitId, ...f.assistingUnitIds].filter((u): u is string => !!u);
  for (const [i, unitId] of units.entries()) {
    const id = `${f.id}:${unitId}`;
    const part: CaseUnit = {
      id,
      caseId: f.id,
      unitId,
      role: i === 0 ? 'lead' : 'assisting',
      caseStatus: f.status,
      open: false,
      overdue: false,
      assignedAt: ctx.now.toISOString(),
      returnBy: ctx.now.toISOString(),
      dueAt: null,
      updatedAt: ctx.now.toISOString(),
      countyId: f.countyId,
    };
    if (await tx.get('caseUnits', id))
      await tx.update('caseUnits', id, { caseStatus: f.status, updatedAt: part.updatedAt });
    else await tx.insert('caseUnits', part);
  }
}

export const handlingHandlers: Pick<
  CasesHandlers,
  'accept' | 'decline' | 'answer' | 'forward' | 'followUp' | 'assign' | 'return' | 'reply' | 'rate' | 'link'
> = {
  accept: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'accept',
      () => ({}),
      (c, to) =>
        to === 'accepted'
          ? {
              patch: { deputyId: ctx.caller!.deputy!.id },
              kind: 'deputy',
              text: (n) => `${n}受理了这件事`,
              note: input.reason,
              effects: async (tx, saved, n) => {
                await tell(tx, ctx, saved, `${n}受理了您的社情民意`, saved.category);
                await deputyActivity(tx, ctx, saved, 'case.accept', '受理');
              },
            }
          : {
              patch: {},
              kind: 'unit',
              text: (n) => `${n}接受交办，开始办理`,
              note: input.reason,
              effects: async (tx, saved, n) => {
                const parts = await casesQueries(ctx.ports).partsOfCase(c.id);
                await updateParts(
                  tx,
                  parts.filter((p) => p.open),
                  {
                    caseStatus: saved.status,
                    updatedAt: saved.updatedAt,
                  },
                );
                await tell(tx, ctx, saved, `${n}已开始办理您的社情民意`);
              },
            },
    ),

  decline: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'decline',
      () => ({}),
      () => ({
        patch: { deputyId: ctx.caller!.deputy?.id ?? null, closedAt: ctx.now.toISOString() },
        kind: 'deputy',
        text: (n) => (input.litigation ? `${n}说明：这件事涉法涉诉，不在受理范围` : `${n}不予受理`),
        note: input.litigation ? [LITIGATION_POINTER, input.reason].filter(Boolean).join(' ') : input.reason,
        effects: (tx, saved, n) =>
          tell(
            tx,
            ctx,
            saved,
            `${n}未受理您的社情民意`,
            input.litigation ? LITIGATION_POINTER : (input.reason ?? ''),
          ),
      }),
    ),

  answer: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'answer',
      () => ({}),
      async (c) => ({
        patch: {
          handledBy: 'deputy',
          answerText: input.text,
          answeredAt: c.answeredAt ?? ctx.now.toISOString(),
          answerWorkingDays: c.answerWorkingDays ?? (await workingDaysSince(ctx, c)),
          attitude: null,
          result: null,
        },
        kind: 'deputy',
        text: (n) => `${n}直接答复了这件事，请您评价`,
        note: input.text,
        effects: async (tx, saved, n) => {
          await tell(tx, ctx, saved, `${n}答复了您的社情民意，请评价`, input.text.slice(0, 40));
          await deputyActivity(tx, ctx, saved, 'case.answer', '答复');
        },
      }),
    ),

  forward: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'forward',
      () => ({}),
      () => ({
        patch: {},
        kind: 'deputy',
        text: (n) => `${n}把这件事转交人大办，由人大办交给有关单位办理`,
        note: input.note,
        effects: async (tx, saved, n) => {
          await tell(tx, ctx, saved, `${n}已把您的社情民意转交人大办`);
          await deputyActivity(tx, ctx, saved, 'case.forward', '转交');
        },
      }),
    ),

  followUp: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'followUp',
      () => ({}),
      () => ({
        patch: {},
        kind: 'deputy',
        text: (n) => `${n}跟踪督办这件事`,
        note: input.text,
        effects: async (tx, saved, n) => {
          await tell(tx, ctx, saved, `${n}正在跟踪督办您的社情民意`, input.text.slice(0, 40));
          if (saved.leadUnitId && saved.holder === 'unit')
            await tellUnit(tx, ctx, saved.leadUnitId, saved, `${n}督办：${input.text.slice(0, 20)}`);
          await deputyActivity(tx, ctx, saved, 'case.followUp', '跟踪督办');
        },
      }),
    ),

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

  async reply(ctx, input) {
    const c = await loadCase(ctx, input.caseId);
    const q = casesQueries(ctx.ports);
    const [parts, followers] = await Promise.all([q.partsOfCase(c.id), q.followersOf(c.id)]);
    const waiting = followers.filter((f) => f.status === 'inProgress');
    const days = await workingDaysSince(ctx, c);
    const followed = await Promise.all(
      waiting.map(async (f) => ({ f, days: await workingDaysSince(ctx, f) })),
    );
    return step(
      ctx,
      c.id,
      'reply',
      () => ({}),
      () => ({
        patch: {
          handledBy: 'unit',
          answerCategory: input.answerCategory,
          answerText: input.text,
          answeredAt: c.answeredAt ?? ctx.now.toISOString(),
          answerWorkingDays: c.answerWorkingDays ?? days,
          attitude: null,
          result: null,
        },
        kind: 'unit',
        text: (n) => `${n}作出答复（${input.answerCategory}），请您评价`,
        note: input.text,
        effects: async (tx, saved, n) => {
          await updateParts(
            tx,
            parts.filter((p) => p.open || p.caseStatus !== 'returned'),
            {
              open: false,
              caseStatus: saved.status,
              updatedAt: saved.updatedAt,
            },
          );
          await tell(
            tx,
            ctx,
            saved,
            `${n}答复了您的社情民意，请评价`,
            `${input.answerCategory}：${input.text.slice(0, 30)}`,
          );
          await tellDeputy(tx, ctx, saved, `${n}答复了您转交的社情民意`, 'case.returned');
          for (const { f, days: d } of followed) {
            const after = await withStage(ctx, f, {
              ...f,
              ...answerOf(saved, f, ctx.now.toISOString(), d),
              status: 'replied',
            });
            const s = await commit(tx, ctx, f, after, {
              action: 'follow',
              actorKind: 'unit',
              actorName: n,
              text: `这件事与早先的同类事项合并办理，${n}已作出答复（${input.answerCategory}），请您评价`,
              note: input.text,
            });
            await followerParts(tx, ctx, s);
            await tell(tx, ctx, s, `${n}答复了您的社情民意，请评价`);
          }
        },
      }),
    );
  },

  rate: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'rate',
      () => ({ result: input.result }),
      async (c, to) => {
        const reopen = to === 'reopened';
        const parts = reopen && c.handledBy === 'unit' ? await casesQueries(ctx.ports).partsOfCase(c.id) : [];
        return {
          patch: {
            attitude: input.attitude,
            result: input.result,
            ratedAt: ctx.now.toISOString(),
            reopenCount: reopen ? 1 : c.reopenCount,
            closedAt: reopen ? null : ctx.now.toISOString(),
          },
          kind: 'voter',
          text: () =>
            `提交人评价：办理态度${input.attitude}，办理结果${input.result}${
              reopen ? '。事项退回重新办理，限 1 个月内再次答复' : '。事项办结'
            }`,
          effects: async (tx, saved) => {
            if (!reopen) {
              const lead = saved.leadUnitId ? `${saved.id}:${saved.leadUnitId}` : null;
              if (lead && (await tx.get('caseUnits', lead)))
                await tx.update('caseUnits', lead, { caseStatus: saved.status, updatedAt: saved.updatedAt });
              return;
            }
            if (saved.handledBy === 'unit' && saved.leadUnitId) {
              const lead = parts.find((p) => p.unitId === saved.leadUnitId);
              if (lead) {
                await tx.update('caseUnits', lead.id, {
                  open: true,
                  overdue: false,
                  caseStatus: saved.status,
                  dueAt: saved.dueAt,
                  updatedAt: saved.updatedAt,
                });
              }
              await tellUnit(tx, ctx, saved.leadUnitId, saved, '提交人不满意，请在 1 个月内重新办理并答复');
            } else await tellDeputy(tx, ctx, saved, '提交人不满意您的答复，请重新办理', 'case.assigned');
          },
        };
      },
    ),

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
