/** The groups answers the mp tests feed the pages, each parsed with its action's output schema. */
import type { PostView } from '../../cloudfunctions/modules/groups/contract';
import { answer } from './fixtures';

const group = {
  groupId: 'g1',
  code: 'GQSCZYL2',
  name: '青石镇第一选区选民群',
  placeName: '青石镇第一选区',
  description: '本选区实名认证选民与代表的联系群',
  memberCount: 2,
  muted: false,
};

const post = (over: Partial<PostView>): PostView => ({
  postId: 'p',
  groupId: 'g1',
  kind: 'notice',
  dayId: null,
  text: '通知',
  images: [],
  imagesWithheld: 0,
  pinned: false,
  authorName: '李华代表',
  mine: false,
  createdAt: '2026-11-19T02:00:00.000Z',
  editedAt: null,
  version: 1,
  status: 'visible',
  hiddenBy: null,
  commentCount: 0,
  read: true,
  readCount: null,
  memberCount: null,
  poll: null,
  ...over,
});

/** groups.feed, first page, for the member 王小明: a pinned welcome, a new notice not read yet, a poll. */
export const memberFeed = answer('groups', 'feed', {
  group: { ...group, role: 'member' },
  items: [
    post({ postId: 'p-welcome', pinned: true, text: '欢迎加入青石镇第一选区选民群！' }),
    post({
      postId: 'p-new',
      text: '本周六上午在村委会开议事会，欢迎参加。',
      read: false,
      createdAt: '2026-11-20T01:00:00.000Z',
      commentCount: 2,
      images: [{ fileId: 'cloud://env.b/uploads/u9/abcdefgh12.jpg', status: 'pass' }],
      imagesWithheld: 1,
    }),
    post({
      postId: 'p-poll',
      text: '下次接待日想谈什么？',
      poll: {
        options: ['道路交通', '养老医疗'],
        closesAt: '2026-11-25T02:00:00.000Z',
        closed: false,
        myVote: null,
        results: null,
        total: null,
      },
    }),
  ],
  nextCursor: 'cursor-2',
});

/** groups.feed, the next page. */
export const memberFeedMore = answer('groups', 'feed', {
  group: { ...group, role: 'member' },
  items: [post({ postId: 'p-old', text: '路灯已经修好。', createdAt: '2026-11-10T02:00:00.000Z' })],
  nextCursor: null,
});

/** groups.feed for the owner 李华: 已读 N / 成员 M on each post. */
export const ownerFeed = answer('groups', 'feed', {
  group: { ...group, role: 'owner' },
  items: [
    post({
      postId: 'p-new',
      text: '本周六上午在村委会开议事会，欢迎参加。',
      read: null,
      readCount: 1,
      memberCount: 2,
    }),
    post({
      postId: 'p-held',
      text: '待审核的公告',
      read: null,
      readCount: 0,
      memberCount: 2,
      status: 'held',
    }),
  ],
  nextCursor: null,
});

export const read = (n: number) => answer('groups', 'read', { read: n });
