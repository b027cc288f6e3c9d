/* global wx */
/**
 * A real-name group's feed in the REAL weapp build (groups subpackage), rendered by miniprogram-simulate, as
 * the member 王小明 sees it: pinned on top, a photo shown and one withheld, the unread post marked and then
 * recorded as read in one call, no 已读 counts for members, the next page by its cursor, and a post opening.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, findAllByClass, textOf, dataOf } = require('./helpers');
const { ok, unexpected } = require('./fixtures');
const { memberFeed, memberFeedMore, read } = require('./groups-fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

describe('group feed page, a member (weapp build)', () => {
  let calls;
  let page;
  const of = (action) => calls.filter((c) => c.name === 'groups' && c.data.action === action);

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name !== 'groups') return unexpected();
      if (body.action === 'feed') return ok(body.data.cursor ? memberFeedMore : memberFeed);
      if (body.action === 'read') return ok(read(body.data.postIds.length));
      if (body.action === 'subscription')
        return ok({ kind: 'groups.post', templateId: null, longTerm: false, oneTime: 0 });
      return unexpected();
    });
    page = await loadPage(root, 'groups/feed/index', { groupId: 'g1' });
    await until(() => findAllByClass(page, 'post-card').length === 3, 'the first page of posts');
  });

  test('asks for the group’s first page, and shows the group', () => {
    expect(of('feed')[0].data.data).toEqual({ groupId: 'g1' });
    expect(textOf(findByClass(page, 'feed-group-name'))).toBe('青石镇第一选区选民群');
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith(
      expect.objectContaining({ title: '青石镇第一选区选民群' }),
    );
    expect(findByClass(page, 'feed-manage')).toBeFalsy();
  });

  test('pinned on top, then newest first; a member sees no 已读 counts', () => {
    const cards = findAllByClass(page, 'post-card');
    expect(textOf(cards[0])).toContain('置顶');
    expect(textOf(cards[0])).toContain('欢迎加入');
    expect(textOf(cards[1])).toContain('议事会');
    expect(findAllByClass(page, 'post-reach')).toHaveLength(0);
    expect(textOf(cards[2])).toContain('投票：2 个选项');
  });

  test('a passed photo is shown, a withheld one is said', () => {
    // Props travel under Taro's short keys: look for the value itself.
    expect(Object.values(dataOf(page, 'post-image'))).toContain('cloud://env.b/uploads/u9/abcdefgh12.jpg');
    expect(textOf(findByClass(page, 'post-images-withheld'))).toBe('另有 1 张图片正在审核，通过后显示');
  });

  test('the unread post is recorded as read in one call, and no longer marked', async () => {
    await until(() => of('read').length === 1, 'the read call');
    expect(of('read')[0].data.data).toEqual({ postIds: ['p-new'] });
    await until(() => findAllByClass(page, 'post-card--unread').length === 0, 'the mark to go');
  });

  test('the next page comes by its cursor and is added below', async () => {
    findByClass(page, 'load-more-button').dispatchEvent('tap');
    await until(() => findAllByClass(page, 'post-card').length === 4, 'the second page');
    expect(of('feed')[1].data.data).toEqual({ groupId: 'g1', cursor: 'cursor-2' });
    expect(textOf(findAllByClass(page, 'post-card')[3])).toContain('路灯已经修好');
    expect(textOf(findByClass(page, 'load-more'))).toContain('没有更多了');
  });

  test('a post opens its page', async () => {
    wx.navigateTo.mockClear();
    findAllByClass(page, 'post-card')[1].dispatchEvent('tap');
    await until(() => wx.navigateTo.mock.calls.length > 0, 'wx.navigateTo');
    expect(wx.navigateTo.mock.calls[0][0].url).toBe('/groups/post/index?postId=p-new');
  });
});
