/**
 * The case engine's side effects around the pure state machine: who the caller is to a case, the
 * deadlines of a stage on the working-day calendar, and `commit` — one unit of work that checks the case
 * is still the version read, writes it with its timeline step and counters, and runs the step's effects.
 */
import type { Caller, Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { officeOver } from '../../core/policy';
import { maskName } from '../../core/privacy';
import type { Tx } from '../../core/ports';
import { addDays, chinaDate, chinaInstant } from '../../core/time';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_LIMITS,
  type CaseStatus,
  type Stage,
  type StageLimit,
} from './constants';
import { applyDelta, delta, shardOf } from './domain/counters';
import { holderOf, stageOf, transition, type Actor, type Facts, type FlowAction } from './domain/flow';
import { dueDate, NO_CALENDAR, type WorkCalendar } from './domain/workdays';
import type { CaseSubject } from './policy';
import type { Case, CaseSettings, CaseStep } from './records';

export async function loadCase(ctx: Ctx, caseId: string): Promise<Case> {
  const c = await ctx.ports.store.get('cases', caseId);
  if (!c) throw new AppError('NOT_FOUND', '事项不存在');
  return c;
}

export const caseSubject = (c: Case): CaseSubject => ({
  countyId: c.countyId,
  townshipId: c.townshipId,
  constituencyId: c.constituencyId,
  deputyId: c.deputyId,
  ownerUserId: c.submitterUserId,
  isPublic: c.published,
  unitIds: [c.leadUnitId, ...c.assistingUnitIds].filter((u): u is string => !!u),
  intakeKey: c.holder === 'deputies' ? c.intakeKey : null,
});

export const unitGrants = (caller: Caller | null) =>
  (caller?.grants ?? []).filter((g) => g.role === 'handlingUnit').map((g) => g.scopeId);

/** Every part the caller plays in a case. */
export function actorsOf(caller: Caller | null, c: Case): Actor[] {
  if (!caller) return [];
  const actors: Actor[] = [];
  if (caller.user.id === c.submitterUserId) actors.push('submitter');
  const d = caller.deputy;
  if (d && (c.intakeKey === d.constituencyId || c.intakeKey === `tw:${d.townshipId}`))
    actors.push('intakeDeputy');
  if (d && d.id === c.deputyId) actors.push('deputy');
  if (officeOver(caller, caseSubject(c))) actors.push('office');
  const units = unitGrants(caller);
  if (c.leadUnitId && units.includes(c.leadUnitId)) actors.push('leadUnit');
  if (c.assistingUnitIds.some((u) => units.includes(u))) actors.push('assistingUnit');
  return actors;
}

export const factsOf = (c: Case, extra: Partial<Facts> = {}): Facts => ({
  held: c.held,
  consentForward: c.consentForward,
  handledBy: c.handledBy,
  reopenCount: c.reopenCount,
  following: !!c.followsCaseId,
  ...extra,
});

/** The next status, or the refusal thrown as the state machine words it. */
export function next(c: Case, action: FlowAction, actors: Actor[], extra: Partial<Facts> = {}): CaseStatus {
  const t = transition(c.status, action, actors, factsOf(c, extra));
  if (!t.ok) throw new AppError(t.code, t.message);
  return t.to;
}

// ---- settings and the calendar ----

export async function settingsOf(ctx: Pick<Ctx, 'ports'>, countyId: string): Promise<CaseSettings> {
  const s = await ctx.ports.store.get('caseSettings', countyId);
  return (
    s ?? {
      id: countyId,
      categories: [...DEFAULT_CATEGORIES],
      limits: { ...DEFAULT_LIMITS },
      updatedAt: '',
    }
  );
}

/** This year's and next year's calendar together (a limit may run into the next year). */
export async function calendarFrom(
  ctx: Pick<Ctx, 'ports'>,
  countyId: string,
  date: string,
): Promise<WorkCalendar> {
  const year = Number(date.slice(0, 4));
  const found = await Promise.all(
    [year, year + 1].map((y) => ctx.ports.store.get('workCalendars', `${countyId}:${y}`)),
  );
  const cals = found.filter((c) => c !== null);
  if (cals.length === 0) return NO_CALENDAR;
  return { holidays: cals.flatMap((c) => c.holidays), workdays: cals.flatMap((c) => c.workdays) };
}

/** The instant a stage that starts now ends: after the last China day of its limit. */
export async function dueAtFor(
  ctx: Pick<Ctx, 'ports' | 'now'>,
  countyId: string,
  limit: StageLimit,
): Promise<string> {
  const today = chinaDate(ctx.now);
  const last = dueDate(today, limit, await calendarFrom(ctx, countyId, today));
  return chinaInstant(addDays(last, 1), '00:00');
}

// ---- who did it, in the timeline's words ----

export type ActorKind = CaseStep['actorKind'];

