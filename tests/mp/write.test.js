/* global wx */
/**
 * The write page of the REAL weapp build (dist/weapp), rendered by miniprogram-simulate.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, findByClass, textOf, envelopeOk, simulate } = require('./helpers');
const { deputy, voterMe } = require('./fixtures');

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
      if (name === 'contact' && body.action === 'card') return envelopeOk(deputy);
      if (name === 'account' && body.action === 'me') return envelopeOk(me);
      if (name === 'contact' && body.action === 'send') {
        return envelopeOk({ threadId: 't42', messageId: 'm1', status: 'held' });
      }
      return { ok: false, error: { code: 'INTERNAL', message: 'unexpected' } };
    });
    page = await loadPage(root, 'pages/write/index', { code: 'AbC123' });
  });

  test('shows whom the message goes to and the verification hint', () => {
    expect(textOf(findByClass(page, 'write-title'))).toContain('写给 李秀英 代表');
    expect(textOf(findByClass(page, 'write-verify-hint'))).toContain('实名认证');
  });

  test('sending empty text shows an error and calls nothing', async () => {
    findByClass(page, 'write-send').dispatchEvent('tap');
    await simulate.sleep(50);
    expect(sends()).toHaveLength(0);
    const err = findByClass(page, 'write-error');
    expect(err).toBeTruthy();
    expect(textOf(err)).toContain('请先填写内容');
  });

  test('typing updates the counter; a failed send keeps the draft and its requestId', async () => {
    findByClass(page, 'write-textarea').dispatchEvent('input', { detail: { value: text } });
    await simulate.sleep(50);
    expect(textOf(findByClass(page, 'write-counter'))).toContain(`${text.length} / 1000`);
    expect(findByClass(page, 'write-error')).toBeFalsy();

    offline = true;
    findByClass(page, 'write-send').dispatchEvent('tap');
    await simulate.sleep(100);
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
    await simulate.sleep(100);

    expect(sends()).toHaveLength(2);
    const [first, second] = sends().map((c) => c.data);
    expect(second.action).toBe('send');
    expect(second.data).toEqual({ code: 'AbC123', category: '其他', text });
    expect(second.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(second.requestId).toBe(first.requestId);

    const result = findByClass(page, 'write-result');
    expect(result).toBeTruthy();
    expect(textOf(result)).toContain('已提交，内容审核后送达代表');
    expect(wx.removeStorageSync).toHaveBeenCalledWith('dl.draft.send.code:AbC123');
  });

  test('then goes to the thread page', async () => {
    await simulate.sleep(2700);
    expect(wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/thread/index?threadId=t42' }),
    );
  });
});
