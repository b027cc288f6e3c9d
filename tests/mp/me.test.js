/* global wx */
/**
 * 我的 of the REAL weapp build (dist/weapp) as a deputy: the workbench comes first, no raw account id,
 * the voter verification folded behind one entry; opened, a wrong check digit is said once and the
 * field is brought into view. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, findAllByClass, textOf, dataOf } = require('./helpers');
const { ok, refused, staffMe, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

const me = staffMe('李华', [{ role: 'deputy', scopeKind: 'deputy', scopeId: 'dep-01' }], 'dep-01');
const CHECK_DIGIT = '身份证号码有误，请核对最后一位';

describe('我的 as a deputy (weapp build)', () => {
  let calls;
  let page;
  const verifies = () => calls.filter((c) => c.name === 'account' && c.data.action === 'verify');

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'account' && body.action === 'verify') {
        return refused('INVALID_INPUT', CHECK_DIGIT, { idNumber: CHECK_DIGIT });
      }
      return unexpected();
    });
    wx.pageScrollTo = jest.fn((opts = {}) => {
      const res = { errMsg: 'pageScrollTo:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    page = await loadPage(root, 'pages/me/index', {});
    await until(() => findByClass(page, 'me-name'), 'the account');
  });

  test('the workbench is the first menu; no verification form, no account id', () => {
    const menus = findAllByClass(page, 'menu');
    expect(textOf(menus[0])).toContain('代表工作台');
    expect(textOf(menus[0])).toContain('我的联系卡');
    expect(findByClass(page, 'verify-form')).toBeFalsy();
    const all = textOf(page.dom);
    expect(all).not.toMatch(/账号\s*ID/);
    expect(all).not.toContain('u4cbb06d');
    expect(textOf(findByClass(page, 'me-roles'))).toBe('人大代表');
  });

  test('verification is one folded entry that opens the form', async () => {
    const entry = findByClass(page, 'verify-open');
    expect(textOf(entry)).toContain('未实名认证');
    entry.dispatchEvent('tap');
    await until(() => findByClass(page, 'verify-form'), 'the verification form');
  });

  test('a wrong check digit is said once, and the field is brought into view', async () => {
    findByClass(page, 'verify-name').dispatchEvent('input', { detail: { value: '李华' } });
    findByClass(page, 'verify-id').dispatchEvent('input', { detail: { value: '530999198506150025' } });
    findByClass(page, 'verify-consent').dispatchEvent('tap');
    // The box is ticked once the page has drawn it (the tap handler then sees the consent).
    await until(() => Object.values(dataOf(page, 'verify-consent').cn[0]).includes(true), 'the ticked box');
    findByClass(page, 'verify-submit').dispatchEvent('tap');
    await until(() => textOf(findByClass(page, 'verify-form')).includes(CHECK_DIGIT), 'the refusal');
    expect(verifies()).toHaveLength(1);
    const form = textOf(findByClass(page, 'verify-form'));
    expect(form.split(CHECK_DIGIT).length - 1).toBe(1);
    // Beside the button: that a field above needs fixing (not the same words again).
    expect(textOf(findByClass(page, 'verify-error'))).toContain('需要改正');
    await until(() => wx.pageScrollTo.mock.calls.length > 0, 'wx.pageScrollTo');
    expect(wx.pageScrollTo.mock.calls[0][0]).toEqual(expect.objectContaining({ selector: '.field--error' }));
  });
});
