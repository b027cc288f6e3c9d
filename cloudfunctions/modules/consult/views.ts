/** Records → what the client sees, and the checks several consult handlers share. */
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { officeOver, type Subject } from '../../core/policy';
import { AUDIENCE_LABEL } from './constants';
import type { ConsultationSummary, ConsultationView } from './contract';
import type { AudienceSubject } from './policy';
import type { Consultation } from './records';

export const consultSubject = (c: Consultation, extra: Subject = {}): Subject => ({
  countyId: c.countyId,
  townshipId: c.townshipId,
  isPublic: c.status !== 'draft',
  ...extra,
});

export async function loadConsultation(ctx: Ctx, id: string): Promise<Consultation> {
  const c = await ctx.ports.store.get('consultations', id);
  if (!c) throw new AppError('NOT_FOUND', '征询不存在');
  return c;
}

/** The status at this moment: a published consultation is upcoming, open or — past its close — closed. */
export function phaseOf(c: Consultation, now: Date): ConsultationView['phase'] {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'feedbackPublished') return 'feedback';
  if (c.status === 'closed') return 'closed';
  const t = now.toISOString();
  if (t < c.opensAt) return 'upcoming';
  return t < c.closesAt ? 'open' : 'closed';
}

/** Closed by the office, or past its close time (the timer marks it within the minute). */
export const isClosed = (c: Consultation, now: Date) => phaseOf(c, now) === 'closed';

export function scopeName(ctx: Ctx, c: Pick<Consultation, 'countyId' | 'townshipId'>): string {
  if (c.townshipId) return `${ctx.geo.region(c.townshipId)?.name ?? ''}人大`;
  return `${ctx.geo.region(c.countyId)?.name ?? ''}人大常委会`;
}

export function audienceLabel(ctx: Ctx, c: Consultation): string {
  const { kind, townshipIds, constituencyIds } = c.audience;
  if (kind === 'all') return AUDIENCE_LABEL.all;
  const places = [...townshipIds, ...constituencyIds].map((id) => ctx.geo.region(id)?.name ?? id);
  const where = places.length ? places.join('、') : (ctx.geo.region(c.townshipId ?? c.countyId)?.name ?? '');
  return kind === 'verified' ? `${where}的实名认证选民和代表` : `${where}的人大代表`;
}

/** Everyone sees published feedback; office staff over it also see the draft they are writing. */
export function consultationView(ctx: Ctx, c: Consultation): ConsultationView {
  const staff = officeOver(ctx.caller, consultSubject(c));
  return {
    consultationId: c.id,
    title: c.title,
    background: c.background,
    version: c.version,
    previousId: c.previousId,
    supersededBy: c.supersededBy,
    countyId: c.countyId,
    townshipId: c.townshipId,
    scopeName: scopeName(ctx, c),
    status: c.status,
    phase: phaseOf(c, ctx.now),
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    publishedAt: c.publishedAt,
    closedAt: c.closedAt,
    feedbackPublishedAt: c.feedbackPublishedAt,
    audience: { ...c.audience, label: audienceLabel(ctx, c) },
    articles: c.articles,
    questions: c.questions,
    feedback: c.feedbackPublishedAt || staff ? c.feedback : [],
  };
}

export const summaryView = (ctx: Ctx, c: Consultation): ConsultationSummary => ({
  consultationId: c.id,
  title: c.title,
  scopeName: scopeName(ctx, c),
  status: c.status,
  phase: phaseOf(c, ctx.now),
  version: c.version,
  opensAt: c.opensAt,
  closesAt: c.closesAt,
  articles: c.articles.length,
  questions: c.questions.length,
});

/** Where the caller stands, for the audience rule and the tallies: a deputy's constituency, else the voter's. */
export function respondentPlace(ctx: Ctx): AudienceSubject['respondent'] {
  const c = ctx.caller;
  const constituencyId = c?.deputy?.constituencyId ?? c?.user.constituencyId ?? null;
  const region = ctx.geo.region(constituencyId);
  if (!region)
    return {
      countyId: c?.deputy?.countyId ?? null,
      townshipId: c?.deputy?.townshipId ?? null,
      constituencyId: null,
    };
  return { countyId: region.countyId, townshipId: region.townshipId, constituencyId: region.id };
}

export const audienceSubject = (ctx: Ctx, c: Consultation): AudienceSubject => ({
  ...consultSubject(c),
  audience: c.audience,
  respondent: respondentPlace(ctx),
});
