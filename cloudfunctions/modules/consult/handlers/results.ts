/** consult: what came in — results from the maintained counters, the comments, and the XLSX export. */
import writeExcelFile from 'write-excel-file/node';
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { audit } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeOver } from '../../../core/policy';
import { fullDateTime } from '../../../core/time';
import { articleLabel, OUTCOME_LABEL, QUESTION_KIND_LABEL, SCALE_MAX, SCALE_MIN } from '../constants';
import type { CommentView, ConsultHandlers, ResultsOutput } from '../contract';
import { isHidden, isWaiting, type ConsultComment, type Consultation } from '../records';
import { consultQueries } from '../storage';
import { addToTally, sumShards } from '../tally';
import { consultSubject, loadConsultation } from '../views';

/** Comments one export holds (100 a query, inside the 3 s a function may run). */
export const EXPORT_MAX = 3000;

export async function resultsOf(ctx: Ctx, c: Consultation): Promise<ResultsOutput> {
  const t = sumShards(await consultQueries(ctx.ports).talliesOf(c.id));
  const n = (k: string) => t[k] ?? 0;
  const regions = (prefix: string, kind: 'township' | 'constituency') =>
    Object.entries(t)
      .filter(([k, v]) => k.startsWith(prefix) && v > 0)
      .map(([k, count]) => {
        const regionId = k.slice(prefix.length);
        return { regionId, name: ctx.geo.region(regionId)?.name ?? regionId, count };
      })
      .filter((r) => kind === 'township' || ctx.geo.region(r.regionId)?.kind === 'constituency')
      .sort((a, b) => b.count - a.count || a.regionId.localeCompare(b.regionId));
  return {
    consultationId: c.id,
    responses: n('n'),
    byRole: { voter: n('role:voter'), deputy: n('role:deputy') },
    byTownship: regions('tw:', 'township'),
    byConstituency: regions('cs:', 'constituency'),
    unplaced: n('unplaced'),
    questions: c.questions.map((q) => {
      const answered = n(`q:${q.questionId}`);
      const share = (count: number) => (answered ? Math.round((count / answered) * 1000) / 1000 : 0);
      const labels =
        q.kind === 'scale'
          ? Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i))
          : q.kind === 'text'
            ? []
            : q.options;
      const options = labels.map((label, i) => {
        const count = n(`o:${q.questionId}:${q.kind === 'scale' ? label : i}`);
        return { label: q.kind === 'scale' ? `${label} 分` : label, count, share: share(count) };
      });
      const average =
        q.kind === 'scale' && answered ? Math.round((n(`sum:${q.questionId}`) / answered) * 100) / 100 : null;
      return { questionId: q.questionId, kind: q.kind, title: q.title, answered, options, average };
    }),
    articles: c.articles.map((a) => ({
      articleId: a.articleId,
      number: a.number,
      title: a.title,
      comments: n(`a:${a.articleId}`),
    })),
    held: n('held'),
  };
}

