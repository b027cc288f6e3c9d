/** consult: writing a consultation — create, adjust the draft, publish (a correction as a new version), close, list. */
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { audit, once } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeScope } from '../../../core/policy';
import type { ConsultHandlers, CreateInput, UpdateInput } from '../contract';
import type { Article, Audience, Consultation, Question } from '../records';
import { splitArticles } from '../split';
import { consultQueries } from '../storage';
import { emptyShards } from '../tally';
import { consultationView, consultSubject, isClosed, loadConsultation, summaryView } from '../views';
import type { z } from 'zod';

type Create = z.output<typeof CreateInput>;
type Update = z.output<typeof UpdateInput>;

const iso = (t: string) => new Date(t).toISOString();

/** The county of a county office (what a consultation without a township belongs to). */
function countyOf(ctx: Ctx): string | null {
  return ctx.caller?.grants.find((g) => g.role === 'countyOffice')?.scopeId ?? null;
}

/** The scope of a new consultation: the township named, the caller's own township, or the caller's county. */
function scopeOfNew(
  ctx: Ctx,
  townshipId: string | undefined,
): { countyId: string; townshipId: string | null } {
  const own = ctx.caller?.grants.find((g) => g.role === 'townshipOffice')?.scopeId;
  const tid = townshipId ?? (countyOf(ctx) ? undefined : own);
  if (tid) {
    const t = ctx.geo.region(tid);
    if (!t || t.kind !== 'township')
      throw new AppError('INVALID_INPUT', '乡镇不存在', { townshipId: '乡镇不存在' });
    return { countyId: t.countyId, townshipId: t.id };
  }
  const county = countyOf(ctx);
  // No office grant at all: authorize refuses this subject.
  return { countyId: county ?? '', townshipId: null };
}

/** Audience places must lie in the consultation's scope. */
function checkAudience(ctx: Ctx, scope: { countyId: string; townshipId: string | null }, a: Audience) {
  const fields: Record<string, string> = {};
  a.townshipIds.forEach((id, i) => {
    const r = ctx.geo.region(id);
    const ok =
      r &&
      r.kind === 'township' &&
      r.countyId === scope.countyId &&
      (!scope.townshipId || r.id === scope.townshipId);
    if (!ok) fields[`audience.townshipIds.${i}`] = '不在本征询的范围内';
  });
  a.constituencyIds.forEach((id, i) => {
    const r = ctx.geo.region(id);
    const ok =
      r &&
      r.kind === 'constituency' &&
      r.countyId === scope.countyId &&
      (!scope.townshipId || r.townshipId === scope.townshipId);
    if (!ok) fields[`audience.constituencyIds.${i}`] = '不在本征询的范围内';
  });
  if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', '征询对象不在本征询的范围内', fields);
}

function articlesFrom(ctx: Ctx, input: { text?: string; articles?: Omit<Article, 'articleId'>[] }) {
  if (input.articles) {
    return { preamble: '', articles: input.articles.map((a) => ({ articleId: ctx.ports.ids.next(), ...a })) };
  }
  const { preamble, articles } = splitArticles(input.text ?? '');
  if (articles.length === 0)
    throw new AppError('INVALID_INPUT', '没有识别出条文', { text: '没有识别出条文' });
  if (articles.length > 200)
    throw new AppError('INVALID_INPUT', '条文超过 200 条，请分次征询', { text: '条文太多' });
  const fields: Record<string, string> = {};
  articles.forEach((a) => {
    if (a.number > 999 || a.text.length > 5000) fields.text = `第 ${a.number} 条过长或编号过大，请调整`;
  });
  if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', Object.values(fields)[0], fields);
  return { preamble, articles: articles.map((a) => ({ articleId: ctx.ports.ids.next(), ...a })) };
}

const questionsFrom = (ctx: Ctx, qs: Omit<Question, 'questionId'>[]): Question[] =>
  qs.map((q) => ({ questionId: ctx.ports.ids.next(), ...q }));

/** The preamble becomes the background when the office wrote none. */
function withPreamble(background: string, preamble: string) {
  return { background: background || preamble.slice(0, 3000), preamble: background ? preamble : '' };
}

