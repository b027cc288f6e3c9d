/**
 * Consultations through the handlers on both engines: the draft split into articles, publishing and its
 * frozen content, answering (audience, times, checks, held text, edits), the counters behind results,
 * comments, export, adoption feedback told to respondents by the timer, corrections, reminders — and a
 * burst of responses whose counts stay exact.
 */
import readXlsxFile from 'read-excel-file/node';
import { runJobs } from '../../cloudfunctions/core/jobs';
import { JOB_STEPS } from '../../cloudfunctions/modules/registry';
import { sumShards } from '../../cloudfunctions/modules/consult/tally';
import { consultQueries } from '../../cloudfunctions/modules/consult/storage';
import type { ConsultResponse } from '../../cloudfunctions/modules/consult/records';
import { ENGINES, worlds, type EngineName, type World } from './harness';

const DAY = 86400_000;
jest.setTimeout(120_000);

const DRAFT = [
  '青石镇集镇停车管理办法（征求意见稿）',
  '第一章 总则',
  '第一条 为了规范集镇停车秩序，制定本办法。',
  '第二条【适用范围】本办法适用于集镇主街及两侧道路。',
  '第二章 停车',
  '第十二条 主街实行限时停车，每次不超过两小时。',
  '逢集日主街禁止停车。',
].join('\n');

let w: World;
const at = (days: number) => new Date(w.clock.now().getTime() + days * DAY).toISOString();

async function newConsultation(over: Record<string, unknown> = {}, requestId?: string) {
  return w.call(
    'township',
    'consult',
    'create',
    {
      title: '青石镇集镇停车管理办法',
      text: DRAFT,
      questions: [
        {
          kind: 'single',
          title: '您是否支持限时停车？',
          options: ['支持', '不支持', '说不清'],
          required: true,
        },
        { kind: 'multiple', title: '您常在什么时候去集镇？', options: ['上午', '下午', '晚上'] },
        { kind: 'scale', title: '您对目前停车秩序打几分？' },
        { kind: 'text', title: '其他建议' },
      ],
      audience: { kind: 'verified' },
      opensAt: at(0),
      closesAt: at(10),
      townshipId: 'tw-qs',
      ...over,
    },
    requestId,
  );
}

async function publishedConsultation(over: Record<string, unknown> = {}) {
  const c = await newConsultation(over);
  await w.call('township', 'consult', 'publish', { consultationId: c.consultationId });
  return c;
}

const results = (id: string) => w.call('township', 'consult', 'results', { consultationId: id });

