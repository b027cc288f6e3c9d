/** consult: reading a consultation with one's own response, and answering it (one response each, editable until close). */
import { appendActivity, audit, once, priorResult } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import { maskName } from '../../../core/privacy';
import { dateTime } from '../../../core/time';
import { registeredName } from '../../account/public';
import type { ConsultHandlers, MyResponse } from '../contract';
import { inAudience } from '../policy';
import {
  isHidden,
  isWaiting,
  type AnswerRecord,
  type ConsultComment,
  type Consultation,
  type ConsultResponse,
} from '../records';
import { consultQueries } from '../storage';
import { addToTally, contribution, difference, sumShards } from '../tally';
import { audienceSubject, consultationView, consultSubject, loadConsultation, phaseOf } from '../views';

export const responseId = (consultationId: string, userId: string) => `${consultationId}:${userId}`;
const commentId = (rid: string, target: { articleId?: string | null; questionId?: string | null }) =>
  target.articleId ? `${rid}:a:${target.articleId}` : `${rid}:q:${target.questionId}`;

/** The comment documents a response has: one per article commented on, one per text answer. */
const commentIdsOf = (r: Pick<ConsultResponse, 'id' | 'articleIds' | 'answers'>) => [
  ...r.articleIds.map((articleId) => commentId(r.id, { articleId })),
  ...r.answers.filter((a) => a.text !== undefined).map((a) => commentId(r.id, { questionId: a.questionId })),
];

/** Why the caller may not answer now (null when they may). */
function whyNot(ctx: Parameters<ConsultHandlers['get']>[0], c: Consultation): string | null {
  if (!ctx.caller) return '请先登录';
  const phase = phaseOf(c, ctx.now);
  if (phase === 'draft') return '征询尚未发布';
  if (phase === 'upcoming') return `征询将于 ${dateTime(c.opensAt, ctx.now)} 开始`;
  if (phase !== 'open') return c.supersededBy ? '征询稿已更正，请查看新版本' : '征询已结束';
  if (!inAudience(ctx.caller, audienceSubject(ctx, c)))
    return inAudience.refusal ?? '您不在本次征询的对象范围内';
  return null;
}

/** Checks the answers against the questions; the text answers and comments to content-check. */
function checkAnswers(c: Consultation, answers: AnswerRecord[], comments: { articleId: string }[]) {
  const fields: Record<string, string> = {};
  const byId = new Map(c.questions.map((q) => [q.questionId, q]));
  const kept: AnswerRecord[] = [];
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    const at = `answers.${i}`;
    if (!q) {
      fields[`${at}.questionId`] = '不是本次征询的问题';
      return;
    }
    const given = (['choice', 'choices', 'scale', 'text'] as const).filter((k) => a[k] !== undefined);
    const expect = { single: 'choice', multiple: 'choices', scale: 'scale', text: 'text' }[q.kind];
    if (given.some((k) => k !== expect)) {
      fields[at] = `“${q.title}”的回答方式不对`;
      return;
    }
    if (q.kind === 'single' && a.choice !== undefined && a.choice >= q.options.length)
      fields[`${at}.choice`] = '没有这个选项';
    if (q.kind === 'multiple' && a.choices?.some((x) => x >= q.options.length))
      fields[`${at}.choices`] = '没有这个选项';
    const empty =
      given.length === 0 ||
      (q.kind === 'multiple' && a.choices!.length === 0) ||
      (q.kind === 'text' && !a.text);
    if (empty) return; // an unanswered question (checked below if required)
    kept.push({ questionId: q.questionId, [expect]: a[expect as keyof AnswerRecord] } as AnswerRecord);
  });
  const articles = new Set(c.articles.map((a) => a.articleId));
  comments.forEach((x, i) => {
    if (!articles.has(x.articleId)) fields[`comments.${i}.articleId`] = '不是本次征询的条文';
  });
  const answered = new Set(kept.map((a) => a.questionId));
  const missing = c.questions.filter((q) => q.required && !answered.has(q.questionId));
  if (missing.length && !Object.keys(fields).length)
    fields.answers = `请回答：${missing.map((q) => q.title).join('；')}`;
  if (!Object.keys(fields).length && kept.length === 0 && comments.length === 0)
    fields.answers = '请至少回答一个问题或对一条提出意见';
  if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', Object.values(fields)[0], fields);
  return kept;
}

