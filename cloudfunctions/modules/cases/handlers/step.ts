/**
 * cases: one step of the flow, shared by the handling handlers — load, authorize, ask the state machine,
 * commit once per requestId — and the notices and unit parts that several steps write.
 */
import type { Ctx } from '../../../core/context';
import { audit, notify, once } from '../../../core/effects';
import { authorize } from '../../../core/policy';
import type { Tx } from '../../../core/ports';
import { chinaDate } from '../../../core/time';
import type { StageLimit } from '../constants';
import type { Actor, Facts, FlowAction } from '../domain/flow';
import { workingDaysBetween } from '../domain/workdays';
import {
  actorName,
  actorsOf,
  calendarFrom,
  caseSubject,
  commit,
  loadCase,
  next,
  withStage,
  type ActorKind,
} from '../engine';
import type { Case, CaseUnit } from '../records';
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
export async function step(
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

export const tell = (tx: Tx, ctx: Ctx, c: Case, title: string, body = '') =>
  notify(tx, ctx, { userId: c.submitterUserId, kind: 'case.progress', title, body, link: caseLink(c.id) });

/** Tells a unit's staff (those with accounts) about a case. */
export async function tellUnit(tx: Tx, ctx: Ctx, unitId: string, c: Case, title: string) {
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

export async function tellDeputy(
  tx: Tx,
  ctx: Ctx,
  c: Case,
  title: string,
  kind: 'case.returned' | 'case.assigned',
) {
  if (!c.deputyId) return;
  const d = await tx.get('deputies', c.deputyId);
  if (d?.userId)
    await notify(tx, ctx, { userId: d.userId, kind, title, body: c.category, link: staffLink(c.id) });
}

/** Working days from a case's submission to now, on its county's calendar. */
export async function workingDaysSince(ctx: Ctx, c: Case): Promise<number> {
  const from = chinaDate(c.createdAt);
  return workingDaysBetween(from, chinaDate(ctx.now), await calendarFrom(ctx, c.countyId, from));
}

/** Sets the parts of a case's units (all, or those listed) in one go. */
export async function updateParts(tx: Tx, parts: CaseUnit[], patch: Partial<CaseUnit>) {
  for (const p of parts) await tx.update('caseUnits', p.id, patch);
}

/** The answer a follower takes from the case it follows. */
export const answerOf = (root: Case, c: Case, ctxNow: string, days: number): Partial<Case> => ({
  handledBy: root.handledBy,
  answerCategory: root.answerCategory,
  answerText: root.answerText,
  answeredAt: c.answeredAt ?? ctxNow,
  answerWorkingDays: c.answerWorkingDays ?? days,
  leadUnitId: root.leadUnitId,
  assistingUnitIds: root.assistingUnitIds,
});

/** Parts (closed) for a follower that took its answer from a unit, so that 不满意 reaches that unit. */
export async function followerParts(tx: Tx, ctx: Ctx, f: Case) {
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
