/* global wx */
/**
 * The voter's thread page of the REAL weapp build (dist/weapp), rendered by miniprogram-simulate.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, findByClass, findAllByClass, textOf, envelopeOk, simulate } = require('./helpers');

const root = path.resolve(__dirname, '../../dist/weapp');

const summary = (over = {}) => ({
  threadId: 't7',
  deputyId: 'd1',
  deputyName: '李秀英',
  voterName: '王*伯',
  voterVerified: true,
  category: '交通出行',
  status: 'replied',
  outcome: null,
  held: false,
  lastText: '已经联系镇里',
  createdAt: '2026-11-01T02:00:00.000Z',
  lastMessageAt: '2026-11-02T02:00:00.000Z',
  firstReplySeconds: 3600,
  unread: false,
  canChase: true,
  chasedAt: null,
  ...over,
});

describe('thread page (weapp build)', () => {
  let calls;
  let page;
  const of = (action) => calls.filter((c) => c.name === 'contact' && c.data.action === action);

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'contact' && body.action === 'thread') {
        return envelopeOk({
          thread: summary(),
          messages: [
            {
              messageId: 'm1',
              author: 'voter',
              mine: true,
              text: '村口路灯坏了',
              status: 'visible',
              createdAt: '2026-11-01T02:00:00.000Z',
            },
            {
              messageId: 'm2',
              author: 'deputy',
              mine: false,
              text: '已经联系镇里',
              status: 'visible',
              createdAt: '2026-11-02T02:00:00.000Z',
            },
            {
              messageId: 'm3',
              author: 'voter',
              mine: true,
              text: '补充一下位置',
              status: 'held',
              createdAt: '2026-11-03T02:00:00.000Z',
            },
          ],
          nextCursor: null,
        });
      }
      if (name === 'contact' && body.action === 'chase') {
        return envelopeOk(summary({ canChase: false, chasedAt: '2026-11-10T02:00:00.000Z' }));
      }
      return { ok: false, error: { code: 'INTERNAL', message: 'unexpected' } };
    });
    page = await loadPage(root, 'pages/thread/index', { threadId: 't7' });
  });

  test('renders the messages in order, the held one marked 审核中', () => {
    expect(of('thread')[0].data.data).toEqual({ threadId: 't7' });
    const bubbles = findAllByClass(page, 'bubble-text').map((n) => textOf(n));
    expect(bubbles).toEqual(['村口路灯坏了', '已经联系镇里', '补充一下位置']);
    const held = findByClass(page, 'bubble--held');
    expect(textOf(held)).toContain('审核中');
    expect(textOf(page.dom)).toContain('李秀英 代表');
  });

  test('催办 asks first, and does nothing when cancelled', async () => {
    wx.showModal = jest.fn((opts) => {
      const res = { confirm: false, cancel: true, errMsg: 'showModal:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    findByClass(page, 'chase-button').dispatchEvent('tap');
    await simulate.sleep(50);
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    expect(of('chase')).toHaveLength(0);
  });

  test('催办 confirmed calls contact.chase and hides the button', async () => {
    wx.showModal = jest.fn((opts) => {
      const res = { confirm: true, cancel: false, errMsg: 'showModal:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    findByClass(page, 'chase-button').dispatchEvent('tap');
    await simulate.sleep(100);
    expect(of('chase')).toHaveLength(1);
    expect(of('chase')[0].data.data).toEqual({ threadId: 't7' });
    expect(findByClass(page, 'chase-button')).toBeFalsy();
    expect(textOf(page.dom)).toMatch(/已于 .+ 催办/);
  });
});