/** How the caller is named on the timeline, in the part they acted in. */
export async function actorName(ctx: Ctx, c: Case, kind: ActorKind, unitId?: string | null): Promise<string> {
  if (kind === 'system') return '系统';
  if (kind === 'voter') return '提交人';
  if (kind === 'deputy') return `${ctx.caller?.deputy?.name ?? ''}代表`;
  if (kind === 'unit')
    return (unitId ? (await ctx.ports.store.get('units', unitId))?.name : null) ?? '承办单位';
  // Office: the township's congress (乡镇人大) or the county's standing committee.
  const g = ctx.caller?.grants.find(
    (x) =>
      (x.role === 'townshipOffice' && x.scopeId === c.townshipId) ||
      (x.role === 'countyOffice' && x.scopeId === c.countyId),
  );
  if (g?.role === 'townshipOffice') return `${ctx.geo.region(c.townshipId)?.name ?? ''}人大`;
  return '县人大常委会代表工委';
}

export const maskedSubmitter = (name: string) => (name ? maskName(name) : '群众');

// ---- the unit of work ----

export interface StepInput {
  action: FlowAction | 'submit' | 'publish' | 'overdue';
  actorKind: ActorKind;
  actorName: string;
  text: string;
  note?: string;
}

/** Recomputes who holds the case and which stage runs, restarting the clock when the stage changes. */
export async function withStage(
  ctx: Pick<Ctx, 'ports' | 'now'>,
  before: Case | null,
  after: Case,
  override?: { stage: Stage; limit: StageLimit },
): Promise<Case> {
  const facts = { handledBy: after.handledBy, held: after.held, following: !!after.followsCaseId };
  const holder = holderOf(after.status, facts);
  const stage = stageOf(after.status, facts);
  const restarted = !before || stage !== before.stage || override !== undefined;
  if (!stage) return { ...after, holder, stage: null, stageStartedAt: null, dueAt: null, overdue: false };
  if (!restarted && before) return { ...after, holder, stage, dueAt: before.dueAt, overdue: before.overdue };
  const settings = await settingsOf(ctx, after.countyId);
  const limit = override?.stage === stage ? override.limit : settings.limits[stage];
  return {
    ...after,
    holder,
    stage,
    stageStartedAt: ctx.now.toISOString(),
    dueAt: await dueAtFor(ctx, after.countyId, limit),
    overdue: false,
  };
}

/** Adds the counter difference of one case's change to its county's and township's documents. */
export async function count(tx: Tx, before: Case | null, after: Case | null): Promise<void> {
  const c = after ?? before;
  if (!c) return;
  const d = delta(before, after);
  if (Object.keys(d).length === 0) return;
  const shard = shardOf(c.id);
  for (const scopeId of [c.countyId, c.townshipId]) {
    const id = `${scopeId}:${c.month}:${shard}`;
    const doc = await tx.get('caseCounters', id);
    if (doc) await tx.update('caseCounters', id, { counts: applyDelta(doc.counts, d) });
    else await tx.insert('caseCounters', { id, scopeId, month: c.month, shard, counts: applyDelta({}, d) });
  }
}

/** Appends one step to a case's timeline (its id keeps the steps in order). */
export async function appendStep(
  tx: Tx,
  ctx: Pick<Ctx, 'now' | 'caller'>,
  before: Case | null,
  after: Case,
  s: StepInput,
) {
  const seq = before ? before.steps : 0;
  const step: CaseStep = {
    id: `${after.id}:${String(seq).padStart(4, '0')}`,
    caseId: after.id,
    seq,
    action: s.action,
    fromStatus: before?.status ?? null,
    toStatus: after.status,
    actorKind: s.actorKind,
    actorName: s.actorName,
    actorUserId: ctx.caller?.user.id ?? null,
    text: s.text,
    note: s.note ?? '',
    at: ctx.now.toISOString(),
  };
  await tx.insert('caseSteps', step);
}

/**
 * Writes a case's change as one unit of work: refuses with CONFLICT when someone changed it since
 * `before` was read, then the case (version + 1), its step, its counters and `effects`.
 */
export async function commit(
  tx: Tx,
  ctx: Pick<Ctx, 'now' | 'caller'>,
  before: Case,
  after: Case,
  step: StepInput | null,
  effects?: (saved: Case) => Promise<void>,
): Promise<Case> {
  const fresh = await tx.get('cases', before.id);
  if (!fresh || fresh.version !== before.version) {
    throw new AppError('CONFLICT', '这件事刚刚有了新的进展，请刷新后再操作');
  }
  const saved: Case = {
    ...after,
    version: before.version + 1,
    steps: before.steps + (step ? 1 : 0),
    updatedAt: ctx.now.toISOString(),
  };
  const { id: _id, ...patch } = saved;
  await tx.update('cases', before.id, patch);
  if (step) await appendStep(tx, ctx, before, saved, step);
  await count(tx, before, saved);
  await effects?.(saved);
  return saved;
}
