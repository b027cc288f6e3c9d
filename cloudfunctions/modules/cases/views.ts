/** Cases as each caller sees them: the submitter and office staff in full, deputies and units masked, the public de-identified. */
import type { Ctx } from '../../core/context';
import { officeOver } from '../../core/policy';
import { STATUS_LABEL } from './constants';
import type { CaseSummary, CaseView, StepView } from './contract';
import { deidentify } from './domain/deidentify';
import { publishRefusal, transition, type FlowAction } from './domain/flow';
import { actorsOf, caseSubject, factsOf, maskedSubmitter } from './engine';
import { imagesFor } from './images';
import type { Case, CaseStep, CaseUnit } from './records';
import { casesQueries } from './storage';

export const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** How much of a case the caller may see. */
export type Sight = 'full' | 'masked' | 'public';

export function sightOf(ctx: Ctx, c: Case): Sight {
  const caller = ctx.caller;
  if (caller && (caller.user.id === c.submitterUserId || officeOver(caller, caseSubject(c)))) return 'full';
  const actors = actorsOf(caller, c);
  if (actors.some((a) => ['intakeDeputy', 'deputy', 'leadUnit', 'assistingUnit'].includes(a)))
    return 'masked';
  return 'public';
}

/** The names the de-identification removes: the submitter's. */
export const publicText = (c: Case) => c.publicText ?? deidentify(c.text, { names: [c.submitterName] });

export async function supportOf(ctx: Ctx, c: Case): Promise<{ count: number; mine: boolean }> {
  const [counter, claim] = await Promise.all([
    ctx.ports.store.get('caseCounters', `support:${c.id}`),
    ctx.caller ? ctx.ports.store.get('claims', `support:${c.id}:${ctx.caller.user.id}`) : null,
  ]);
  return { count: counter?.counts.support ?? 0, mine: !!claim };
}

const can = (c: Case, ctx: Ctx, action: FlowAction) => {
  const actors = actorsOf(ctx.caller, c);
  const t = transition(c.status, action, actors, factsOf(c, { withinReturnWindow: true, result: '满意' }));
  return t.ok;
};

export async function caseView(ctx: Ctx, c: Case): Promise<CaseView> {
  const sight = sightOf(ctx, c);
  const { store } = ctx.ports;
  // The deputy who filed it uploaded its photos: they see them waiting, as their author.
  const filer = !!c.filedByDeputyId && ctx.caller?.deputy?.id === c.filedByDeputyId;
  const [deputy, lead, assisting, support, photos] = await Promise.all([
    c.deputyId ? store.get('deputies', c.deputyId) : null,
    c.leadUnitId ? store.get('units', c.leadUnitId) : null,
    Promise.all(c.assistingUnitIds.map((u) => store.get('units', u))),
    supportOf(ctx, c),
    imagesFor(ctx, c, sight === 'full' || filer ? 'all' : sight === 'public' ? 'none' : 'passed'),
  ]);
  const pub = sight === 'public';
  const actors = actorsOf(ctx.caller, c);
  return {
    caseId: c.id,
    kind: c.kind,
    status: c.status,
    statusLabel: STATUS_LABEL[c.status],
    version: c.version,
    category: c.category,
    townshipId: c.townshipId,
    townshipName: ctx.geo.region(c.townshipId)?.name ?? '',
    constituencyId: c.constituencyId,
    constituencyName: c.constituencyId ? (ctx.geo.region(c.constituencyId)?.name ?? '') : null,
    text: pub ? publicText(c) : c.text,
    latitude: pub ? null : c.latitude,
    longitude: pub ? null : c.longitude,
    images: photos.images,
    imagesWithheld: photos.withheld,
    consentForward: c.consentForward,
    consentPublish: c.consentPublish,
    submitterName:
      sight === 'full' ? c.submitterName || c.submitterNameMasked : pub ? '' : c.submitterNameMasked,
    mine: ctx.caller?.user.id === c.submitterUserId,
    held: c.held,
    deputyName: deputy?.name ?? null,
    leadUnit: lead ? { unitId: lead.id, name: lead.name } : null,
    assistingUnits: assisting.filter((u) => u !== null).map((u) => ({ unitId: u.id, name: u.name })),
    handledBy: c.handledBy,
    answerCategory: c.answerCategory,
    answerText: pub
      ? (c.publicAnswer ?? (c.answerText ? deidentify(c.answerText, { names: [c.submitterName] }) : null))
      : c.answerText,
    answeredAt: c.answeredAt,
    attitude: c.attitude,
    result: c.result,
    reopenCount: c.reopenCount,
    stage: c.stage,
    dueAt: c.dueAt,
    overdue: c.overdue,
    followsCaseId: pub ? null : c.followsCaseId,
    fromThreadId: pub ? null : c.fromThreadId,
    fromVisitId: pub ? null : c.fromVisitId,
    published: c.published,
    publishedAt: c.publishedAt,
    supportCount: support.count,
    supported: support.mine,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt,
    can: {
      accept: can(c, ctx, 'accept'),
      decline: can(c, ctx, 'decline'),
      answer: can(c, ctx, 'answer'),
      forward: can(c, ctx, 'forward'),
      followUp: can(c, ctx, 'followUp'),
      assign: can(c, ctx, 'assign'),
      return: can(c, ctx, 'return'),
      reply: can(c, ctx, 'reply'),
      rate: can(c, ctx, 'rate'),
      publish: actors.includes('office') && publishRefusal(c) === null,
      link: can(c, ctx, 'link'),
      release: can(c, ctx, 'release'),
      support: c.published && !!ctx.caller && !support.mine,
    },
  };
}

export function stepView(s: CaseStep, sight: Sight): StepView {
  return {
    at: s.at,
    action: s.action,
    status: s.toStatus,
    actor: s.actorName,
    text: sight === 'public' ? deidentify(s.text) : s.text,
    note: sight === 'public' ? deidentify(s.note) : s.note,
  };
}

export async function fullView(ctx: Ctx, c: Case): Promise<{ case: CaseView; timeline: StepView[] }> {
  const sight = sightOf(ctx, c);
  const steps = await casesQueries(ctx.ports).stepsOfCase(c.id);
  return { case: await caseView(ctx, c), timeline: steps.map((s) => stepView(s, sight)) };
}

export function summaryOf(ctx: Ctx, c: Case, part?: CaseUnit | null): CaseSummary {
  const sight = sightOf(ctx, c);
  return {
    caseId: c.id,
    status: c.status,
    statusLabel: STATUS_LABEL[c.status],
    category: c.category,
    townshipName: ctx.geo.region(c.townshipId)?.name ?? '',
    excerpt: excerpt(sight === 'public' ? publicText(c) : c.text),
    submitterName:
      sight === 'full'
        ? c.submitterName || c.submitterNameMasked
        : sight === 'masked'
          ? c.submitterNameMasked
          : '',
    held: c.held,
    dueAt: part ? part.dueAt : c.dueAt,
    overdue: part ? part.overdue : c.overdue,
    published: c.published,
    unitRole: part?.role ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export { maskedSubmitter };
