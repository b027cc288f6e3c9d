/* global wx */
/**
 * The card page of the REAL weapp build (dist/weapp), rendered by miniprogram-simulate.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, textOf } = require('./helpers');
const { deputy, ok, refused, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

describe('card page (weapp build)', () => {
  let calls;
  let page;

  beforeAll(async () => {
    calls = setupWx((name, data) => {
      if (name === 'contact' && data.action === 'card') {
        return data.data.code === deputy.code ? ok(deputy) : refused('NOT_FOUND', '没有找到这张联系卡');
      }
      return unexpected();
    });
    page = await loadPage(root, 'pages/card/index', { scene: encodeURIComponent(deputy.code) });
    await until(() => findByClass(page, 'card-name'));
  });

  test('asks contact.card for the code from the scene', () => {
    const cardCalls = calls.filter((c) => c.name === 'contact' && c.data.action === 'card');
    expect(cardCalls.length).toBeGreaterThan(0);
    expect(cardCalls[0].data.data).toEqual({ code: deputy.code });
  });

  test('renders the deputy from the fed reply', () => {
    expect(textOf(findByClass(page, 'card-name'))).toContain('李秀英');
    const all = textOf(page.dom);
    expect(all).toContain('乡级人大代表');
    expect(all).toContain('第三选区');
    expect(all).toContain('青石镇人大代表之家');
    expect(all).toContain('0571-1234567');
  });

  test('给代表留言 navigates to the write page with the code', async () => {
    const button = findByClass(page, 'card-write-button');
    expect(button).toBeTruthy();
    expect(textOf(button)).toContain('给代表留言');
    wx.navigateTo.mockClear();
    button.dispatchEvent('tap');
    await until(() => wx.navigateTo.mock.calls.length > 0, 'wx.navigateTo');
    expect(wx.navigateTo).toHaveBeenCalledTimes(1);
    expect(wx.navigateTo.mock.calls[0][0].url).toBe('/pages/write/index?code=AbC123');
  });
});
