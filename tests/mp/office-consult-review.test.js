/* global wx */
/**
 * A consultation on the office's page (REAL weapp build): a comment held by the content check waits
 * under 待审核 with 公开 / 不予公开; 公开, once confirmed, releases it (consult.review) and the row says
 * so. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, findAllByClass, textOf } = require('./helpers');
const { ok, answer, consultOpen, staffMe, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');
const me = staffMe('周干事', [{ role: 'townshipOffice', scopeKind: 'township', scopeId: 'tw-qs' }]);

const comment = (over) =>
  answer('consult', 'review', {
    commentId: 'c1:u1:a:a1',
    articleId: 'a1',
    questionId: null,
    text: '停车难，不行就去上访',
    status: 'held',
    hidden: false,
    author: '王小明',
    role: 'voter',
    anonymous: false,
    townshipName: '青石镇',
    createdAt: '2026-11-21T01:00:00.000Z',
    updatedAt: '2026-11-21T01:00:00.000Z',
    ...over,
  });

const results = (held) =>
  answer('consult', 'results', {
    consultationId: 'c1',
    responses: 1,
    byRole: { voter: 1, deputy: 0 },
    byTownship: [{ regionId: 'tw-qs', name: '青石镇', count: 1 }],
    byConstituency: [],
    unplaced: 0,
    questions: [],
    articles: [
      { articleId: 'a1', number: 1, title: null, comments: 1 },
      { articleId: 'a2', number: 2, title: '适用范围', comments: 0 },
    ],
    held,
  });

describe('reviewing a held comment on the office consultation page (weapp build)', () => {
  let calls;
  let page;
  let held = 1;

  beforeAll(async () => {
    wx.showModal = jest.fn((opts = {}) => {
      const res = { confirm: true, cancel: false, errMsg: 'showModal:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    calls = setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'consult' && body.action === 'get') return ok({ ...consultOpen, mine: null });
      if (name === 'consult' && body.action === 'results') return ok(results(held));
      if (name === 'consult' && body.action === 'comments')
        return ok({ items: [comment({})], nextCursor: null });
      if (name === 'consult' && body.action === 'review') {
        held = 0;
        return ok(comment({ status: 'visible' }));
      }
      return unexpected();
    });
    page = await loadPage(root, 'office/consult/index', { consultationId: 'c1' });
    await until(() => findByClass(page, 'oc-release'), 'the held comment with its review buttons');
  });

  test('the held comment says it waits, and the chips offer 待审核 with its count', () => {
    expect(textOf(findByClass(page, 'oc-comment'))).toContain('待审核');
    expect(findAllByClass(page, 'chip').map(textOf)).toContain('待审核（1）');
  });

  test('公开, confirmed, releases it: the row no longer waits and offers no buttons', async () => {
    findByClass(page, 'oc-release').dispatchEvent('tap');
    await until(() => !findByClass(page, 'oc-release'), 'the buttons to go');
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '公开' }));
    expect(calls.filter((c) => c.data.action === 'review').map((c) => c.data.data)).toEqual([
      { commentId: 'c1:u1:a:a1', decision: 'release' },
    ]);
    expect(textOf(findByClass(page, 'oc-comment'))).not.toContain('待审核');
    await until(() => !findAllByClass(page, 'chip').map(textOf).includes('待审核（1）'), 'the count to go');
  });
});
