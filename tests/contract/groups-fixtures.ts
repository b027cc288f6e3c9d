/** Full groups records with plain defaults (beside fixtures.ts, in its style); pass overrides. */
import type {
  Group,
  GroupChat,
  GroupComment,
  GroupFanout,
  GroupMember,
  GroupPost,
  GroupPostEdit,
  GroupRead,
  GroupReport,
  GroupReview,
  GroupSubscription,
  GroupTally,
  GroupVote,
} from '../../cloudfunctions/modules/groups/records';
import { at, CONSTITUENCY, COUNTY, nextId, TOWNSHIP } from './fixtures';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
let codes = 0;
/** A group code unique in this process (G + 7 letters of the code alphabet). */
export const nextGroupCode = () => {
  let n = ++codes;
  let s = '';
  for (let i = 0; i < 7; i++, n = Math.floor(n / 32)) s = ALPHABET[n % 32] + s;
  return `G${s}`;
};

export const aGroup = (over: Partial<Group> = {}): Group => ({
  id: nextId('group'),
  code: nextGroupCode(),
  name: '第一选区选民群',
  description: '',
  kind: 'constituency',
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  constituencyId: CONSTITUENCY,
  stationId: null,
  joinRule: 'auto',
  memberCount: 0,
  pendingCount: 0,
  postSeq: 0,
  lastPostAt: null,
  lastPostExcerpt: '',
  createdBy: 'user-deputy',
  createdByDeputyId: 'deputy-1',
  codeFileId: null,
  createdAt: at(0),
  updatedAt: at(0),
  ...over,
});

export const aMember = (over: Partial<GroupMember> = {}): GroupMember => {
  const groupId = over.groupId ?? 'group-x';
  const userId = over.userId ?? nextId('user');
  return {
    id: `${groupId}:${userId}`,
    groupId,
    userId,
    status: 'member',
    active: true,
    muted: false,
    name: '王小明',
    maskedName: '王*明',
    constituencyId: CONSTITUENCY,
    inArea: true,
    via: 'code',
    chatId: null,
    chatCounted: false,
    seenSeq: 0,
    requestedAt: at(0),
    joinedAt: at(0),
    listedAt: at(0),
    updatedAt: at(0),
    ...over,
  };
};

export const aChat = (over: Partial<GroupChat> = {}): GroupChat => ({
  id: nextId('chat'),
  groupId: 'group-x',
  opengid: 'G-open-1',
  demo: false,
  members: 1,
  firstAt: at(0),
  lastAt: at(0),
  ...over,
});

export const aPost = (over: Partial<GroupPost> = {}): GroupPost => {
  const createdAt = over.createdAt ?? at(0);
  return {
    id: nextId('post'),
    groupId: 'group-x',
    countyId: COUNTY,
    townshipId: TOWNSHIP,
    constituencyId: CONSTITUENCY,
    stationId: null,
    kind: 'notice',
    authorUserId: 'user-deputy',
    authorDeputyId: 'deputy-1',
    authorName: '李华代表',
    text: '通知',
    images: [],
    imagesPending: false,
    poll: null,
    pollOpen: false,
    pollClosesAt: null,
    pinned: false,
    pinnedAt: null,
    feedKey: `0:${createdAt}`,
    status: 'visible',
    hiddenBy: null,
    announced: true,
    reviewed: false,
    reportCount: 0,
    commentCount: 0,
    version: 1,
    editedAt: null,
    refId: null,
    createdAt,
    updatedAt: createdAt,
    ...over,
  };
};

export const anEdit = (over: Partial<GroupPostEdit> = {}): GroupPostEdit => ({
  id: nextId('edit'),
  postId: 'post-x',
  groupId: 'group-x',
  version: 1,
  text: '旧文',
  editedBy: 'user-deputy',
  at: at(0),
  ...over,
});

export const aGroupComment = (over: Partial<GroupComment> = {}): GroupComment => ({
  id: nextId('gcomment'),
  postId: 'post-x',
  groupId: 'group-x',
  authorUserId: 'user-v',
  role: 'member',
  authorName: '王小明',
  publicName: '王*明',
  text: '好的',
  status: 'visible',
  hiddenBy: null,
  reviewed: false,
  reportCount: 0,
  createdAt: at(0),
  ...over,
});

export const aRead = (over: Partial<GroupRead> = {}): GroupRead => ({
  id: nextId('read'),
  postId: 'post-x',
  groupId: 'group-x',
  userId: 'user-v',
  at: at(0),
  ...over,
});

export const aVote = (over: Partial<GroupVote> = {}): GroupVote => ({
  id: nextId('vote'),
  postId: 'post-x',
  groupId: 'group-x',
  userId: 'user-v',
  option: 0,
  at: at(0),
  ...over,
});

export const aGroupTally = (over: Partial<GroupTally> = {}): GroupTally => ({
  id: nextId('tally'),
  postId: 'post-x',
  kind: 'votes',
  shard: 0,
  counts: [1, 0, 2],
  ...over,
});

export const aReport = (over: Partial<GroupReport> = {}): GroupReport => ({
  id: nextId('report'),
  groupId: 'group-x',
  targetKind: 'comment',
  targetId: 'gcomment-x',
  userId: 'user-v',
  reason: 'spam',
  at: at(0),
  ...over,
});

export const aReview = (over: Partial<GroupReview> = {}): GroupReview => ({
  id: nextId('review'),
  groupId: 'group-x',
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  constituencyId: CONSTITUENCY,
  stationId: null,
  targetKind: 'post',
  targetId: 'post-x',
  postId: 'post-x',
  reason: 'reports',
  open: true,
  excerpt: '内容',
  authorUserId: 'user-deputy',
  openedAt: at(0),
  closedAt: null,
  decision: null,
  ...over,
});

export const aFanout = (over: Partial<GroupFanout> = {}): GroupFanout => ({
  id: nextId('fanout'),
  groupId: 'group-x',
  postId: 'post-x',
  title: '有新公告',
  body: '通知',
  link: '/groups/post/index?postId=post-x',
  afterKey: null,
  afterId: null,
  sent: 0,
  done: false,
  createdAt: at(0),
  ...over,
});

export const aSubscription = (over: Partial<GroupSubscription> = {}): GroupSubscription => ({
  id: nextId('sub'),
  userId: 'user-v',
  kind: 'groups.post',
  longTerm: false,
  oneTime: 2,
  updatedAt: at(0),
  ...over,
});
