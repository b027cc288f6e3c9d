/**
 * The same feed page as its owner 李华 sees it: 已读 N / 成员 M on each post, held text marked, the way to
 * the group's management — and no read recorded (owners' reads do not count).
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, findAllByClass, textOf, flush } = require('./helpers');
const { ok, unexpected } = require('./fixtures');
const { ownerFeed } = require('./groups-fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

describe('group feed page, its owner (weapp build)', () => {
  let calls;
  let page;

  beforeAll(async () => {
    calls = setupWx((name, body) =>
      name === 'groups' && body.action === 'feed' ? ok(ownerFeed) : unexpected(),
    );
    page = await loadPage(root, 'groups/feed/index', { groupId: 'g1' });
    await until(() => findAllByClass(page, 'post-card').length === 2, 'the posts');
  });

  test('each post says 已读 N / 成员 M; held text is marked', () => {
    expect(findAllByClass(page, 'post-reach').map(textOf)).toEqual(['已读 1 / 成员 2', '已读 0 / 成员 2']);
    expect(textOf(findByClass(page, 'post-status'))).toBe('待审核');
  });

  test('offers the management, and records no read', async () => {
    findByClass(page, 'feed-manage').dispatchEvent('tap');
    await until(() => global.wx.navigateTo.mock.calls.length > 0, 'wx.navigateTo');
    expect(global.wx.navigateTo.mock.calls[0][0].url).toBe('/deputy/group/index?groupId=g1');
    await flush();
    expect(calls.filter((c) => c.data.action === 'read')).toHaveLength(0);
  });
});