export const draftHandlers: Pick<ConsultHandlers, 'create' | 'update' | 'publish' | 'close' | 'list'> = {
  async create(ctx, input: Create) {
    const scope = scopeOfNew(ctx, input.townshipId);
    const caller = authorize(ctx, scope);
    checkAudience(ctx, scope, input.audience);
    let version = 1;
    if (input.previousId) {
      const prev = await loadConsultation(ctx, input.previousId);
      if (prev.countyId !== scope.countyId || prev.townshipId !== scope.townshipId)
        throw new AppError('INVALID_INPUT', '更正的征询不在同一范围', { previousId: '范围不同' });
      if (prev.status === 'draft' || prev.supersededBy)
        throw new AppError('CONFLICT', '只能更正已发布、尚未被更正的征询');
      version = prev.version + 1;
    }
    const { preamble, articles } = articlesFrom(ctx, input);
    const bg = withPreamble(input.background, preamble);
    const now = ctx.now.toISOString();
    const c: Consultation = {
      id: ctx.ports.ids.next(),
      ...scope,
      title: input.title,
      background: bg.background,
      articles,
      questions: questionsFrom(ctx, input.questions),
      audience: input.audience,
      opensAt: iso(input.opensAt),
      closesAt: iso(input.closesAt),
      status: 'draft',
      listed: false,
      listedAt: now,
      version,
      previousId: input.previousId ?? null,
      supersededBy: null,
      feedback: [],
      publishedAt: null,
      closedAt: null,
      feedbackPublishedAt: null,
      remindersSentAt: null,
      createdBy: caller.user.id,
      createdAt: now,
      updatedAt: now,
    };
    const created = await once(ctx, async (tx) => {
      await tx.insert('consultations', c);
      await audit(tx, ctx, { entityType: 'consultation', entityId: c.id, detail: { version } });
      return { consultationId: c.id, preamble: bg.preamble };
    });
    const stored = await loadConsultation(ctx, created.consultationId);
    return { ...consultationView(ctx, stored), preamble: created.preamble };
  },

  async update(ctx, input: Update) {
    const c = await loadConsultation(ctx, input.consultationId);
    authorize(ctx, consultSubject(c));
    if (c.status !== 'draft') throw new AppError('CONFLICT', '已发布的征询不能修改；如需更正，请发布新版本');
    const scope = { countyId: c.countyId, townshipId: c.townshipId };
    if (input.audience) checkAudience(ctx, scope, input.audience);
    const opensAt = input.opensAt ? iso(input.opensAt) : c.opensAt;
    const closesAt = input.closesAt ? iso(input.closesAt) : c.closesAt;
    if (closesAt <= opensAt)
      throw new AppError('INVALID_INPUT', '截止时间应晚于开始时间', { closesAt: '截止时间应晚于开始时间' });
    let preamble = '';
    const patch: Partial<Consultation> = { opensAt, closesAt, updatedAt: ctx.now.toISOString() };
    if (input.title !== undefined) patch.title = input.title;
    if (input.background !== undefined) patch.background = input.background;
    if (input.text !== undefined || input.articles !== undefined) {
      const split = articlesFrom(ctx, input);
      patch.articles = split.articles;
      preamble = split.preamble;
      const bg = withPreamble(patch.background ?? c.background, preamble);
      patch.background = bg.background;
      preamble = bg.preamble;
    }
    if (input.questions !== undefined) patch.questions = questionsFrom(ctx, input.questions);
    if (input.audience !== undefined) patch.audience = input.audience;
    await ctx.ports.store.transact(async (tx) => {
      const current = await tx.get('consultations', c.id);
      if (current?.status !== 'draft')
        throw new AppError('CONFLICT', '已发布的征询不能修改；如需更正，请发布新版本');
      await tx.update('consultations', c.id, patch);
      await audit(tx, ctx, { entityType: 'consultation', entityId: c.id });
    });
    return { ...consultationView(ctx, await loadConsultation(ctx, c.id)), preamble };
  },

  async publish(ctx, input) {
    const c = await loadConsultation(ctx, input.consultationId);
    authorize(ctx, consultSubject(c));
    if (c.status !== 'draft') throw new AppError('CONFLICT', '该征询已经发布');
    const now = ctx.now.toISOString();
    if (c.closesAt <= now) throw new AppError('CONFLICT', '截止时间已过，请修改截止时间后再发布');
    const prev = c.previousId ? await loadConsultation(ctx, c.previousId) : null;
    await ctx.ports.store.transact(async (tx) => {
      const current = await tx.get('consultations', c.id);
      if (current?.status !== 'draft') throw new AppError('CONFLICT', '该征询已经发布');
      await tx.update('consultations', c.id, {
        status: 'published',
        listed: true,
        listedAt: now,
        publishedAt: now,
      });
      for (const shard of emptyShards(c.id)) await tx.insert('consultTallies', shard);
      if (prev) {
        const p = await tx.get('consultations', prev.id);
        if (!p || p.supersededBy) throw new AppError('CONFLICT', '原征询已被更正过');
        await tx.update('consultations', prev.id, {
          supersededBy: c.id,
          ...(p.status === 'published' ? { status: 'closed' as const, closedAt: now } : {}),
        });
        // Everyone who answered the earlier version is told, by the timer, in batches.
        await tx.insert('consultNotices', {
          id: `${prev.id}:corrected`,
          consultationId: prev.id,
          kind: 'corrected',
          title: '征询稿已更正',
          body: `《${c.title}》发布了第 ${c.version} 版，您可以查看并重新提出意见`,
          link: `/consult/answer/index?consultationId=${c.id}`,
          afterKey: null,
          afterId: null,
          sent: 0,
          done: false,
          createdAt: now,
        });
      }
      await audit(tx, ctx, { entityType: 'consultation', entityId: c.id, detail: { status: 'published' } });
    });
    return consultationView(ctx, await loadConsultation(ctx, c.id));
  },

  async close(ctx, input) {
    const c = await loadConsultation(ctx, input.consultationId);
    authorize(ctx, consultSubject(c));
    if (c.status !== 'published') throw new AppError('CONFLICT', '该征询未发布或已经结束');
    const now = ctx.now.toISOString();
    await ctx.ports.store.transact(async (tx) => {
      const current = await tx.get('consultations', c.id);
      if (current?.status !== 'published') throw new AppError('CONFLICT', '该征询未发布或已经结束');
      // Closed early: the close time becomes now (a later close time has passed already otherwise).
      const closedAt = isClosed(current, ctx.now) ? current.closesAt : now;
      await tx.update('consultations', c.id, { status: 'closed', closedAt, closesAt: closedAt });
      await audit(tx, ctx, { entityType: 'consultation', entityId: c.id, detail: { status: 'closed' } });
    });
    return consultationView(ctx, await loadConsultation(ctx, c.id));
  },

  async list(ctx, input) {
    authorize(ctx);
    const q = consultQueries(ctx.ports);
    const status = input.status;
    const p = await page(
      (o) =>
        status === 'draft'
          ? q.drafts(ctx.caller ? officeScope(ctx.caller) : { townshipId: '\u0000none' }, o)
          : q.listed({ status }, o),
      input.cursor,
      (c) => c.listedAt,
    );
    return { items: p.rows.map((c) => summaryView(ctx, c)), nextCursor: p.nextCursor };
  },
};
