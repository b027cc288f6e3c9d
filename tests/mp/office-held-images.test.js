/* global wx */
/**
 * The office's 待审核 page (REAL weapp build) lists the images held for review — a group post's and a
 * report's — each with 公开 / 不予公开; a decision, once confirmed, goes to the image's own module
 * (groups.reviewImage / cases.reviewImage) and the image leaves the list. Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findAllByClass, textOf } = require('./helpers');
const { ok, answer, staffMe, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');
const me = staffMe('周干事', [{ role: 'townshipOffice', scopeKind: 'township', scopeId: 'tw-qs' }]);
const postImage = {
  postId: 'p1',
  fileId: 'local://uploads/u1/abcdefgh.jpg',
  label: '青石镇第一选区选民群：本周通知',
  heldAt: '2026-11-20T02:00:00.000Z',
};
const caseImage = {
  caseId: 'k1',
  fileId: 'local://uploads/u2/ijklmnop.jpg',
  label: '交通出行：村口道路破损',
  heldAt: '2026-11-21T02:00:00.000Z',
};

describe('held images on the office 待审核 page (weapp build)', () => {
  let calls;
  let page;

  beforeAll(async () => {
    wx.showModal = jest.fn((opts = {}) => {
      const res = { confirm: true, cancel: false, errMsg: 'showModal:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    calls = setupWx((name, body) => {
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'contact' && body.action === 'held')
        return ok(answer('contact', 'held', { items: [], nextCursor: null, waiting: 0 }));
      if (name === 'groups' && body.action === 'heldImages')
        return ok(answer('groups', 'heldImages', { items: [postImage], nextCursor: null }));
      if (name === 'cases' && body.action === 'heldImages')
        return ok(answer('cases', 'heldImages', { items: [caseImage], nextCursor: null }));
      if (body.action === 'reviewImage')
        return ok(
          answer(name, 'reviewImage', {
            fileId: body.data.fileId,
            status: body.data.decision === 'release' ? 'pass' : 'hidden',
          }),
        );
      return unexpected();
    });
    page = await loadPage(root, 'office/held/index', {});
    await until(() => findAllByClass(page, 'held-image').length === 2, 'both held images');
  });

  test('each held image says what it belongs to', () => {
    const rows = findAllByClass(page, 'held-image').map(textOf);
    expect(rows[0]).toContain('青石镇第一选区选民群：本周通知');
    expect(rows[1]).toContain('交通出行：村口道路破损');
  });

  test('公开 on the post image and 不予公开 on the report photo go to their modules; both leave the list', async () => {
    findAllByClass(page, 'held-image-release')[0].dispatchEvent('tap');
    await until(() => findAllByClass(page, 'held-image').length === 1, 'the post image to leave');
    findAllByClass(page, 'held-image-hide')[0].dispatchEvent('tap');
    await until(() => findAllByClass(page, 'held-image').length === 0, 'the report photo to leave');
    expect(calls.filter((c) => c.data.action === 'reviewImage').map((c) => [c.name, c.data.data])).toEqual([
      ['groups', { postId: 'p1', fileId: postImage.fileId, decision: 'release' }],
      ['cases', { caseId: 'k1', fileId: caseImage.fileId, decision: 'hide' }],
    ]);
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '不予公开' }));
  });
});
