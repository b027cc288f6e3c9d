/** consult: adoption feedback (采纳情况) per article after close, and publishing it to every respondent. */
import { audit } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import type { ConsultHandlers } from '../contract';
import type { FeedbackItem } from '../records';
import { consultationView, consultSubject, isClosed, loadConsultation } from '../views';

export const feedbackHandlers: Pick<ConsultHandlers, 'feedback' | 'publishFeedback'> = {
  async feedback(ctx, input) {
    const c = await loadConsultation(ctx, input.consultationId);
    authorize(ctx, consultSubject(c));
    if (c.status === 'feedbackPublished') throw new AppError('CONFLICT', '采纳情况已经公布，不能再修改');
    if (!isClosed(c, ctx.now)) throw new AppError('CONFLICT', '征询结束后才能填写采纳情况');
    const articles = new Set(c.articles.map((a) => a.articleId));
    const fields: Record<string, string> = {};
    input.items.forEach((x, i) => {
      if (!articles.has(x.articleId)) fields[`items.${i}.articleId`] = '不是本次征询的条文';
    });
    if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', '有的条文不属于本次征询', fields);
    await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('consultations', c.id))!;
      if (current.status === 'feedbackPublished')
        throw new AppError('CONFLICT', '采纳情况已经公布，不能再修改');
      const merged = new Map<string, FeedbackItem>(current.feedback.map((f) => [f.articleId, f]));
      for (const x of input.items) merged.set(x.articleId, x);
      // In article order.
      const feedback = current.articles.flatMap((a) =>
        merged.has(a.articleId) ? [merged.get(a.articleId)!] : [],
      );
      await tx.update('consultations', c.id, { feedback, updatedAt: ctx.now.toISOString() });
      await audit(tx, ctx, {
        entityType: 'consultation',
        entityId: c.id,
        detail: { feedback: input.items.length },
      });
    });
    return consultationView(ctx, await loadConsultation(ctx, c.id));
  },

  async publishFeedback(ctx, input) {
    const c = await loadConsultation(ctx, input.consultationId);
    authorize(ctx, consultSubject(c));
    if (c.status === 'feedbackPublished') throw new AppError('CONFLICT', '采纳情况已经公布');
    if (!isClosed(c, ctx.now)) throw new AppError('CONFLICT', '征询结束后才能公布采纳情况');
    const now = ctx.now.toISOString();
    await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('consultations', c.id))!;
      if (current.status === 'feedbackPublished') throw new AppError('CONFLICT', '采纳情况已经公布');
      const done = new Set(current.feedback.map((f) => f.articleId));
      const missing = current.articles.filter((a) => !done.has(a.articleId));
      if (missing.length)
        throw new AppError('CONFLICT', `还有 ${missing.length} 条没有填写采纳情况，请填写后再公布`);
      await tx.update('consultations', c.id, {
        status: 'feedbackPublished',
        feedbackPublishedAt: now,
        closedAt: current.closedAt ?? current.closesAt,
        updatedAt: now,
      });
      // Every respondent is told by the timer, in bounded batches (jobs.ts), not in this request.
      await tx.insert('consultNotices', {
        id: `${c.id}:feedback`,
        consultationId: c.id,
        kind: 'feedback',
        title: '您参与的意见征询公布了采纳情况',
        body: `《${c.title}》：看看您的意见是否被采纳`,
        link: `/consult/answer/index?consultationId=${c.id}`,
        afterKey: null,
        afterId: null,
        sent: 0,
        done: false,
        createdAt: now,
      });
      await audit(tx, ctx, {
        entityType: 'consultation',
        entityId: c.id,
        detail: { status: 'feedbackPublished' },
      });
    });
    return consultationView(ctx, await loadConsultation(ctx, c.id));
  },
};
