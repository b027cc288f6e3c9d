/**
 * 我的预约 of the REAL weapp build: a booking shows its slot from start to end (from the booking itself,
 * one unbroken unit), its code in two groups, and — once visited — what the deputy promised.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findAllByClass, findByClass, textOf } = require('./helpers');
const { myBookings, ok, unexpected } = require('./fixtures');
const { dateLabel } = require('../../cloudfunctions/core/time');

const root = path.resolve(__dirname, '../../dist/weapp');

/** The elements inside one element of the page that carry a class (the build prefixes it: page--num). */
const within = (node, cls) =>
  Array.from(node.dom.querySelectorAll('*')).filter((e) =>
    String(e.className)
      .split(/\s+/)
      .some((c) => c === cls || c.endsWith(`--${cls}`)),
  );

describe('my bookings (weapp build)', () => {
  let calls;
  let page;

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'reception' && body.action === 'myBookings') return ok(myBookings);
      return unexpected();
    });
    page = await loadPage(root, 'pages/bookings/index', {});
    await until(() => findAllByClass(page, 'booking').length === 2, 'the two bookings');
  });

  test('shows the date and the slot from start to end, unbroken, asking for nothing else', () => {
    const whenText = textOf(findByClass(page, 'booking-when'));
    expect(whenText).toContain(dateLabel('2026-12-05'));
    expect(whenText).toContain('09:00–09:30');
    const hours = within(findByClass(page, 'booking-when'), 'num').map(textOf);
    expect(hours).toContain('09:00–09:30');
    expect(calls.map((c) => `${c.name}.${c.data.action}`)).toEqual(['reception.myBookings']);
    expect(textOf(findByClass(page, 'booking-code'))).toBe('K7PX 3QMA');
  });

  test('a visited booking shows what the deputy promised; one not yet visited shows none', () => {
    const [upcoming, visited] = findAllByClass(page, 'booking');
    expect(within(upcoming, 'booking-promise')).toHaveLength(0);
    const [promise] = within(visited, 'booking-promise');
    expect(textOf(promise)).toContain('李华 代表的答复');
    expect(textOf(within(visited, 'booking-promise-text')[0])).toBe('一周内联系城建办维修，并电话告知您');
    expect(textOf(within(visited, 'booking-when')[0])).toContain('14:30–15:00');
  });
});
