/* global wx */
/**
 * A draft reception day on the office's day page (REAL weapp build): 发布接待日 cannot be published yet,
 * so it is greyed out, says what is missing, and a tap does nothing (WeChat still delivers taps to a
 * disabled button). Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, flush, findByClass, textOf } = require('./helpers');
const { ok, receptionDay, regions, staffMe, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

const me = staffMe('青石镇人大 周干事', [
  { role: 'townshipOffice', scopeKind: 'township', scopeId: 'tw-qs' },
]);
const draft = {
  ...receptionDay,
  status: 'draft',
  bookingOpen: false,
  deputies: [{ deputyId: 'dep-01', name: '李华', status: 'invited', reason: null, attended: false }],
};

describe('publishing a draft day (weapp build)', () => {
  let calls;
  let page;

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'account' && body.action === 'regions') return ok(regions);
      if (name === 'reception' && body.action === 'day') return ok(draft);
      return unexpected();
    });
    wx.showModal = jest.fn(() => Promise.resolve({ confirm: true, cancel: false }));
    page = await loadPage(root, 'office/day/index', { dayId: 'day7' });
    await until(() => findByClass(page, 'publish-button'), 'the publish part');
  });

  test('the button is greyed out and says what is missing under it', () => {
    const button = findByClass(page, 'publish-button');
    expect(button.dom.className).toContain('btn--disabled');
    expect(textOf(findByClass(page, 'btn-missing'))).toContain('还不能发布：还没有代表确认参加');
  });

  test('a tap does nothing', async () => {
    findByClass(page, 'publish-button').dispatchEvent('tap');
    await flush();
    expect(wx.showModal).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.data.action === 'publish')).toHaveLength(0);
  });
});
