/* global wx */
/**
 * The card page of the REAL weapp build with a code nobody has: no 重试 (it would fail the same), but
 * the way to the deputies. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, textOf } = require('./helpers');
const { ok, refused } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

describe('an unknown card code (weapp build)', () => {
  let page;

  beforeAll(async () => {
    setupWx((name, body) =>
      name === 'contact' && body.action === 'card' ? refused('NOT_FOUND', '没有找到这张联系卡') : ok({}),
    );
    page = await loadPage(root, 'pages/card/index', { scene: 'ZZZZ9999' });
    await until(() => findByClass(page, 'state--error'), 'the error state');
  });

  test('says what happened and offers the deputies instead of 重试', async () => {
    expect(textOf(findByClass(page, 'state--error'))).toContain('请重新扫码，或在代表名单中找到代表');
    expect(findByClass(page, 'retry-button')).toBeFalsy();
    findByClass(page, 'card-deputies-link').dispatchEvent('tap');
    await until(() => wx.switchTab.mock.calls.length > 0, 'wx.switchTab');
    expect(wx.switchTab.mock.calls[0][0].url).toBe('/pages/home/index');
  });
});
