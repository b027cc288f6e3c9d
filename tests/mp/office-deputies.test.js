/* global wx */
/**
 * The office's deputy profiles (REAL weapp build): a township office edits the deputies of its
 * township only; the rest are read-only and say so; a new deputy starts in the office's constituency;
 * saving says what was saved. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, flush, findByClass, findAllByClass, textOf, dataOf } = require('./helpers');
const { deputyIn, ok, regions, staffMe, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');
/** Typing into the search box, then the keyboard's 搜索 key. */
const type = (input, value) => {
  input.dispatchEvent('input', { detail: { value } });
  input.dispatchEvent('confirm', { detail: { value } });
};

const me = staffMe('青石镇人大 周干事', [
  { role: 'townshipOffice', scopeKind: 'township', scopeId: 'tw-qs' },
]);
const ours = deputyIn('dep-01', '李华', 'tw-qs');
const theirs = deputyIn('dep-09', '张秀兰', 'tw-lx');

describe('office deputies as a township office (weapp build)', () => {
  let calls;
  let page;
  const of = (action) => calls.filter((c) => c.name === 'contact' && c.data.action === action);

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'account' && body.action === 'regions') return ok(regions);
      if (name === 'contact' && body.action === 'deputies') {
        const items = body.data.townshipId === 'tw-qs' ? [ours] : [ours, theirs];
        const q = body.data.q;
        const found = q
          ? items.filter((d) => d.name.startsWith(q) || (q === 'li' && d.name === '李华'))
          : items;
        return ok({ items: found, nextCursor: null });
      }
      if (name === 'contact' && body.action === 'saveDeputy') {
        return ok({ ...ours, workUnit: body.data.workUnit, photoFileId: body.data.photoFileId ?? null });
      }
      return unexpected();
    });
    wx.showModal = jest.fn((opts) => {
      const res = { confirm: true, cancel: false, errMsg: 'showModal:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    wx.pageScrollTo = jest.fn(() => Promise.resolve({ errMsg: 'pageScrollTo:ok' }));
    wx.chooseImage = jest.fn((opts) => {
      const res = {
        tempFilePaths: ['wxfile://tmp/photo.jpg'],
        tempFiles: [{ path: 'wxfile://tmp/photo.jpg', size: 120_000 }],
        errMsg: 'chooseImage:ok',
      };
      opts.success?.(res);
      opts.complete?.(res);
      return Promise.resolve(res);
    });
    wx.cloud.uploadFile = jest.fn((opts) => {
      const res = { fileID: `cloud://env-1/${opts.cloudPath}`, errMsg: 'cloud.uploadFile:ok' };
      opts.success?.(res);
      opts.complete?.(res);
      return Promise.resolve(res);
    });
    page = await loadPage(root, 'office/deputies/index', {});
    await until(() => findAllByClass(page, 'deputy-row-item').length === 1, "the township's deputies");
  });

  test("lists its township's deputies by the server's filter, as editable", () => {
    expect(of('deputies')[0].data.data).toEqual({ townshipId: 'tw-qs' });
    expect(textOf(findByClass(page, 'deputy-row-item'))).toContain('李华');
    expect(findByClass(page, 'deputy-readonly')).toBeFalsy();
  });

  test('the other townships are read-only and say who keeps them', async () => {
    findByClass(page, 'others-open').dispatchEvent('tap');
    const row = await until(() => findByClass(page, 'deputy-readonly'), 'the read-only rows');
    expect(findAllByClass(page, 'deputy-readonly')).toHaveLength(1);
    expect(textOf(row)).toContain('张秀兰');
    expect(textOf(row)).toContain('只读');
    expect(textOf(row)).toContain('由柳溪乡人大维护');
    row.dispatchEvent('tap');
    await flush();
    expect(findByClass(page, 'deputy-form')).toBeFalsy();
  });

  test("新增代表 starts in the office's first constituency", async () => {
    findByClass(page, 'new-deputy').dispatchEvent('tap');
    const picker = await until(() => findByClass(page, 'deputy-constituency'), 'the form');
    expect(textOf(picker)).toContain('青石镇 · 青石镇第一选区');
    findByClass(page, 'deputy-cancel').dispatchEvent('tap');
    await until(() => !findByClass(page, 'deputy-form'), 'the form to close');
  });

  test('saving an own deputy confirms first, then says what was saved', async () => {
    findByClass(page, 'deputy-row-item').dispatchEvent('tap');
    await until(() => findByClass(page, 'deputy-form'), 'the form');
    expect(textOf(findByClass(page, 'deputy-constituency'))).toContain('青石镇第一选区');
    findByClass(page, 'deputy-work-unit').dispatchEvent('input', { detail: { value: '青石镇中心小学' } });
    await until(
      () => Object.values(dataOf(page, 'deputy-work-unit')).includes('青石镇中心小学'),
      'the typed work unit drawn',
    );
    findByClass(page, 'deputy-save').dispatchEvent('tap');
    const saved = await until(() => findByClass(page, 'deputy-saved'), 'the saved notice');
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    expect(of('saveDeputy')[0].data.data).toEqual(
      expect.objectContaining({ deputyId: 'dep-01', constituencyId: 'tw-qs-c1', workUnit: '青石镇中心小学' }),
    );
    expect(textOf(saved)).toContain('已保存：李华（青石镇 · 青石镇第一选区）');
  });

  test('the search box narrows the list by name or pinyin, and says so when nothing matches', async () => {
    const search = findByClass(page, 'name-search-input');
    type(search, ' li ');
    await until(() => of('deputies').some((c) => c.data.data.q === 'li'), 'a search for li');
    expect(of('deputies').find((c) => c.data.data.q === 'li').data.data).toEqual({
      townshipId: 'tw-qs',
      q: 'li',
    });
    type(search, '王');
    const empty = await until(
      () => textOf(page.querySelector('.office-deputies')).includes('没有找到“王”') && page,
      'the empty search',
    );
    expect(textOf(empty.querySelector('.office-deputies'))).toContain('请从姓开始输入');
    findByClass(page, 'name-search-clear').dispatchEvent('tap');
    await until(() => findAllByClass(page, 'deputy-row-item').length === 1, 'the whole list again');
  });

  test('the photo is picked from the phone, uploaded, and saved as its file id', async () => {
    findByClass(page, 'deputy-row-item').dispatchEvent('tap');
    await until(() => findByClass(page, 'deputy-form'), 'the form');
    expect(findByClass(page, 'deputy-photo-none')).toBeTruthy();
    expect(textOf(findByClass(page, 'deputy-form'))).not.toContain('照片地址');
    findByClass(page, 'deputy-photo-choose').dispatchEvent('tap');
    await until(() => findByClass(page, 'deputy-photo-preview'), 'the chosen photo');
    expect(wx.cloud.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ cloudPath: expect.stringMatching(/^uploads\/u4cbb06d1e2f3\/\w+\.jpg$/) }),
    );
    expect(textOf(findByClass(page, 'deputy-photo-choose'))).toContain('换一张照片');
    const before = of('saveDeputy').length;
    findByClass(page, 'deputy-save').dispatchEvent('tap');
    await until(() => of('saveDeputy').length > before, 'the save');
    expect(of('saveDeputy')[before].data.data.photoFileId).toMatch(
      /^cloud:\/\/env-1\/uploads\/u4cbb06d1e2f3\/\w+\.jpg$/,
    );
  });
});
