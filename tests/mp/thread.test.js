/* global wx */
/**
 * The voter's thread page of the REAL weapp build (dist/weapp), rendered by miniprogram-simulate.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, flush, findByClass, findAllByClass, textOf } = require('./helpers');
const { chased, ok, thread, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

const answerModal = (confirm) =>
  jest.fn((opts) => {
    const res = { confirm, cancel: !confirm, errMsg: 'showModal:ok' };
    opts.success?.(res);
    return Promise.resolve(res);
  });

describe('thread page (weapp build)', () => {
  let calls;
  let page;
  const of = (action) => calls.filter((c) => c.name === 'contact' && c.data.action === action);

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'contact' && body.action === 'thread') return ok(thread);
      if (name === 'contact' && body.action === 'chase') return ok(chased);
      return unexpected();
    });
    page = await loadPage(root, 'pages/thread/index', { threadId: 't7' });
    await until(() => findAllByClass(page, 'bubble-text').length === 3, 'the three messages');
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
    wx.showModal = answerModal(false);
    findByClass(page, 'chase-button').dispatchEvent('tap');
    await until(() => wx.showModal.mock.calls.length > 0, 'wx.showModal');
    await flush();
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    expect(of('chase')).toHaveLength(0);
    expect(findByClass(page, 'chase-button')).toBeTruthy();
  });

  test('the deputy has answered: 标记已解决 is offered, and asks first (cancelled: nothing)', async () => {
    expect(findByClass(page, 'close-later')).toBeFalsy();
    wx.showModal = answerModal(false);
    findByClass(page, 'close-resolved').dispatchEvent('tap');
    await until(() => wx.showModal.mock.calls.length > 0, 'wx.showModal');
    await flush();
    expect(wx.showModal.mock.calls[0][0].content).toContain('关闭后不能再追问');
    expect(of('close')).toHaveLength(0);
    expect(findByClass(page, 'close-resolved')).toBeTruthy();
  });

  test('催办 confirmed calls contact.chase and hides the button', async () => {
    wx.showModal = answerModal(true);
    findByClass(page, 'chase-button').dispatchEvent('tap');
    await until(() => !findByClass(page, 'chase-button'), 'the 催办 button to go');
    expect(of('chase')).toHaveLength(1);
    expect(of('chase')[0].data.data).toEqual({ threadId: 't7' });
    expect(textOf(page.dom)).toMatch(/已于 .+ 催办/);
  });
});
