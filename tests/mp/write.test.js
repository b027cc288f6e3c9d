/* global wx */
/**
 * The write page of the REAL weapp build (dist/weapp), rendered by miniprogram-simulate.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, textOf } = require('./helpers');
const { deputy, ok, sentHeld, unexpected, voterMe } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

const me = voterMe('王大伯', false);

describe('write page (weapp build)', () => {
  let calls;
  let page;
  let offline = false;
  const text = '村口的路灯坏了两个月，晚上出行很不方便。';
  const sends = () => calls.filter((c) => c.name === 'contact' && c.data.action === 'send');

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (offline) throw new Error('cloud.callFunction:fail network');
      if (name === 'contact' && body.action === 'card') return ok(deputy);
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'contact' && body.action === 'send') return ok(sentHeld);
      return unexpected();
    });
    page = await loadPage(root, 'pages/write/index', { code: 'AbC123' });
    await until(
      () =>
        textOf(findByClass(page, 'write-title')).includes('李秀英') && findByClass(page, 'write-verify-hint'),
      "the deputy's name and the verification hint",
    );
  });

  test('shows whom the message goes to and the verification hint', () => {
    expect(textOf(findByClass(page, 'write-title'))).toContain('写给 李秀英 代表');
    expect(textOf(findByClass(page, 'write-verify-hint'))).toContain('实名认证');
  });

  test('sending empty text shows an error and calls nothing', async () => {
    findByClass(page, 'write-send').dispatchEvent('tap');
    const err = await until(() => findByClass(page, 'write-error'));
    expect(textOf(err)).toContain('请先填写内容');
    expect(sends()).toHaveLength(0);
  });

  test('a paste over the limit is kept whole and said to be over; sending it is refused on the phone', async () => {
    const long = '村'.repeat(1100);
    findByClass(page, 'write-textarea').dispatchEvent('input', { detail: { value: long } });
    await until(() => textOf(findByClass(page, 'write-counter')).startsWith('1100 / 1000'), 'the counter');
    expect(textOf(findByClass(page, 'write-counter'))).toContain('超出 100 字');
    findByClass(page, 'write-send').dispatchEvent('tap');
    const err = await until(() => findByClass(page, 'write-error'));
    expect(textOf(err)).toContain('1000');
    expect(sends()).toHaveLength(0);
  });

  test('typing updates the counter; a failed send keeps the draft and its requestId', async () => {
    findByClass(page, 'write-textarea').dispatchEvent('input', { detail: { value: text } });
    await until(() => textOf(findByClass(page, 'write-counter')).includes(`${text.length} / 1000`));
    expect(findByClass(page, 'write-error')).toBeFalsy();

    offline = true;
    findByClass(page, 'write-send').dispatchEvent('tap');
    await until(() => findByClass(page, 'write-error'));
    offline = false;
    expect(sends()).toHaveLength(1);
    expect(textOf(findByClass(page, 'write-error'))).toContain('网络不给力，请稍后重试');
    expect(findByClass(page, 'write-result')).toBeFalsy();
    // The draft is on the phone, with the requestId that went out.
    const saved = JSON.parse(wx.setStorageSync.mock.calls.filter((c) => /draft\.send/.test(c[0])).pop()[1]);
    expect(saved.text).toBe(text);
    expect(saved.requestId).toBe(sends()[0].data.requestId);
  });

  test('send calls contact.send with the text and the same requestId, then shows the held state', async () => {
    findByClass(page, 'write-send').dispatchEvent('tap');
    const result = await until(() => findByClass(page, 'write-result'));

    expect(sends()).toHaveLength(2);
    const [first, second] = sends().map((c) => c.data);
    expect(second.action).toBe('send');
    expect(second.data).toEqual({ code: 'AbC123', category: '其他', text });
    expect(second.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(second.requestId).toBe(first.requestId);

    expect(textOf(result)).toContain('已提交，内容审核后送达代表');
    expect(wx.removeStorageSync).toHaveBeenCalledWith('dl.draft.send.code:AbC123');
  });

  test('then goes to the thread page', async () => {
    // The page moves on by itself a moment after showing the result.
    await until(() => wx.redirectTo.mock.calls.length > 0, 'wx.redirectTo');
    expect(wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/thread/index?threadId=t42' }),
    );
  });
});