const commentView = (ctx: Ctx, d: ConsultComment, staff: boolean): CommentView => ({
  commentId: d.id,
  articleId: d.articleId,
  questionId: d.questionId,
  text: d.text,
  status: d.status,
  hidden: isHidden(d),
  author: staff ? d.name : d.publicName,
  role: d.role,
  anonymous: d.anonymous,
  townshipName: ctx.geo.region(d.townshipId)?.name ?? '',
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

export const resultHandlers: Pick<ConsultHandlers, 'results' | 'comments' | 'review' | 'export'> = {
  async results(ctx, input) {
    const c = await loadConsultation(ctx, input.consultationId);
    authorize(ctx, consultSubject(c));
    if (c.status === 'draft') throw new AppError('CONFLICT', '征询尚未发布，还没有结果');
    return resultsOf(ctx, c);
  },

  async comments(ctx, input) {
    const c = await loadConsultation(ctx, input.consultationId);
    authorize(ctx, consultSubject(c));
    if (input.articleId && !c.articles.some((a) => a.articleId === input.articleId))
      throw new AppError('NOT_FOUND', '条文不存在');
    if (input.questionId && !c.questions.some((q) => q.questionId === input.questionId))
      throw new AppError('NOT_FOUND', '问题不存在');
    // The public sees what passed the content check, under the names respondents chose to show.
    const staff = officeOver(ctx.caller, consultSubject(c));
    const p = await page(
      (o) =>
        consultQueries(ctx.ports).commentsOf(
          c.id,
          {
            articleId: input.articleId,
            questionId: input.questionId,
            visibleOnly: !staff,
            waiting: staff && input.waiting,
          },
          o,
        ),
      input.cursor,
      (d) => d.createdAt,
    );
    return { items: p.rows.map((d) => commentView(ctx, d, staff)), nextCursor: p.nextCursor };
  },

  /** Office staff release a held comment to everyone, or keep it from the public (it stays with its author). */
  async review(ctx, input) {
    const found = await ctx.ports.store.get('consultComments', input.commentId);
    if (!found) throw new AppError('NOT_FOUND', '意见不存在');
    const c = await loadConsultation(ctx, found.consultationId);
    authorize(ctx, consultSubject(c));
    const saved = await ctx.ports.store.transact(async (tx) => {
      const d = await tx.get('consultComments', found.id);
      if (!d) throw new AppError('NOT_FOUND', '意见已被作者修改或删除');
      if (!isWaiting(d)) throw new AppError('CONFLICT', '这条意见不在待审核之列（已审核，或作者已修改）');
      const patch = {
        status: input.decision === 'release' ? ('visible' as const) : ('held' as const),
        reviewedAt: ctx.now.toISOString(),
      };
      await tx.update('consultComments', d.id, patch);
      await addToTally(tx, c.id, { held: -1 });
      await audit(tx, ctx, {
        entityType: 'consultComment',
        entityId: d.id,
        detail: { decision: input.decision },
      });
      return { ...d, ...patch };
    });
    return commentView(ctx, saved, true);
  },

  async export(ctx, input) {
    const c = await loadConsultation(ctx, input.consultationId);
    authorize(ctx, consultSubject(c));
    if (c.status === 'draft') throw new AppError('CONFLICT', '征询尚未发布，没有可导出的内容');
    const r = await resultsOf(ctx, c);
    const comments: ConsultComment[] = [];
    let after: { key: string; id: string } | undefined;
    let truncated = false;
    for (;;) {
      const rows = await consultQueries(ctx.ports).commentsOf(c.id, {}, { after, limit: 100 });
      comments.push(...rows);
      if (rows.length < 100) break;
      if (comments.length >= EXPORT_MAX) {
        truncated = true;
        break;
      }
      const last = rows[rows.length - 1];
      after = { key: last.createdAt, id: last.id };
    }
    const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
    const articleOf = new Map(c.articles.map((a) => [a.articleId, a]));
    const questionOf = new Map(c.questions.map((q) => [q.questionId, q]));
    const feedbackOf = new Map(c.feedback.map((f) => [f.articleId, f]));
    const summary = [
      [bold(c.title), null, null],
      ['参与人数', r.responses, null],
      ['其中选民', r.byRole.voter, null],
      ['其中代表', r.byRole.deputy, null],
      ['待审核意见', r.held, null],
      [null, null, null],
      [bold('按乡镇'), bold('人数'), null],
      ...r.byTownship.map((x) => [x.name, x.count, null]),
      ...(r.unplaced ? [['未实名', r.unplaced, null]] : []),
      [null, null, null],
      [bold('按选区'), bold('人数'), null],
      ...r.byConstituency.map((x) => [x.name, x.count, null]),
      ...r.questions.flatMap((q) => [
        [null, null, null],
        [bold(`${q.title}（${QUESTION_KIND_LABEL[q.kind]}）`), bold('人数'), bold('占比')],
        ...q.options.map((o) => [o.label, o.count, { value: o.share, format: '0.0%' }]),
        ...(q.average !== null ? [['平均分', q.average, null]] : []),
        ['回答人数', q.answered, null],
      ]),
      [null, null, null],
      [bold('条文'), bold('意见数'), bold('采纳情况')],
      ...r.articles.map((a) => [
        `${articleLabel(a.number)}${a.title ? ` ${a.title}` : ''}`,
        a.comments,
        feedbackOf.get(a.articleId) ? OUTCOME_LABEL[feedbackOf.get(a.articleId)!.outcome] : '',
      ]),
    ];
    const header = ['条文 / 问题', '意见', '姓名', '身份', '匿名展示', '乡镇', '选区', '状态', '提交时间'];
    const sheet2 = [
      header.map(bold),
      ...comments.map((d) => {
        const a = d.articleId ? articleOf.get(d.articleId) : undefined;
        const q = d.questionId ? questionOf.get(d.questionId) : undefined;
        return [
          a ? articleLabel(a.number) : (q?.title ?? ''),
          d.text,
          d.name,
          d.role === 'deputy' ? '代表' : '选民',
          d.anonymous ? '是' : '否',
          ctx.geo.region(d.townshipId)?.name ?? '',
          ctx.geo.region(d.constituencyId)?.name ?? '',
          d.status === 'held' ? '待审核' : '',
          fullDateTime(d.updatedAt),
        ];
      }),
    ];
    const bytes = await writeExcelFile([
      { data: summary, sheet: '汇总', columns: [{ width: 40 }, { width: 10 }, { width: 12 }] },
      {
        data: sheet2,
        sheet: '意见',
        columns: [
          { width: 14 },
          { width: 60 },
          { width: 10 },
          { width: 6 },
          { width: 8 },
          { width: 10 },
          { width: 14 },
          { width: 8 },
          { width: 18 },
        ],
        stickyRowsCount: 1,
      },
    ]).toBuffer();
    // An unguessable name: the file holds personal data for office staff only.
    const fileName = `意见征询-${c.title.slice(0, 20)}.xlsx`;
    const path = `exports/consult/${c.id}/${ctx.ports.ids.next()}${ctx.ports.ids.code(12)}.xlsx`;
    const fileId = await ctx.ports.files.put(
      path,
      bytes,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await ctx.ports.store.transact((tx) =>
      audit(tx, ctx, { entityType: 'consultation', entityId: c.id, detail: { export: comments.length } }),
    );
    return { url: await ctx.ports.files.url(fileId), fileName, comments: comments.length, truncated };
  },
};