describe.each(ENGINES)('on %s', (engine: EngineName) => {
  const fresh = worlds({
    engine,
    verdict: (t) => (t.includes('上访') ? 'review' : t.includes('赌博网站') ? 'risky' : 'pass'),
  });
  beforeEach(async () => {
    w = await fresh();
  });

  it('splits the pasted draft at 第X条 and 第X章; a retried create returns the first; the draft can be adjusted', async () => {
    const c = await newConsultation({}, 'consult-create-1');
    expect(c.status).toBe('draft');
    expect(c.articles.map((a) => [a.number, a.chapter, a.title])).toEqual([
      [1, '第一章 总则', null],
      [2, '第一章 总则', '适用范围'],
      [12, '第二章 停车', null],
    ]);
    expect(c.articles[2].text).toBe('主街实行限时停车，每次不超过两小时。\n逢集日主街禁止停车。');
    expect(c.background).toBe('青石镇集镇停车管理办法（征求意见稿）');
    expect(c.questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'scale', 'text']);
    const again = await newConsultation({}, 'consult-create-1');
    expect(again.consultationId).toBe(c.consultationId);

    const adjusted = await w.call('township', 'consult', 'update', {
      consultationId: c.consultationId,
      articles: [
        { number: 1, chapter: '第一章 总则', text: '为了规范集镇停车秩序，制定本办法。' },
        { number: 2, chapter: '第二章 停车', text: '主街实行限时停车。' },
      ],
    });
    expect(adjusted.articles.map((a) => a.number)).toEqual([1, 2]);
    // Drafts are seen by office staff over them, not by the public.
    expect(await w.raw('voter', 'consult', 'get', { consultationId: c.consultationId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await w.call('township', 'consult', 'list', { status: 'draft' })).items).toHaveLength(1);
    expect((await w.call('voter', 'consult', 'list', { status: 'draft' })).items).toHaveLength(0);
  });

  it('publishes; published content is frozen; answers are checked against the questions', async () => {
    const c = await publishedConsultation();
    const id = c.consultationId;
    const before = w.fingerprint();
    expect(
      await w.raw('township', 'consult', 'update', { consultationId: id, title: '改个标题' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await w.raw('township', 'consult', 'publish', { consultationId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const [single, , scale] = c.questions;
    const bad = [
      { answers: [{ questionId: single.questionId, choice: 3 }] },
      { answers: [{ questionId: scale.questionId, scale: 4 }] },
      {
        answers: [{ questionId: single.questionId, choice: 0 }],
        comments: [{ articleId: 'cs-demo-a1', text: '别处的条文' }],
      },
    ];
    for (const b of bad) {
      expect(await w.raw('voter', 'consult', 'respond', { consultationId: id, ...b })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(w.fingerprint()).toBe(before);
  });

  it('answers only in the audience and between open and close', async () => {
    const later = await publishedConsultation({ opensAt: at(2), closesAt: at(5) });
    const id = later.consultationId;
    const answer = {
      consultationId: id,
      answers: [{ questionId: later.questions[0].questionId, choice: 0 }],
    };
    expect(await w.raw('voter', 'consult', 'respond', answer)).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
    w.clock.advance(2 * DAY);
    // Not verified, or another township's deputy: not in the audience.
    expect(await w.raw('newcomer', 'consult', 'respond', answer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await w.call('newcomer', 'consult', 'get', { consultationId: id })).canRespond).toBe(false);
    expect((await w.call('voter', 'consult', 'respond', answer)).edited).toBe(false);
    w.clock.advance(3 * DAY);
    const before = w.fingerprint();
    expect(await w.raw('voter', 'consult', 'respond', answer)).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
    expect(w.fingerprint()).toBe(before);
    // The timer marks it closed.
    await runJobs(w.ports, JOB_STEPS);
    expect((await w.call('voter', 'consult', 'get', { consultationId: id })).status).toBe('closed');
  });

  it('counts every answer in the maintained tallies; an edit replaces the old answer; deputies land in their duty record once', async () => {
    const c = await publishedConsultation();
    const id = c.consultationId;
    const [single, multiple, scale, text] = c.questions;
    const [a1, a2] = c.articles;
    await w.call(
      'voter',
      'consult',
      'respond',
      {
        consultationId: id,
        answers: [
          { questionId: single.questionId, choice: 0 },
          { questionId: multiple.questionId, choices: [0, 2] },
          { questionId: scale.questionId, scale: 2 },
          { questionId: text.questionId, text: '建议增加停车位' },
        ],
        comments: [{ articleId: a1.articleId, text: '建议写明适用的道路名称' }],
      },
      'respond-voter-1',
    );
    // A retry of the same request changes nothing.
    const once = w.fingerprint();
    await w.call(
      'voter',
      'consult',
      'respond',
      { consultationId: id, answers: [{ questionId: single.questionId, choice: 1 }] },
      'respond-voter-1',
    );
    expect(w.fingerprint()).toBe(once);

    await w.call('deputy', 'consult', 'respond', {
      consultationId: id,
      answers: [
        { questionId: single.questionId, choice: 1 },
        { questionId: scale.questionId, scale: 5 },
      ],
      comments: [{ articleId: a2.articleId, text: '两小时偏短，建议三小时' }],
      anonymous: true,
    });
    let r = await results(id);
    expect(r.responses).toBe(2);
    expect(r.byRole).toEqual({ voter: 1, deputy: 1 });
    expect(r.byTownship).toEqual([{ regionId: 'tw-qs', name: '青石镇', count: 2 }]);
    expect(r.questions[0].options.map((o) => o.count)).toEqual([1, 1, 0]);
    expect(r.questions[0].options[0].share).toBe(0.5);
    expect(r.questions[1].options.map((o) => o.count)).toEqual([1, 0, 1]);
    expect(r.questions[2].average).toBe(3.5);
    expect(r.articles.map((a) => a.comments)).toEqual([1, 1, 0]);

    // The voter edits: the old answer is subtracted, the new one added; the article comment is dropped.
    const edited = await w.call('voter', 'consult', 'respond', {
      consultationId: id,
      answers: [
        { questionId: single.questionId, choice: 2 },
        { questionId: scale.questionId, scale: 4 },
      ],
      comments: [{ articleId: a2.articleId, text: '主街两侧应划线' }],
    });
    expect(edited.edited).toBe(true);
    r = await results(id);
    expect(r.responses).toBe(2);
    expect(r.questions[0].options.map((o) => o.count)).toEqual([0, 1, 1]);
    expect(r.questions[1].answered).toBe(0);
    expect(r.questions[2].average).toBe(4.5);
    expect(r.questions[3].answered).toBe(0);
    expect(r.articles.map((a) => a.comments)).toEqual([0, 2, 0]);

    const mine = await w.call('voter', 'consult', 'get', { consultationId: id });
    expect(mine.responseCount).toBe(2);
    expect(mine.mine?.comments).toEqual([
      { articleId: a2.articleId, text: '主街两侧应划线', status: 'visible', hidden: false, feedback: null },
    ]);
    expect(mine.mine?.answers).toEqual([
      { questionId: single.questionId, choice: 2 },
      { questionId: scale.questionId, scale: 4 },
    ]);

    // The deputy is marked (anonymous in public), and the duty record has one entry however often they edit.
    await w.call('deputy', 'consult', 'respond', {
      consultationId: id,
      answers: [{ questionId: single.questionId, choice: 0 }],
    });
    const record = await w.call('deputy', 'account', 'dutyRecord', {});
    expect(record.items.filter((x) => x.type === 'consult.respond')).toHaveLength(1);
    const pub = await w.call(null, 'consult', 'comments', { consultationId: id });
    expect(pub.items.map((x) => [x.author, x.role])).toEqual([['王*明', 'voter']]);
  });

  it('content check: risky text is refused and writes nothing; held text reaches only its author and staff', async () => {
    const c = await publishedConsultation();
    const id = c.consultationId;
    const [single] = c.questions;
    const [a1, a2] = c.articles;
    const before = w.fingerprint();
    const risky = await w.raw('voter', 'consult', 'respond', {
      consultationId: id,
      answers: [{ questionId: single.questionId, choice: 0 }],
      comments: [{ articleId: a1.articleId, text: '推荐一个赌博网站' }],
    });
    expect(risky).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', fields: { 'comments.0.text': expect.any(String) } },
    });
    expect(w.fingerprint()).toBe(before);

    await w.call('voter', 'consult', 'respond', {
      consultationId: id,
      answers: [{ questionId: single.questionId, choice: 0 }],
      comments: [
        { articleId: a1.articleId, text: '停车难，不行就去上访' },
        { articleId: a2.articleId, text: '主街应该留出消防通道' },
      ],
    });
    const mine = await w.call('voter', 'consult', 'get', { consultationId: id });
    expect(mine.mine?.comments.map((x) => x.status)).toEqual(['held', 'visible']);
    const pub = await w.call('deputy', 'consult', 'comments', { consultationId: id });
    expect(pub.items.map((x) => x.text)).toEqual(['主街应该留出消防通道']);
    const staff = await w.call('township', 'consult', 'comments', {
      consultationId: id,
      articleId: a1.articleId,
    });
    expect(staff.items.map((x) => [x.text, x.status, x.author])).toEqual([
      ['停车难，不行就去上访', 'held', '王小明'],
    ]);
    expect((await results(id)).held).toBe(1);
  });

  it('office staff review held text: released reaches everyone, hidden stays with its author; each once', async () => {
    const c = await publishedConsultation();
    const id = c.consultationId;
    const [a1, a2] = c.articles;
    const answers = [{ questionId: c.questions[0].questionId, choice: 0 }];
    const respond = (who: 'voter' | 'deputy', text: string, articleId = a1.articleId) =>
      w.call(who, 'consult', 'respond', { consultationId: id, answers, comments: [{ articleId, text }] });
    await respond('voter', '停车难，不行就去上访');
    await respond('deputy', '群众说要集体上访', a2.articleId);
    const waiting = async () =>
      (await w.call('township', 'consult', 'comments', { consultationId: id, waiting: true })).items;
    const [voters, deputys] = await waiting();
    expect([voters.text, deputys.text]).toEqual(['停车难，不行就去上访', '群众说要集体上访']);
    expect((await results(id)).held).toBe(2);

    // Outside the office: refused, nothing written.
    const before = w.fingerprint();
    expect(
      await w.raw('deputy', 'consult', 'review', { commentId: voters.commentId, decision: 'release' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(w.fingerprint()).toBe(before);

    const released = await w.call('township', 'consult', 'review', {
      commentId: voters.commentId,
      decision: 'release',
    });
    expect(released).toMatchObject({ status: 'visible', hidden: false });
    const hidden = await w.call('county', 'consult', 'review', {
      commentId: deputys.commentId,
      decision: 'hide',
    });
    expect(hidden).toMatchObject({ status: 'held', hidden: true });
    expect(await waiting()).toEqual([]);
    expect((await results(id)).held).toBe(0);

    // The public sees the released one only; the deputy sees his own marked as not published.
    const pub = await w.call(null, 'consult', 'comments', { consultationId: id });
    expect(pub.items.map((x) => x.text)).toEqual(['停车难，不行就去上访']);
    const own = await w.call('deputy', 'consult', 'get', { consultationId: id });
    expect(own.mine?.comments).toEqual([expect.objectContaining({ status: 'held', hidden: true })]);

    // A second decision on either is refused and changes nothing.
    const settled = w.fingerprint();
    for (const commentId of [voters.commentId, deputys.commentId]) {
      expect(await w.raw('county', 'consult', 'review', { commentId, decision: 'release' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
    }
    expect(w.fingerprint()).toBe(settled);

    // New text is checked afresh: the deputy's edit waits for review again, counted once.
    await respond('deputy', '还是有人说要上访', a2.articleId);
    expect((await waiting()).map((x) => x.text)).toEqual(['还是有人说要上访']);
    expect((await results(id)).held).toBe(1);
  });

  it('comments page by cursor and filter by article and question', async () => {
    const c = await publishedConsultation({ audience: { kind: 'all' } });
    const id = c.consultationId;
    const [single, , , text] = c.questions;
    const [a1, a2] = c.articles;
    for (let i = 0; i < 23; i++) {
      await w.call({ openid: `resident-${i}` }, 'consult', 'respond', {
        consultationId: id,
        answers: [
          { questionId: single.questionId, choice: i % 3 },
          ...(i % 2 ? [{ questionId: text.questionId, text: `文字建议 ${i}` }] : []),
        ],
        comments: [{ articleId: i % 4 ? a1.articleId : a2.articleId, text: `意见 ${i}` }],
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await w.call('township', 'consult', 'comments', { consultationId: id, cursor });
      expect(p.items.length).toBeLessThanOrEqual(20);
      seen.push(...p.items.map((x) => x.commentId));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(23 + 11);
    const onA2 = await w.call('township', 'consult', 'comments', {
      consultationId: id,
      articleId: a2.articleId,
    });
    // Same instant (the test clock stands still): by id, so compare as sets.
    expect(onA2.items.map((x) => x.text).sort()).toEqual(
      ['意见 0', '意见 4', '意见 8', '意见 12', '意见 16', '意见 20'].sort(),
    );
    const onText = await w.call('township', 'consult', 'comments', {
      consultationId: id,
      questionId: text.questionId,
    });
    expect(onText.items).toHaveLength(11);
    expect((await results(id)).unplaced).toBe(23);
  });

  it('closes, takes feedback per article, publishes it to every respondent through the outbox in batches; each sees the outcome beside their comment', async () => {
    const c = await publishedConsultation({ audience: { kind: 'all' } });
    const id = c.consultationId;
    const [a1, a2, a3] = c.articles;
    const answer = (articleId: string, text: string) => ({
      consultationId: id,
      answers: [{ questionId: c.questions[0].questionId, choice: 0 }],
      comments: [{ articleId, text }],
    });
    await w.call('voter', 'consult', 'respond', answer(a1.articleId, '建议写明道路名称'));
    for (let i = 0; i < 120; i++)
      await w.call({ openid: `fb-${i}` }, 'consult', 'respond', answer(a2.articleId, `意见 ${i}`));
    const items = [
      { articleId: a1.articleId, outcome: 'adopted', reason: '已写明主街和东西两条支路' },
      { articleId: a2.articleId, outcome: 'partly', reason: '适用范围另附图说明' },
    ];
    const before = w.fingerprint();
    expect(await w.raw('township', 'consult', 'publishFeedback', { consultationId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await w.raw('township', 'consult', 'feedback', { consultationId: id, items })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(w.fingerprint()).toBe(before);

    await w.call('township', 'consult', 'close', { consultationId: id });
    await w.call('township', 'consult', 'feedback', { consultationId: id, items });
    // Not every article has its feedback yet.
    expect(await w.raw('township', 'consult', 'publishFeedback', { consultationId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await w.call('township', 'consult', 'feedback', {
      consultationId: id,
      items: [{ articleId: a3.articleId, outcome: 'notAdopted', reason: '逢集日禁停已有交通管理规定' }],
    });
    // Before publishing, respondents see no outcome.
    expect((await w.call('voter', 'consult', 'get', { consultationId: id })).feedback).toEqual([]);
    await w.call('township', 'consult', 'publishFeedback', { consultationId: id });
    const countFeedback = async () => {
      let n = 0;
      for (let i = 0; i < 121; i++) {
        const who = i === 0 ? ('voter' as const) : { openid: `fb-${i - 1}` };
        const list = await w.call(who, 'account', 'notifications', {});
        n += list.items.filter((x) => x.kind === 'consult.feedback').length;
      }
      return n;
    };
    expect(await countFeedback()).toBe(0); // nothing in the request itself
    const first = await runJobs(w.ports, JOB_STEPS);
    expect(first.consultNotices).toBe(121); // under the 500 a run sends
    await runJobs(w.ports, JOB_STEPS);
    expect(await countFeedback()).toBe(121); // once each, however often the timer runs

    const mine = await w.call('voter', 'consult', 'get', { consultationId: id });
    expect(mine.phase).toBe('feedback');
    expect(mine.mine?.comments).toEqual([
      {
        articleId: a1.articleId,
        text: '建议写明道路名称',
        status: 'visible',
        hidden: false,
        feedback: { articleId: a1.articleId, outcome: 'adopted', reason: '已写明主街和东西两条支路' },
      },
    ]);
    // Anyone can browse past consultations and their outcomes.
    const past = await w.call(null, 'consult', 'list', { status: 'feedbackPublished' });
    expect(past.items.map((x) => x.consultationId)).toEqual([id]);
    expect((await w.call(null, 'consult', 'get', { consultationId: id })).feedback).toHaveLength(3);
  });

  it('sends a large feedback notice over several timer runs, a bounded batch each', async () => {
    const c = await publishedConsultation({ audience: { kind: 'all' }, questions: [] });
    const id = c.consultationId;
    // 620 respondents, written straight into the store (the handler path is tested above).
    await w.ports.store.transact(async (tx) => {
      for (let i = 0; i < 620; i++) {
        const userId = `bulk-${String(i).padStart(4, '0')}`;
        await tx.insert('consultResponses', {
          id: `${id}:${userId}`,
          consultationId: id,
          userId,
          role: 'voter',
          deputyId: null,
          townshipId: null,
          constituencyId: null,
          name: '选民',
          publicName: '选民',
          anonymous: false,
          answers: [],
          articleIds: [],
          createdAt: new Date(w.clock.now().getTime() + i).toISOString(),
          updatedAt: w.clock.now().toISOString(),
          edits: 0,
        });
      }
    });
    await w.call('township', 'consult', 'close', { consultationId: id });
    await w.call('township', 'consult', 'feedback', {
      consultationId: id,
      items: c.articles.map((a) => ({ articleId: a.articleId, outcome: 'adopted', reason: '已采纳' })),
    });
    await w.call('township', 'consult', 'publishFeedback', { consultationId: id });
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push((await runJobs(w.ports, JOB_STEPS)).consultNotices);
    expect(runs).toEqual([500, 120, 0]);
  });

  it('a correction is a new version: publishing it closes the earlier one and tells its respondents', async () => {
    const first = await publishedConsultation();
    await w.call('voter', 'consult', 'respond', {
      consultationId: first.consultationId,
      answers: [{ questionId: first.questions[0].questionId, choice: 0 }],
    });
    const second = await newConsultation({
      previousId: first.consultationId,
      text: `${DRAFT}\n第十三条 本办法自公布之日起施行。`,
    });
    expect(second.version).toBe(2);
    await w.call('township', 'consult', 'publish', { consultationId: second.consultationId });
    const old = await w.call('voter', 'consult', 'get', { consultationId: first.consultationId });
    expect(old).toMatchObject({ status: 'closed', supersededBy: second.consultationId, canRespond: false });
    await runJobs(w.ports, JOB_STEPS);
    const notes = await w.call('voter', 'account', 'notifications', {});
    expect(notes.items.find((x) => x.kind === 'consult.corrected')?.link).toContain(second.consultationId);
    // The earlier version cannot be corrected twice.
    expect(
      await w.raw('township', 'consult', 'create', {
        title: '再改',
        text: DRAFT,
        audience: { kind: 'all' },
        opensAt: at(0),
        closesAt: at(3),
        townshipId: 'tw-qs',
        previousId: first.consultationId,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('reminds deputies in the audience who have not answered, 2 days before close, once each', async () => {
    const c = await publishedConsultation({ audience: { kind: 'deputies' }, closesAt: at(5) });
    await runJobs(w.ports, JOB_STEPS);
    let notes = await w.call('deputy', 'account', 'notifications', {});
    expect(notes.items.filter((x) => x.kind === 'consult.reminder')).toHaveLength(0);
    w.clock.advance(3 * DAY + 3600_000);
    await runJobs(w.ports, JOB_STEPS);
    await runJobs(w.ports, JOB_STEPS);
    notes = await w.call('deputy', 'account', 'notifications', {});
    expect(notes.items.filter((x) => x.kind === 'consult.reminder')).toHaveLength(1);
    // Voters are not deputies: nothing for them.
    const voterNotes = await w.call('voter', 'account', 'notifications', {});
    expect(voterNotes.items.filter((x) => x.kind === 'consult.reminder')).toHaveLength(0);
    expect(
      await w.raw('voter', 'consult', 'respond', {
        consultationId: c.consultationId,
        answers: [{ questionId: c.questions[0].questionId, choice: 0 }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('exports the results and comments as .xlsx (names for office staff)', async () => {
    const c = await publishedConsultation();
    await w.call('voter', 'consult', 'respond', {
      consultationId: c.consultationId,
      answers: [{ questionId: c.questions[0].questionId, choice: 1 }],
      comments: [{ articleId: c.articles[0].articleId, text: '建议写明道路名称' }],
      anonymous: true,
    });
    const out = await w.call('township', 'consult', 'export', { consultationId: c.consultationId });
    expect(out).toMatchObject({ comments: 1, truncated: false });
    const fileId = out.url.replace(/^\/files\//, 'local://');
    const bytes = (w.ports.files as unknown as { read(id: string): Buffer }).read(fileId);
    const sheets = await readXlsxFile(bytes, { getSheets: true } as never);
    expect((sheets as unknown as { name: string }[]).map((s) => s.name)).toEqual(['汇总', '意见']);
    const rows = await readXlsxFile(bytes, { sheet: '意见' });
    expect(rows[1].slice(0, 5)).toEqual(['第一条', '建议写明道路名称', '王小明', '选民', '是']);
    const summary = await readXlsxFile(bytes, { sheet: '汇总' });
    expect(summary[1]).toEqual(['参与人数', 1, null]);
  });

  it('a burst of 300 responses at once: every answer counted exactly once', async () => {
    const c = await publishedConsultation({ audience: { kind: 'all' } });
    const id = c.consultationId;
    const q = c.questions[0].questionId;
    const callers = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => ({ openid: `burst-${i}` })),
    );
    for (const who of callers) await w.call(who, 'account', 'me', {});
    const answers = await Promise.all(
      callers.map((who, i) =>
        w.raw(
          who,
          'consult',
          'respond',
          { consultationId: id, answers: [{ questionId: q, choice: i % 3 }] },
          `burst-req-${i}`,
        ),
      ),
    );
    const accepted = answers.filter((a) => a.ok).length;
    const refused = answers.filter((a) => !a.ok);
    // Under contention the adapter may in the end answer CONFLICT (the phone retries with its requestId) — never a wrong count.
    expect(refused.every((a) => !a.ok && a.error.code === 'CONFLICT')).toBe(true);
    const stored: ConsultResponse[] = [];
    let after: { key: string; id: string } | undefined;
    for (;;) {
      const rows = await consultQueries(w.ports).responsesOf(id, { after, limit: 100 });
      stored.push(...rows);
      if (rows.length < 100) break;
      after = { key: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };
    }
    expect(stored).toHaveLength(accepted);
    const t = sumShards(await consultQueries(w.ports).talliesOf(id));
    expect(t.n).toBe(accepted);
    expect([0, 1, 2].map((i) => t[`o:${q}:${i}`] ?? 0)).toEqual(
      [0, 1, 2].map((i) => stored.filter((r) => r.answers[0].choice === i).length),
    );
    expect(accepted).toBeGreaterThanOrEqual(290);
  });
});
