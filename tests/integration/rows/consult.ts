/** The consult module's rows of the authorization and bad-input matrices. */
import type { World } from '../harness';
import { CALLERS, long, ok, OFFICE, type AuthorizationCase, type BadInputCase } from './types';

const DAY = 86400_000;
const at = (w: World, days: number) => new Date(w.clock.now().getTime() + days * DAY).toISOString();

/** A 青石镇 consultation for its verified voters and deputies, written by the township office. */
const draftInput = (w: World) => ({
  title: '青石镇集镇停车管理办法（征求意见稿）',
  text: '第一条 为了规范集镇停车秩序，制定本办法。\n第二条 集镇主街实行限时停车。',
  questions: [{ kind: 'single', title: '您是否支持限时停车？', options: ['支持', '不支持'] }],
  audience: { kind: 'verified' },
  opensAt: at(w, 0),
  closesAt: at(w, 10),
  townshipId: 'tw-qs',
});

async function draft(w: World) {
  return (await w.call('township', 'consult', 'create', draftInput(w))).consultationId;
}
async function published(w: World) {
  const id = await draft(w);
  await w.call('township', 'consult', 'publish', { consultationId: id });
  return id;
}
async function closed(w: World) {
  const id = await published(w);
  await w.call('voter', 'consult', 'respond', {
    consultationId: id,
    answers: [],
    comments: [
      {
        articleId: (await w.call('voter', 'consult', 'get', { consultationId: id })).articles[0].articleId,
        text: '建议设夜间免费时段',
      },
    ],
  });
  await w.call('township', 'consult', 'close', { consultationId: id });
  return id;
}

/** A held comment (the word list holds 上访 for review) on a published 青石镇 consultation. */
async function heldComment(w: World) {
  const id = await published(w);
  const c = await w.call('voter', 'consult', 'get', { consultationId: id });
  await w.call('voter', 'consult', 'respond', {
    consultationId: id,
    answers: [{ questionId: c.questions[0].questionId, choice: 0 }],
    comments: [{ articleId: c.articles[0].articleId, text: '不解决就去上访' }],
  });
  return (await w.call('township', 'consult', 'comments', { consultationId: id, waiting: true })).items[0]
    .commentId;
}

export const authorization: Record<string, AuthorizationCase> = {
  create: { allowed: ok(...OFFICE), input: (w) => draftInput(w) },
  update: {
    allowed: ok(...OFFICE),
    input: async (w) => ({ consultationId: await draft(w), title: '青石镇集镇停车管理办法（修改稿）' }),
  },
  publish: { allowed: ok(...OFFICE), input: async (w) => ({ consultationId: await draft(w) }) },
  list: { allowed: ok(...CALLERS), input: () => ({}) },
  get: { allowed: ok(...CALLERS), input: async (w) => ({ consultationId: await published(w) }) },
  // Verified voters and deputies of 青石镇 only.
  respond: {
    allowed: ok('voter', 'deputy'),
    input: async (w) => {
      const id = await published(w);
      const c = await w.call('county', 'consult', 'get', { consultationId: id });
      return { consultationId: id, answers: [{ questionId: c.questions[0].questionId, choice: 0 }] };
    },
  },
  close: { allowed: ok(...OFFICE), input: async (w) => ({ consultationId: await published(w) }) },
  results: { allowed: ok(...OFFICE), input: async (w) => ({ consultationId: await published(w) }) },
  comments: { allowed: ok(...CALLERS), input: async (w) => ({ consultationId: await published(w) }) },
  review: {
    allowed: ok(...OFFICE),
    input: async (w) => ({ commentId: await heldComment(w), decision: 'release' }),
  },
  feedback: {
    allowed: ok(...OFFICE),
    input: async (w) => {
      const id = await closed(w);
      const c = await w.call('county', 'consult', 'get', { consultationId: id });
      return {
        consultationId: id,
        items: [{ articleId: c.articles[0].articleId, outcome: 'partly', reason: '夜间时段另行研究' }],
      };
    },
  },
  publishFeedback: {
    allowed: ok(...OFFICE),
    input: async (w) => {
      const id = await closed(w);
      const c = await w.call('county', 'consult', 'get', { consultationId: id });
      await w.call('township', 'consult', 'feedback', {
        consultationId: id,
        items: c.articles.map((a) => ({ articleId: a.articleId, outcome: 'adopted', reason: '已采纳' })),
      });
      return { consultationId: id };
    },
  },
  export: { allowed: ok(...OFFICE), input: async (w) => ({ consultationId: await published(w) }) },
};

