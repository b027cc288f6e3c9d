/**
 * The township office's workbench (REAL weapp build) says what waits for it: held messages, open
 * verification conflicts and draft days a deputy has not answered yet, each beside its entry (100 and
 * more as 99+). Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, textOf } = require('./helpers');
const { ok, answer, receptionDay, staffMe, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');
const me = staffMe('周干事', [{ role: 'townshipOffice', scopeKind: 'township', scopeId: 'tw-qs' }]);
const draft = (dayId, status) => ({
  ...receptionDay,
  dayId,
  status: 'draft',
  deputies: [{ deputyId: 'dep-01', name: '李华', status, reason: null, attended: false }],
});

describe('the township office workbench (weapp build)', () => {
  let page;

  beforeAll(async () => {
    setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'contact' && body.action === 'held')
        return ok(answer('contact', 'held', { items: [], nextCursor: null, waiting: 100 }));
      if (name === 'account' && body.action === 'conflicts')
        return ok(answer('account', 'conflicts', { items: [], nextCursor: null, open: 1 }));
      if (name === 'reception' && body.action === 'days') {
        if (body.data.status === 'draft')
          return ok({ items: [draft('d1', 'invited'), draft('d2', 'confirmed')], nextCursor: null });
        return ok({ items: [], nextCursor: null });
      }
      return unexpected();
    });
    page = await loadPage(root, 'office/index/index', {});
    await until(() => findByClass(page, 'office-pending--held'), 'the waiting counts');
  });

  test('each count stands beside its entry', () => {
    expect(textOf(findByClass(page, 'office-pending--held'))).toBe('99+');
    expect(textOf(findByClass(page, 'office-pending--conflicts'))).toBe('1');
    // One draft still waits for its deputy; the confirmed one does not count.
    expect(textOf(findByClass(page, 'office-pending--awaiting'))).toBe('1');
  });
});
