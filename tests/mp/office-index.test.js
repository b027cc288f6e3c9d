/* global wx */
/**
 * The workbench of station staff (REAL weapp build): a published day at their station today is one tap
 * from its check-in. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, findAllByClass, textOf } = require('./helpers');
const { ok, receptionDay, staffMe, unexpected } = require('./fixtures');
const { addDays, chinaDate, chinaInstant } = require('../../cloudfunctions/core/time');

const root = path.resolve(__dirname, '../../dist/weapp');

const me = staffMe('赵站长', [{ role: 'stationStaff', scopeKind: 'station', scopeId: 'st1' }]);
const on = (dayId, date) => ({
  ...receptionDay,
  dayId,
  date,
  startsAt: chinaInstant(date, '09:00'),
  endsAt: chinaInstant(date, '11:30'),
});

describe('the workbench of station staff (weapp build)', () => {
  let calls;
  let page;

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'reception' && body.action === 'days') {
        return ok({ items: [on('dT', chinaDate()), on('dN', addDays(chinaDate(), 1))], nextCursor: null });
      }
      return unexpected();
    });
    page = await loadPage(root, 'office/index/index', {});
    await until(() => findByClass(page, 'today-checkin-item'), "today's check-in");
  });

  test("asks for published days from today and offers only today's", () => {
    const days = calls.filter((c) => c.name === 'reception' && c.data.action === 'days');
    expect(days[0].data.data).toEqual({ status: 'published', fromDate: chinaDate() });
    const items = findAllByClass(page, 'today-checkin-item');
    expect(items).toHaveLength(1);
    expect(textOf(items[0])).toContain('今日接待签到');
    expect(textOf(items[0])).toContain('今天 09:00–11:30 · 青石镇人大代表之家');
  });

  test("one tap opens today's day at its check-in", async () => {
    findByClass(page, 'today-checkin-item').dispatchEvent('tap');
    await until(() => wx.navigateTo.mock.calls.length > 0, 'wx.navigateTo');
    expect(wx.navigateTo.mock.calls[0][0].url).toBe('/office/day/index?dayId=dT&tab=checkin');
  });
});