const demo = 'cs-demo';
const q1 = 'cs-demo-q1';
const base = {
  title: '测试征询',
  text: '第一条 测试。',
  audience: { kind: 'all' },
  opensAt: '2026-11-20T02:00:00Z',
  closesAt: '2026-12-20T02:00:00Z',
};

export const badInput: Record<string, BadInputCase> = {
  create: {
    who: 'county',
    inputs: [
      {},
      { ...base, title: 'x' },
      { ...base, text: undefined },
      { ...base, text: long(50_001) },
      { ...base, closesAt: '2026-11-19T02:00:00Z' },
      { ...base, opensAt: '明天' },
      { ...base, audience: { kind: 'friends' } },
      { ...base, questions: [{ kind: 'single', title: '单选', options: ['只有一个'] }] },
      { ...base, questions: [{ kind: 'text', title: '文字', options: ['不该有'] }] },
      { ...base, articles: [{ number: 1, text: '甲' }] },
      { ...base, text: undefined, articles: [{ number: 0, text: '甲' }] },
      { ...base, audience: { kind: 'verified', townshipIds: ['tw-qs-c1'] } },
      { ...base, townshipId: 'tw-qs-c1' },
    ],
  },
  update: {
    who: 'county',
    inputs: [{}, { consultationId: demo, title: 'x' }, { consultationId: demo, opensAt: '2026-13-01' }],
  },
  publish: { who: 'county', inputs: [{}, { consultationId: 7 }] },
  list: { who: 'voter', inputs: [{ status: 'open' }, { cursor: 'garbage' }] },
  get: { who: 'voter', inputs: [{}, { consultationId: '' }] },
  respond: {
    who: 'voter',
    inputs: [
      {},
      { consultationId: demo, answers: [{ questionId: q1, choice: 9 }] },
      { consultationId: demo, answers: [{ questionId: q1, choice: 1.5 }] },
      {
        consultationId: demo,
        answers: [
          { questionId: q1, choice: 0 },
          { questionId: 'cs-demo-q2', scale: 6 },
        ],
      },
      {
        consultationId: demo,
        answers: [
          { questionId: q1, choice: 0 },
          { questionId: 'cs-demo-q2', scale: 0 },
        ],
      },
      { consultationId: demo, answers: [{ questionId: 'cs-demo-q2', scale: 3 }] },
      { consultationId: demo, answers: [{ questionId: q1, choices: [0] }] },
      { consultationId: demo, answers: [{ questionId: 'nope', choice: 0 }] },
      {
        consultationId: demo,
        answers: [{ questionId: q1, choice: 0 }],
        comments: [{ articleId: 'elsewhere-a1', text: '意见' }],
      },
      {
        consultationId: demo,
        answers: [{ questionId: q1, choice: 0 }],
        comments: [{ articleId: 'cs-demo-a1', text: long(1001) }],
      },
      {
        consultationId: demo,
        answers: [{ questionId: q1, choice: 0 }],
        comments: [{ articleId: 'cs-demo-a1', text: '' }],
      },
      {
        consultationId: demo,
        answers: [{ questionId: q1, choice: 0 }],
        comments: [
          { articleId: 'cs-demo-a1', text: '一' },
          { articleId: 'cs-demo-a1', text: '二' },
        ],
      },
      { consultationId: demo, answers: [], comments: [] },
    ],
  },
  close: { who: 'county', inputs: [{}, { consultationId: null }] },
  results: { who: 'county', inputs: [{}] },
  comments: {
    who: 'voter',
    inputs: [
      {},
      { consultationId: demo, cursor: 'garbage' },
      { consultationId: demo, articleId: 'cs-demo-a1', questionId: q1 },
    ],
  },
  review: {
    who: 'county',
    inputs: [
      {},
      { commentId: 'x:a:y' },
      { commentId: 'x:a:y', decision: 'publish' },
      { commentId: 12, decision: 'hide' },
    ],
  },
  feedback: {
    who: 'county',
    inputs: [
      { consultationId: demo },
      { consultationId: demo, items: [] },
      { consultationId: demo, items: [{ articleId: 'cs-demo-a1', outcome: 'maybe', reason: '理由' }] },
      { consultationId: demo, items: [{ articleId: 'cs-demo-a1', outcome: 'adopted', reason: '' }] },
      { consultationId: demo, items: [{ articleId: 'cs-demo-a1', outcome: 'adopted', reason: long(501) }] },
    ],
  },
  publishFeedback: { who: 'county', inputs: [{}] },
  export: { who: 'county', inputs: [{ consultationId: 12 }] },
};
