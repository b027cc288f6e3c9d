/* global wx */
/**
 * The office's voter register (REAL weapp build), a constituency chosen before: the list is searched by
 * name or pinyin (the query goes to account.register as q, the list starts again), an empty result says
 * so in Chinese, and 加载更多 keeps the search. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, findAllByClass, textOf } = require('./helpers');
const { ok, regions, staffMe, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');
/** Typing into the search box, then the keyboard's 搜索 key. */
const type = (input, value) => {
  input.dispatchEvent('input', { detail: { value } });
  input.dispatchEvent('confirm', { detail: { value } });
};
const me = staffMe('青石镇人大 周干事', [
  { role: 'townshipOffice', scopeKind: 'township', scopeId: 'tw-qs' },
]);
const entry = (entryId, name) => ({
  entryId,
  name,
  idMasked: '5301**********1234',
  phoneMasked: null,
  bound: false,
});
const REGISTER = [entry('e1', '李华'), entry('e2', '李明'), entry('e3', '宋佳'), entry('e4', '萧红')];

describe('office register, searched (weapp build)', () => {
  let calls;
  let page;
  const registerCalls = () => calls.filter((c) => c.name === 'account' && c.data.action === 'register');

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'account' && body.action === 'regions') return ok(regions);
      if (name === 'account' && body.action === 'register') {
        const { q, cursor } = body.data;
        const found = q
          ? REGISTER.filter((e) => e.name.startsWith(q) || (q === 'li' && e.name.startsWith('李')))
          : REGISTER;
        if (q === 'li')
          return ok(
            cursor
              ? { items: found.slice(1), nextCursor: null }
              : { items: found.slice(0, 1), nextCursor: 'c-li' },
          );
        return ok({ items: found, nextCursor: null });
      }
      return unexpected();
    });
    wx.setStorageSync('dl.register.constituency', 'tw-qs-c1');
    page = await loadPage(root, 'office/register/index', {});
    await until(() => textOf(page.querySelector('.register-page')).includes('萧红'), 'the register');
  });

  test('the whole register first, then what a search matches, page by page', async () => {
    expect(registerCalls()[0].data.data).toEqual({ constituencyId: 'tw-qs-c1' });
    expect(findByClass(page, 'btn-missing')).toBeFalsy();
    const search = findByClass(page, 'name-search-input');
    type(search, ' li ');
    await until(() => !textOf(page.querySelector('.register-page')).includes('萧红'), 'the search');
    expect(registerCalls().at(-1).data.data).toEqual({ constituencyId: 'tw-qs-c1', q: 'li' });
    const more = await until(() => findByClass(page, 'load-more-button'), '加载更多');
    more.dispatchEvent('tap');
    await until(() => textOf(page.querySelector('.register-page')).includes('李明'), 'the next page');
    expect(registerCalls().at(-1).data.data).toEqual({ constituencyId: 'tw-qs-c1', q: 'li', cursor: 'c-li' });
    expect(textOf(page.querySelector('.register-page'))).not.toContain('宋佳');
  });

  test('nothing found says so in Chinese; 清除 brings the whole register back', async () => {
    const search = findByClass(page, 'name-search-input');
    type(search, '王');
    await until(
      () => textOf(page.querySelector('.register-page')).includes('没有找到“王”'),
      'the empty result',
    );
    expect(textOf(page.querySelector('.register-page'))).toContain('请从姓开始输入，如“李”或“li”');
    findByClass(page, 'name-search-clear').dispatchEvent('tap');
    await until(() => textOf(page.querySelector('.register-page')).includes('萧红'), 'the whole register');
    expect(findAllByClass(page, 'table-row').length).toBe(4);
  });
});
