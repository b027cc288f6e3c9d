/**
 * Real-name groups (实名制群): a group of verified voters of one constituency (or one station's area), its
 * members, the WeChat chats linked to it, posts with images and polls, comments, reads, votes, reports and
 * what waits for review, the notifications' fan-out, and the subscriptions members granted.
 */
import type { MediaStatus } from '../shared/public';

export interface Group {
  id: string;
  /** Short code (the mini-program code's scene): `G` + 7 of CODE_ALPHABET. */
  code: string;
  name: string;
  description: string;
  /** A constituency's group (owned by its deputies) or a station's (owned by its staff). */
  kind: 'constituency' | 'station';
  countyId: string;
  townshipId: string;
  constituencyId: string | null;
  stationId: string | null;
  joinRule: 'auto' | 'approval';
  /** Members now (not pending, removed or gone). */
  memberCount: number;
  pendingCount: number;
  /** Posts members have been shown, counted as each becomes visible: a member's unread = postSeq − seenSeq. */
  postSeq: number;
  lastPostAt: string | null;
  lastPostExcerpt: string;
  createdBy: string;
  createdByDeputyId: string | null;
  /** The code's image in storage, made on first ask. */
  codeFileId: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * One person's place in one group (`${groupId}:${userId}`). Read from storage on every call, so removing or
 * muting takes effect at once, for sessions started before too.
 */
export interface GroupMember {
  id: string;
  groupId: string;
  userId: string;
  status: 'member' | 'pending' | 'removed' | 'left';
  /** Member or pending: listed in 我的群. */
  active: boolean;
  muted: boolean;
  /** The registered name (owners and office staff only); members see `maskedName`. */
  name: string;
  maskedName: string;
  constituencyId: string | null;
  /** Whether they are a voter of the group's constituency (or station area). */
  inArea: boolean;
  via: 'code' | 'card' | 'chat';
  /** The linked chat (groupChats id) they came through, if any. */
  chatId: string | null;
  /** Counted among that chat's members (while they are a member). */
  chatCounted: boolean;
  /** The group's postSeq when they last opened its feed. */
  seenSeq: number;
  requestedAt: string;
  joinedAt: string | null;
  /** The member list's order: when they joined (or asked to). */
  listedAt: string;
  updatedAt: string;
}

/** A WeChat chat linked to a group (`${groupId}:${hash of opengid}`): recognised one member at a time. */
export interface GroupChat {
  id: string;
  groupId: string;
  /** As WeChat gives it for this mini-program; never the chat's name (we cannot read it). */
  opengid: string;
  /** Stands in for a chat on the local host. */
  demo: boolean;
  /** Verified members who came through it and are members now. */
  members: number;
  firstAt: string;
  lastAt: string;
}

export interface PostImage {
  fileId: string;
  status: MediaStatus;
  /** The check still waiting for WeChat's answer. */
  traceId: string | null;
}

export interface Poll {
  /** Single choice, voted by index. */
  options: string[];
  closesAt: string;
  closedAt: string | null;
}

/** A post (群公告) by an owner, or the announcement of a reception day. */
export interface GroupPost {
  id: string;
  groupId: string;
  countyId: string;
  townshipId: string;
  constituencyId: string | null;
  stationId: string | null;
  kind: 'notice' | 'reception';
  authorUserId: string;
  authorDeputyId: string | null;
  /** 李华代表 / 青石镇人大代表之家 */
  authorName: string;
  text: string;
  images: PostImage[];
  /** Some image still waits for its check (the timer and the check's event settle it). */
  imagesPending: boolean;
  poll: Poll | null;
  /** Open poll (for the timer's closing). */
  pollOpen: boolean;
  pollClosesAt: string | null;
  pinned: boolean;
  pinnedAt: string | null;
  /** The feed's order, newest first with pinned on top: `1:<pinnedAt>` or `0:<createdAt>`. */
  feedKey: string;
  /** held: the content check's review (author and staff only); hidden: by an owner, the office, or reports. */
  status: 'visible' | 'held' | 'hidden';
  hiddenBy: 'reports' | 'owner' | 'office' | null;
  /** Shown to members and counted in postSeq, once (notifications went out). */
  announced: boolean;
  /** Restored after a review: further reports no longer hide it. */
  reviewed: boolean;
  reportCount: number;
  commentCount: number;
  version: number;
  editedAt: string | null;
  /** What it announces (a reception day), if anything. */
  refId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A post's earlier text, kept when it is edited (`${postId}:${version}` of the text replaced). */
export interface GroupPostEdit {
  id: string;
  postId: string;
  groupId: string;
  version: number;
  text: string;
  editedBy: string;
  at: string;
}

export interface GroupComment {
  id: string;
  postId: string;
  groupId: string;
  authorUserId: string;
  role: 'member' | 'owner';
  /** Registered name, or 李华代表 (owners and office staff see this). */
  authorName: string;
  /** 王*明 or 李华代表 (what members see). */
  publicName: string;
  text: string;
  status: 'visible' | 'held' | 'hidden';
  hiddenBy: 'reports' | 'owner' | 'office' | null;
  reviewed: boolean;
  reportCount: number;
  createdAt: string;
}

/** A member's first read of a post (`${postId}:${userId}`). */
export interface GroupRead {
  id: string;
  postId: string;
  groupId: string;
  userId: string;
  at: string;
}

/** A member's one vote in a poll (`${postId}:${userId}`). */
export interface GroupVote {
  id: string;
  postId: string;
  groupId: string;
  userId: string;
  option: number;
  at: string;
}

/**
 * One shard of a post's counters (`${postId}:${kind}:${shard}`), added to in the unit of work of each read
 * or vote: `reads` keeps one count, `votes` one per option. Summed for the view; spread so that a rush of
 * members reading or voting seldom writes the same document (CloudBase aborts such transactions).
 */
export interface GroupTally {
  id: string;
  postId: string;
  kind: 'reads' | 'votes';
  shard: number;
  counts: number[];
}

/** One person's report of a post or comment (`${targetId}:${userId}`): one each. */
export interface GroupReport {
  id: string;
  groupId: string;
  targetKind: 'post' | 'comment';
  targetId: string;
  userId: string;
  reason: 'spam' | 'offensive' | 'irrelevant';
  at: string;
}

/** What waits for a review (by its target's id): hidden by reports, or held by the content check. */
export interface GroupReview {
  id: string;
  groupId: string;
  countyId: string;
  townshipId: string;
  constituencyId: string | null;
  stationId: string | null;
  targetKind: 'post' | 'comment';
  targetId: string;
  postId: string;
  reason: 'reports' | 'held';
  open: boolean;
  excerpt: string;
  authorUserId: string;
  openedAt: string;
  closedAt: string | null;
  decision: 'restore' | 'hide' | null;
}

/**
 * A post's notifications to every member, written by the timer in bounded batches (`afterKey`/`afterId`:
 * the last member reached), so that posting to a group of thousands writes one document in the request.
 */
export interface GroupFanout {
  id: string;
  groupId: string;
  postId: string;
  title: string;
  body: string;
  link: string;
  afterKey: string | null;
  afterId: string | null;
  sent: number;
  done: boolean;
  createdAt: string;
}

/**
 * What a user granted for one kind of notice (`${userId}:${kind}`): a long-term subscription, or one-time
 * subscriptions in hand (each allows one message; used up as messages go out).
 */
export interface GroupSubscription {
  id: string;
  userId: string;
  kind: string;
  longTerm: boolean;
  oneTime: number;
  updatedAt: string;
}

declare module '../../core/records' {
  interface Collections {
    groups: Group;
    groupMembers: GroupMember;
    groupChats: GroupChat;
    groupPosts: GroupPost;
    groupPostEdits: GroupPostEdit;
    groupComments: GroupComment;
    groupReads: GroupRead;
    groupVotes: GroupVote;
    groupTallies: GroupTally;
    groupReports: GroupReport;
    groupReviews: GroupReview;
    groupFanouts: GroupFanout;
    groupSubscriptions: GroupSubscription;
  }
}

export const GROUP_COLLECTIONS = [
  'groups',
  'groupMembers',
  'groupChats',
  'groupPosts',
  'groupPostEdits',
  'groupComments',
  'groupReads',
  'groupVotes',
  'groupTallies',
  'groupReports',
  'groupReviews',
  'groupFanouts',
  'groupSubscriptions',
] as const;
