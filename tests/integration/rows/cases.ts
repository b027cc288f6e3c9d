/**
 * The cases module's rows of the authorization and bad-input matrices, on the demo county's reports:
 * 路灯 (submitted, waiting for 青石镇第一选区's deputies), 斑马线 (forwarded by 李华, waiting for the office),
 * 公交 (in progress at 县交通运输局, 青石镇人民政府 assisting), 降压药 (closed and published, answered by
 * 县卫生健康局), 宅基地 (declined: 涉法涉诉).
 */
import type { World } from '../harness';
import { CALLERS, long, ok, OFFICE, SIGNED_IN, type AuthorizationCase, type BadInputCase } from './types';

/** The demo report whose text starts with `prefix` (SQLite worlds). */
export function demoCase(w: World, prefix: string): string {
  const row = w.db.prepare('SELECT id FROM cases WHERE text LIKE ?').get(`${prefix}%`) as
    { id: string } | undefined;
  if (!row) throw new Error(`no demo case ${prefix}`);
  return row.id;
}
export const LAMP = '村口到镇上的路灯';
export const CROSSING = '青石镇中心小学门口';
export const BUS = '青石镇到县城的公交车';
export const MEDICINE = '村卫生室常用的降压药';

const report = {
  kind: 'report',
  category: '城乡建设',
  constituencyId: 'tw-qs-c1',
  text: '村里的排水沟堵了',
  consentForward: true,
  consentPublish: true,
};

/** 李华 accepts the waiting 路灯 report. */
async function accepted(w: World) {
  const caseId = demoCase(w, LAMP);
  await w.call('deputy', 'cases', 'accept', { caseId });
  return caseId;
}

/** 县交通运输局 replies to the 公交 report. */
async function replied(w: World) {
  const caseId = demoCase(w, BUS);
  await w.call({ openid: 'demo:unit' }, 'cases', 'reply', {
    caseId,
    answerCategory: '列入年度计划',
    text: '明年增开两班',
  });
  return caseId;
}

/** The forwarded 斑马线 report as filed before photos were checked: one bare file id, held for review. */
async function heldPhoto(w: World) {
  const caseId = demoCase(w, CROSSING);
  const fileId = 'local://uploads/old-upload/crossing.jpg';
  await w.ports.store.transact((tx) => tx.update('cases', caseId, { images: [fileId] as never }));
  return { caseId, fileId };
}

