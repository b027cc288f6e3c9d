/**
 * 我的预约 of the REAL weapp build: a booking shows its slot from start to end (the end read from its
 * day) and its code in two groups. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, textOf } = require('./helpers');
const { myBookings, ok, receptionDay, unexpected } = require('./fixtures');
const { dateLabel } = require('../../cloudfunctions/core/time');

const root = path.resolve(__dirname, '../../dist/weapp');

describe('my bookings (weapp build)', () => {
  let calls;
  let page;

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'reception' && body.action === 'myBookings') return ok(myBookings);
      if (name === 'reception' && body.action === 'day') return ok(receptionDay);
      return unexpected();
    });
    page = await loadPage(root, 'pages/bookings/index', {});
    await until(() => textOf(findByClass(page, 'booking-when')).includes('–'), 'the slot with its end');
  });

  test('shows the date and the slot from start to end, asking for its day once', () => {
    const whenText = textOf(findByClass(page, 'booking-when'));
    expect(whenText).toContain(dateLabel('2026-12-05'));
    expect(whenText).toContain('09:00–09:30');
    const days = calls.filter((c) => c.name === 'reception' && c.data.action === 'day');
    expect(days).toHaveLength(1);
    expect(days[0].data.data).toEqual({ dayId: 'day7' });
    expect(textOf(findByClass(page, 'booking-code'))).toBe('K7PX 3QMA');
  });
});
