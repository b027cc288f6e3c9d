/**
 * The office's voter register (REAL weapp build) before a constituency is chosen: both import buttons are
 * greyed out and say what is missing (请先选择选区), and a tap imports nothing. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, flush, findByClass, findAllByClass, textOf } = require('./helpers');
const { ok, regions, staffMe, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');
const me = staffMe('青石镇人大 周干事', [
  { role: 'townshipOffice', scopeKind: 'township', scopeId: 'tw-qs' },
]);

test('the import buttons say 请先选择选区 until a constituency is chosen', async () => {
  const calls = setupWx((name, body) => {
    if (name === 'account' && body.action === 'me') return ok(me);
    if (name === 'account' && body.action === 'regions') return ok(regions);
    return unexpected();
  });
  const page = await loadPage(root, 'office/register/index', {});
  await until(() => findAllByClass(page, 'btn-missing').length === 2, 'what the buttons wait for');
  for (const m of findAllByClass(page, 'btn-missing')) expect(textOf(m)).toBe('请先选择选区');
  expect(findByClass(page, 'register-import').dom.className).toContain('btn--disabled');
  expect(findByClass(page, 'register-file').dom.className).toContain('btn--disabled');
  findByClass(page, 'register-import').dispatchEvent('tap');
  await flush();
  expect(calls.filter((c) => c.data.action === 'importRegister')).toHaveLength(0);
  expect(calls.filter((c) => c.data.action === 'register')).toHaveLength(0);
});