export const authorization: Record<string, AuthorizationCase> = {
  submit: { allowed: ok('voter', 'deputy', 'otherDeputy'), input: () => report },
  draftFrom: {
    allowed: ok('deputy'),
    input: async (w) => ({
      fromThreadId: (await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '桥坏了' }))
        .threadId,
    }),
  },
  get: { allowed: ok('voter', 'deputy', ...OFFICE), input: (w) => ({ caseId: demoCase(w, CROSSING) }) },
  mine: { allowed: ok(...SIGNED_IN), input: () => ({}) },
  queue: {
    allowed: ok('deputy', 'otherDeputy', ...OFFICE, 'otherTownship', 'unit', 'otherUnit'),
    input: () => ({}),
  },
  accept: { allowed: ok('deputy'), input: (w) => ({ caseId: demoCase(w, LAMP) }) },
  // Office staff may only decline text held for review; this one was not held.
  decline: {
    allowed: { deputy: 'ok', township: 'CONFLICT', county: 'CONFLICT' },
    input: (w) => ({ caseId: demoCase(w, LAMP), reason: '不属于本选区' }),
  },
  answer: {
    allowed: ok('deputy'),
    input: async (w) => ({ caseId: await accepted(w), text: '已联系供电所' }),
  },
  forward: { allowed: ok('deputy'), input: async (w) => ({ caseId: await accepted(w) }) },
  followUp: { allowed: ok('deputy'), input: (w) => ({ caseId: demoCase(w, CROSSING), text: '请尽快交办' }) },
  release: {
    allowed: ok(...OFFICE),
    input: async (w) => ({
      caseId: (await w.call('voter', 'cases', 'submit', { ...report, text: '我想去上访' })).caseId,
      decision: 'release',
    }),
  },
  reviewImage: {
    allowed: ok(...OFFICE),
    input: async (w) => ({ ...(await heldPhoto(w)), decision: 'hide' }),
  },
  heldImages: { allowed: ok(...OFFICE, 'otherTownship'), input: () => ({}) },
  assign: {
    allowed: ok(...OFFICE),
    input: (w) => ({ caseId: demoCase(w, CROSSING), leadUnitId: 'unit-jt' }),
  },
  return: {
    allowed: ok('unit'),
    input: async (w) => {
      const caseId = demoCase(w, CROSSING);
      await w.call('township', 'cases', 'assign', { caseId, leadUnitId: 'unit-jt' });
      return { caseId, reason: '不属于本单位职责' };
    },
  },
  reply: {
    allowed: ok('unit'),
    input: (w) => ({ caseId: demoCase(w, BUS), answerCategory: '列入规划', text: '已列入规划' }),
  },
  rate: {
    allowed: ok('voter'),
    input: async (w) => ({ caseId: await replied(w), attitude: '满意', result: '基本满意' }),
  },
  publish: {
    allowed: ok(...OFFICE),
    input: async (w) => {
      const caseId = await replied(w);
      await w.call('voter', 'cases', 'rate', { caseId, attitude: '满意', result: '满意' });
      return { caseId };
    },
  },
  link: {
    allowed: ok(...OFFICE),
    input: (w) => ({ caseId: demoCase(w, CROSSING), toCaseId: demoCase(w, BUS) }),
  },
  support: { allowed: ok(...SIGNED_IN), input: (w) => ({ caseId: demoCase(w, MEDICINE) }) },
  published: { allowed: ok(...CALLERS), input: () => ({}) },
  stats: {
    allowed: ok(...OFFICE, 'otherTownship'),
    input: () => ({ fromDate: '2026-01-01', toDate: '2026-12-31' }),
  },
  export: {
    allowed: ok(...OFFICE, 'otherTownship'),
    input: () => ({ fromDate: '2026-11-01', toDate: '2026-11-30' }),
  },
  units: { allowed: ok(...OFFICE, 'otherTownship', 'unit', 'otherUnit'), input: () => ({}) },
  saveUnit: { allowed: ok('county'), input: () => ({ name: '县水务局' }) },
  settings: { allowed: ok(...CALLERS), input: () => ({}) },
  editSettings: {
    allowed: ok('county'),
    input: () => ({ countyId: 'county-yl', categories: ['城乡建设', '其他'] }),
  },
  calendar: { allowed: ok(...OFFICE, 'otherTownship', 'unit', 'otherUnit'), input: () => ({ year: 2026 }) },
  editCalendar: {
    allowed: ok('county'),
    input: () => ({ year: 2026, holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] }),
  },
};

