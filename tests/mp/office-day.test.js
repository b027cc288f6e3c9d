/* global wx */
/**
 * A reception day at the desk (REAL weapp build), as station staff: 到场 and the visit form are offered
 * only from the day itself (China date), and a mistyped booking code is told what codes never contain.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, flush, findByClass, findAllByClass, textOf } = require('./helpers');
const { ok, receptionDayOn, regions, staffMe, unexpected } = require('./fixtures');
const { addDays, chinaDate } = require('../../cloudfunctions/core/time');

const root = path.resolve(__dirname, '../../dist/weapp');

const me = staffMe('赵站长', [{ role: 'stationStaff', scopeKind: 'station', scopeId: 'st1' }]);

describe('office reception day as station staff (weapp build)', () => {
  let calls;
  let page;
  let day = receptionDayOn(addDays(chinaDate(), 7));
  const of = (action) => calls.filter((c) => c.name === 'reception' && c.data.action === action);

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'account' && body.action === 'regions') return ok(regions);
      if (name === 'reception' && body.action === 'day') return ok(day);
      if (name === 'reception' && body.action === 'dayBookings') return ok({ items: [], nextCursor: null });
      if (name === 'reception' && body.action === 'visits') return ok({ items: [], nextCursor: null });
      return unexpected();
    });
    wx.showModal = jest.fn((opts) => {
      const res = { confirm: false, cancel: true, errMsg: 'showModal:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    page = await loadPage(root, 'office/day/index', { dayId: 'day7', tab: 'arrange' });
    await until(() => findAllByClass(page, 'assignment').length === 1, "the day's deputies");
  });

  test('a week ahead, the confirmed deputy has no 到场 button, only a word on when', () => {
    expect(textOf(findByClass(page, 'assignment'))).toContain('李华');
    expect(findByClass(page, 'attend-button')).toBeFalsy();
    expect(textOf(findByClass(page, 'attend-hint'))).toContain('接待日当天');
  });

  test('a week ahead, no visit can be recorded yet, and the page says from when', async () => {
    findByClass(page, 'day-tab--visits').dispatchEvent('tap');
    const note = await until(
      () => findByClass(page, 'visit-not-yet'),
      'the word on when visits are recorded',
    );
    expect(textOf(note)).toContain('接待日当天起');
    expect(findByClass(page, 'visit-save')).toBeFalsy();
    findByClass(page, 'day-tab--arrange').dispatchEvent('tap');
    await until(() => findAllByClass(page, 'assignment').length === 1, 'the arrangement again');
  });

  test('on the day itself, 到场 is offered', async () => {
    day = receptionDayOn(chinaDate());
    const asked = of('day').length;
    const refresh = findAllByClass(page, 'btn--small').find((b) => textOf(b) === '刷新数字');
    refresh.dispatchEvent('tap');
    await until(() => of('day').length > asked, 'reception.day asked again');
    const button = await until(() => findByClass(page, 'attend-button'), 'the 到场 button');
    expect(textOf(button)).toBe('到场');
    expect(findByClass(page, 'attend-hint')).toBeFalsy();
  });

  test('a code with O, I, 0 or 1 is told so at check-in, and not sent', async () => {
    findByClass(page, 'day-tab--checkin').dispatchEvent('tap');
    const input = await until(() => findByClass(page, 'checkin-input'), 'the check-in box');
    input.dispatchEvent('input', { detail: { value: 'O0I1ABCD' } });
    await flush();
    findByClass(page, 'checkin-submit').dispatchEvent('tap');
    const error = await until(() => findByClass(page, 'checkin-error'), 'the check-in error');
    expect(textOf(error)).toContain('预约码不含字母 O、I 和数字 0、1');
    expect(of('checkIn')).toHaveLength(0);
  });
});
