/**
 * 通知 of the REAL weapp build: the dates the functions write (2026-12-05) read in China time as people
 * say them, and a booking code in its two groups. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findAllByClass, textOf } = require('./helpers');
const { notificationsPage, ok, unexpected } = require('./fixtures');
const { dateLabel, when } = require('../../cloudfunctions/core/time');

const root = path.resolve(__dirname, '../../dist/weapp');

describe('notifications (weapp build)', () => {
  let page;

  beforeAll(async () => {
    setupWx((name, body) => {
      if (name === 'account' && body.action === 'notifications') return ok(notificationsPage);
      return unexpected();
    });
    page = await loadPage(root, 'pages/notifications/index', {});
    await until(() => findAllByClass(page, 'notification').length === 2, 'the notifications');
  });

  test('no raw dates: the day as a date label, the time as when()', () => {
    const [first, second] = findAllByClass(page, 'notification').map(textOf);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(first).toContain(dateLabel('2026-12-05'));
    expect(first).toContain('青石镇人大代表之家：听取群众对村道改造的意见');
    expect(textOf(findAllByClass(page, 'notification-time')[0])).toContain(when('2026-11-28T01:05:00.000Z'));
    expect(second).toContain('预约码 K7PX 3QMA');
  });
});