const CASE = 'c-1';
export const badInput: Record<string, BadInputCase> = {
  submit: {
    who: 'voter',
    inputs: [
      {},
      { ...report, text: '' },
      { ...report, text: long(3001) },
      { ...report, kind: 'suggestion' },
      { ...report, townshipId: 'tw-qs' },
      { ...report, constituencyId: undefined },
      { ...report, constituencyId: 'tw-qs' },
      { ...report, category: '无此类别' },
      { ...report, consentForward: 'yes' },
      { ...report, consentPublish: undefined },
      { ...report, latitude: 30.5 },
      { ...report, latitude: 91, longitude: 120 },
      { ...report, images: Array.from({ length: 10 }, (_, i) => `cloud://p${i}.jpg`) },
      { ...report, images: ['http://evil.example/x.jpg'] },
      { ...report, images: ['cloud://a.jpg', 'cloud://a.jpg'] },
      { ...report, fromThreadId: 't-1', fromVisitId: 'v-1' },
    ],
  },
  draftFrom: {
    who: 'deputy',
    inputs: [{}, { fromThreadId: 't-1', fromVisitId: 'v-1' }, { fromThreadId: 7 }],
  },
  get: { who: 'voter', inputs: [{}, { caseId: '' }, { caseId: 42 }] },
  mine: { who: 'voter', inputs: [{ cursor: 'garbage' }] },
  queue: {
    who: 'township',
    // A status name nobody defined is refused, not read as "all".
    inputs: [{ status: 'solved' }, { status: 'published' }, { overdue: 'yes' }, { cursor: 'garbage' }],
  },
  accept: { who: 'deputy', inputs: [{}, { caseId: CASE, reason: long(501) }] },
  decline: {
    who: 'deputy',
    inputs: [{ caseId: CASE }, { caseId: CASE, reason: '无' }, { caseId: CASE, litigation: 'yes' }],
  },
  answer: {
    who: 'deputy',
    inputs: [{ caseId: CASE }, { caseId: CASE, text: '' }, { caseId: CASE, text: long(3001) }],
  },
  forward: { who: 'deputy', inputs: [{}, { caseId: CASE, note: long(501) }] },
  followUp: { who: 'deputy', inputs: [{ caseId: CASE }, { caseId: CASE, text: long(501) }] },
  release: { who: 'township', inputs: [{ caseId: CASE }, { caseId: CASE, decision: 'approve' }] },
  reviewImage: {
    who: 'township',
    inputs: [
      { caseId: CASE, fileId: 'local://uploads/u/a.jpg' },
      { caseId: CASE, fileId: 'local://uploads/u/a.jpg', decision: 'publish' },
      { caseId: CASE, fileId: long(301), decision: 'hide' },
      { fileId: 'local://uploads/u/a.jpg', decision: 'hide' },
    ],
  },
  heldImages: { who: 'township', inputs: [{ cursor: 'garbage' }] },
  assign: {
    who: 'township',
    inputs: [
      { caseId: CASE },
      { caseId: CASE, leadUnitId: 'unit-jt', assistingUnitIds: ['unit-jt'] },
      { caseId: CASE, leadUnitId: 'unit-jt', assistingUnitIds: ['unit-qs', 'unit-qs'] },
      { caseId: CASE, leadUnitId: 'unit-jt', dueWorkingDays: 0 },
      { caseId: CASE, leadUnitId: 'unit-jt', dueWorkingDays: 131 },
      { caseId: CASE, leadUnitId: 'unit-jt', assistingUnitIds: ['a', 'b', 'c', 'd', 'e', 'f'] },
    ],
  },
  return: { who: { openid: 'demo:unit' }, inputs: [{ caseId: CASE }, { caseId: CASE, reason: '无' }] },
  reply: {
    who: { openid: 'demo:unit' },
    inputs: [
      { caseId: CASE, text: '已办理' },
      // An answer category nobody defined.
      { caseId: CASE, answerCategory: '已办理', text: '已办理' },
      { caseId: CASE, answerCategory: '列入规划', text: '' },
    ],
  },
  rate: {
    who: 'voter',
    inputs: [
      { caseId: CASE, attitude: '满意' },
      { caseId: CASE, attitude: '很满意', result: '满意' },
      { caseId: CASE, attitude: '满意', result: 3 },
    ],
  },
  publish: { who: 'township', inputs: [{}, { caseId: CASE, publicText: '' }] },
  link: { who: 'township', inputs: [{ caseId: CASE }, { caseId: CASE, toCaseId: CASE }] },
  support: { who: 'voter', inputs: [{}, { caseId: null }] },
  published: { who: 'voter', inputs: [{ cursor: 'garbage' }] },
  stats: {
    who: 'township',
    inputs: [
      {},
      { fromDate: '2026-12-31', toDate: '2026-01-01' },
      { fromDate: '2026/01/01', toDate: '2026-12-31' },
      { fromDate: '2026-02-30', toDate: '2026-12-31' },
    ],
  },
  export: { who: 'township', inputs: [{}, { fromDate: '2026-12-31', toDate: '2026-01-01' }] },
  units: { who: 'township', inputs: [{ countyId: 'county-yl' }, 'all'] },
  saveUnit: { who: 'county', inputs: [{}, { name: 'x' }, { name: '县水务局', grantUserId: 'nobody' }] },
  settings: { who: 'voter', inputs: [{ countyId: 5 }] },
  editSettings: {
    who: 'county',
    inputs: [
      { countyId: 'county-yl', categories: [] },
      { countyId: 'county-yl', categories: ['其他', '其他'] },
      { countyId: 'county-yl', limits: { reply: { n: 0, unit: 'months' } } },
      { countyId: 'county-yl', limits: { reply: { n: 3, unit: 'weeks' } } },
      { countyId: 'county-yl', limits: { forever: { n: 3, unit: 'days' } } },
    ],
  },
  calendar: { who: 'township', inputs: [{}, { year: 1999 }] },
  editCalendar: {
    who: 'county',
    inputs: [
      { year: 2026, holidays: ['2026-02-30'], workdays: [] },
      // 2026-10-03 is a Saturday: no need to mark it a holiday; 2026-10-12 is a Monday, not a swap.
      { year: 2026, holidays: ['2026-10-03'], workdays: [] },
      { year: 2026, holidays: [], workdays: ['2026-10-12'] },
      { year: 2026, holidays: ['2027-01-01'], workdays: [] },
      { year: 2026, holidays: ['2026-10-01', '2026-10-01'], workdays: [] },
    ],
  },
};
