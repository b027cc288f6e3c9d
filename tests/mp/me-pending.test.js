/* global wx */
/**
 * 我的 of the REAL weapp build for an account whose verification waits for the township office: it says
 * 已提交，等待乡镇人大核实 instead of offering the form again; and a deputy-to-be links their account with
 * the invitation code the office gave them (typed with a space, as read from a message), after which
 * 我的 shows the deputy's workbench. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, textOf } = require('./helpers');
const { ok, refused, pendingMe, staffMe, deputyIn, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');
const linked = staffMe('刘桂英', [{ role: 'deputy', scopeKind: 'deputy', scopeId: 'dep-02' }], 'dep-02');

describe('我的 while verification waits, and linking a deputy account (weapp build)', () => {
  let calls;
  let page;
  let me = pendingMe;
  const accepts = () => calls.filter((c) => c.name === 'contact' && c.data.action === 'acceptInvite');

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'contact' && body.action === 'acceptInvite') {
        if (body.data.code.replace(/\s/g, '').toUpperCase() !== 'K7QM3XPA')
          return refused('NOT_FOUND', '邀请码无效或已过期，请向乡镇人大索取新的邀请码');
        me = linked;
        return ok(deputyIn('dep-02', '刘桂英', 'tw-qs'));
      }
      return unexpected();
    });
    wx.showModal = jest.fn((opts = {}) => {
      const res = { confirm: true, cancel: false, errMsg: 'showModal:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    page = await loadPage(root, 'pages/me/index', {});
    await until(() => findByClass(page, 'me-name'), 'the account');
  });

  test('the claim waits: no form, the words say so', () => {
    expect(findByClass(page, 'verify-form')).toBeFalsy();
    expect(textOf(findByClass(page, 'verify-pending'))).toContain('已提交，等待乡镇人大核实');
    expect(textOf(findByClass(page, 'me-verify-state'))).toContain('等待乡镇人大核实');
  });

  test('a wrong code is refused under the field; the right one links the account and shows the workbench', async () => {
    findByClass(page, 'invite-open').dispatchEvent('tap');
    await until(() => findByClass(page, 'invite-form'), 'the invitation form');
    findByClass(page, 'invite-code').dispatchEvent('input', { detail: { value: 'AAAA BBBB' } });
    findByClass(page, 'invite-submit').dispatchEvent('tap');
    await until(() => textOf(findByClass(page, 'invite-form')).includes('邀请码无效'), 'the refusal');
    findByClass(page, 'invite-code').dispatchEvent('input', { detail: { value: 'k7qm 3xpa' } });
    findByClass(page, 'invite-submit').dispatchEvent('tap');
    await until(() => findByClass(page, 'deputy-link'), "the deputy's workbench");
    expect(accepts()).toHaveLength(2);
    expect(findByClass(page, 'invite-form')).toBeFalsy();
    expect(findByClass(page, 'invite-open')).toBeFalsy();
  });
});