export const responseHandlers: Pick<ConsultHandlers, 'get' | 'respond'> = {
  async get(ctx, input) {
    const c = await loadConsultation(ctx, input.consultationId);
    authorize(ctx, consultSubject(c));
    const { store } = ctx.ports;
    const [tallies, response] = await Promise.all([
      c.status === 'draft' ? [] : consultQueries(ctx.ports).talliesOf(c.id),
      ctx.caller ? store.get('consultResponses', responseId(c.id, ctx.caller.user.id)) : null,
    ]);
    let mine: MyResponse | null = null;
    if (response) {
      const docs = await Promise.all(commentIdsOf(response).map((id) => store.get('consultComments', id)));
      const byId = new Map(docs.filter((d): d is ConsultComment => !!d).map((d) => [d.id, d]));
      const feedback = c.feedbackPublishedAt ? new Map(c.feedback.map((f) => [f.articleId, f])) : null;
      mine = {
        responseId: response.id,
        anonymous: response.anonymous,
        answers: response.answers.map((a) =>
          a.text !== undefined
            ? {
                ...a,
                held: byId.get(commentId(response.id, { questionId: a.questionId }))?.status === 'held',
              }
            : a,
        ),
        comments: response.articleIds.map((articleId) => {
          const doc = byId.get(commentId(response.id, { articleId }));
          return {
            articleId,
            text: doc?.text ?? '',
            status: doc?.status ?? 'visible',
            hidden: !!doc && isHidden(doc),
            feedback: feedback?.get(articleId) ?? null,
          };
        }),
        createdAt: response.createdAt,
        updatedAt: response.updatedAt,
      };
    }
    const why = whyNot(ctx, c);
    return {
      ...consultationView(ctx, c),
      responseCount: sumShards(tallies).n ?? 0,
      mine,
      canRespond: why === null,
      whyNot: why,
    };
  },

  async respond(ctx, input) {
    const c = await loadConsultation(ctx, input.consultationId);
    if (c.status === 'draft') throw new AppError('NOT_FOUND', '征询不存在');
    const caller = authorize(ctx, audienceSubject(ctx, c));
    const phase = phaseOf(c, ctx.now);
    if (phase === 'upcoming') throw new AppError('CLOSED', `征询将于 ${dateTime(c.opensAt, ctx.now)} 开始`);
    if (phase !== 'open') throw new AppError('CLOSED', '征询已结束，不能再提交或修改意见');
    const prior = await priorResult<{ responseId: string; edited: boolean }>(ctx);
    if (prior) return prior;
    const answers = checkAnswers(c, input.answers, input.comments);

    // Content check before anything is stored: risky is refused, review is held for staff.
    const texts = [
      ...input.comments.map((x, i) => ({ key: `comments.${i}.text`, text: x.text })),
      ...input.answers.flatMap((a, i) => (a.text ? [{ key: `answers.${i}.text`, text: a.text }] : [])),
    ];
    const verdicts = await Promise.all(
      texts.map((t) => ctx.ports.content.text({ text: t.text, openid: caller.user.openid, scene: 2 })),
    );
    const risky = texts.filter((_, i) => verdicts[i] === 'risky');
    if (risky.length) {
      throw new AppError(
        'CONTENT_REJECTED',
        '意见中有内容未通过安全检查，请修改后再提交',
        Object.fromEntries(risky.map((t) => [t.key, '内容未通过安全检查，请修改'])),
      );
    }
    const heldKeys = new Set(texts.filter((_, i) => verdicts[i] === 'review').map((t) => t.key));

    const place = audienceSubject(ctx, c).respondent;
    const deputy = caller.deputy;
    const role = deputy ? ('deputy' as const) : ('voter' as const);
    const registered = deputy ? null : await registeredName(ctx, caller.user);
    const name = deputy?.name ?? registered ?? caller.user.displayName;
    const publicName = input.anonymous
      ? deputy
        ? '匿名（代表）'
        : '匿名'
      : deputy
        ? `${deputy.name}代表`
        : maskName(registered ?? caller.user.displayName);
    const rid = responseId(c.id, caller.user.id);

    return once(ctx, async (tx) => {
      const current = await tx.get('consultations', c.id);
      if (!current || phaseOf(current, ctx.now) !== 'open')
        throw new AppError('CLOSED', '征询已结束，不能再提交或修改意见');
      const old = await tx.get('consultResponses', rid);
      const now = ctx.now.toISOString();
      const oldDocs = old
        ? (await Promise.all(commentIdsOf(old).map((id) => tx.get('consultComments', id)))).filter(
            (d): d is ConsultComment => !!d,
          )
        : [];
      const oldById = new Map(oldDocs.map((d) => [d.id, d]));

      const base = {
        consultationId: c.id,
        responseId: rid,
        userId: caller.user.id,
        role,
        name,
        publicName,
        anonymous: input.anonymous,
        townshipId: place.townshipId ?? null,
        constituencyId: place.constituencyId,
        // New text is checked afresh: any earlier review was of the old text.
        reviewedAt: null,
        updatedAt: now,
      };
      const next: ConsultComment[] = [
        ...input.comments.map((x, i) => ({
          ...base,
          id: commentId(rid, { articleId: x.articleId }),
          articleId: x.articleId,
          questionId: null,
          text: x.text,
          status: heldKeys.has(`comments.${i}.text`) ? ('held' as const) : ('visible' as const),
          createdAt: now,
        })),
        ...input.answers.flatMap((a, i) =>
          a.text && answers.some((k) => k.questionId === a.questionId)
            ? [
                {
                  ...base,
                  id: commentId(rid, { questionId: a.questionId }),
                  articleId: null,
                  questionId: a.questionId,
                  text: a.text,
                  status: heldKeys.has(`answers.${i}.text`) ? ('held' as const) : ('visible' as const),
                  createdAt: now,
                },
              ]
            : [],
        ),
      ];
      const keep = new Set(next.map((d) => d.id));
      for (const d of oldDocs) if (!keep.has(d.id)) await tx.remove('consultComments', d.id);
      for (const d of next) {
        const was = oldById.get(d.id);
        if (was) await tx.update('consultComments', d.id, { ...d, createdAt: was.createdAt });
        else await tx.insert('consultComments', d);
      }

      const record: ConsultResponse = {
        id: rid,
        consultationId: c.id,
        userId: caller.user.id,
        role,
        deputyId: deputy?.id ?? null,
        townshipId: place.townshipId ?? null,
        constituencyId: place.constituencyId,
        name,
        publicName,
        anonymous: input.anonymous,
        answers,
        articleIds: input.comments.map((x) => x.articleId),
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
        edits: old ? old.edits + 1 : 0,
      };
      if (old) await tx.update('consultResponses', rid, record);
      else await tx.insert('consultResponses', record);

      const counted = (r: ConsultResponse, held: number) =>
        contribution({
          role: r.role,
          townshipId: r.townshipId,
          constituencyId: r.constituencyId,
          answers: r.answers,
          articleIds: r.articleIds,
          held,
        });
      await addToTally(
        tx,
        c.id,
        difference(
          counted(record, next.filter(isWaiting).length),
          old ? counted(old, oldDocs.filter(isWaiting).length) : null,
        ),
      );
      if (!old && deputy) {
        await appendActivity(tx, ctx, {
          deputyId: deputy.id,
          type: 'consult.respond',
          refType: 'consultation',
          refId: c.id,
          summary: `参加意见征询：${c.title}`,
        });
      }
      await audit(tx, ctx, { entityType: 'consultResponse', entityId: rid, detail: { edited: !!old } });
      return { responseId: rid, edited: !!old };
    });
  },
};
