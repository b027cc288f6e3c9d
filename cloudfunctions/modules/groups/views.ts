/** How the groups module reads its records for a caller: the group and membership, the subject, the views. */
import { createHash } from 'node:crypto';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { officeOver } from '../../core/policy';
import { resolveImages, type HeldPlace } from '../shared/public';
import type { FeedGroup, GroupView, PollView, PostView } from './contract';
import { groupOwner, type GroupSubject } from './policy';
import type { Group, GroupChat, GroupMember, GroupPost, GroupTally } from './records';
import { groupsQueries } from './storage';

export const memberId = (groupId: string, userId: string) => `${groupId}:${userId}`;
export const pairId = (postId: string, userId: string) => `${postId}:${userId}`;
export const chatId = (groupId: string, opengid: string) =>
  `${groupId}:${createHash('sha256').update(opengid).digest('hex').slice(0, 16)}`;
/** 微信群 3F7A — a chat is never named (WeChat does not tell its name); demo ones say so. */
export const chatLabel = (c: Pick<GroupChat, 'id' | 'demo' | 'opengid'>) =>
  c.demo ? `演示群 ${c.opengid.replace(/^demo-/, '')}` : `微信群 ${c.id.slice(-4).toUpperCase()}`;

export const feedKeyOf = (p: Pick<GroupPost, 'pinned' | 'pinnedAt' | 'createdAt'>) =>
  p.pinned && p.pinnedAt ? `1:${p.pinnedAt}` : `0:${p.createdAt}`;

/**
 * A post of `group` as it is first stored: visible, unpinned, no images, poll, reports or comments, unless
 * `p` says otherwise; its place copied from the group and its feed key computed.
 */
export function newPost(
  group: Pick<Group, 'id' | 'countyId' | 'townshipId' | 'constituencyId' | 'stationId'>,
  p: Pick<
    GroupPost,
    'id' | 'kind' | 'authorUserId' | 'authorDeputyId' | 'authorName' | 'text' | 'createdAt'
  > &
    Partial<GroupPost>,
): GroupPost {
  const post: GroupPost = {
    groupId: group.id,
    countyId: group.countyId,
    townshipId: group.townshipId,
    constituencyId: group.constituencyId,
    stationId: group.stationId,
    images: [],
    imagesPending: false,
    poll: null,
    pollOpen: false,
    pollClosesAt: null,
    pinned: false,
    pinnedAt: null,
    status: 'visible',
    hiddenBy: null,
    announced: true,
    reviewed: false,
    reportCount: 0,
    commentCount: 0,
    version: 1,
    editedAt: null,
    refId: null,
    updatedAt: p.createdAt,
    ...p,
    feedKey: '',
  };
  return { ...post, feedKey: feedKeyOf(post) };
}

export async function loadGroup(ctx: Ctx, groupId: string): Promise<Group> {
  const group = await ctx.ports.store.get('groups', groupId);
  if (!group) throw new AppError('NOT_FOUND', '群不存在');
  return group;
}

export async function loadPost(ctx: Ctx, postId: string): Promise<GroupPost> {
  const post = await ctx.ports.store.get('groupPosts', postId);
  if (!post) throw new AppError('NOT_FOUND', '公告不存在');
  return post;
}

/** The caller's membership as stored now (never from the session). */
export async function membershipOf(ctx: Ctx, group: Pick<Group, 'id'>): Promise<GroupMember | null> {
  if (!ctx.caller) return null;
  return ctx.ports.store.get('groupMembers', memberId(group.id, ctx.caller.user.id));
}

export const groupSubject = (
  g: Pick<Group, 'countyId' | 'townshipId' | 'constituencyId' | 'stationId'>,
  membership: GroupMember | null,
): GroupSubject => ({
  countyId: g.countyId,
  townshipId: g.townshipId,
  constituencyId: g.constituencyId,
  stationId: g.stationId,
  membership: membership ? { status: membership.status, muted: membership.muted } : null,
});

/** What the caller is to the group: an owner, the office over it, a member, or nothing. */
export function roleIn(ctx: Ctx, subject: GroupSubject): 'owner' | 'office' | 'member' | null {
  if (groupOwner(ctx.caller, subject)) return 'owner';
  if (officeOver(ctx.caller, subject)) return 'office';
  if (subject.membership?.status === 'member') return 'member';
  return null;
}

/** 青石镇第一选区, or the station's name. */
export function placeName(ctx: Ctx, g: Pick<Group, 'constituencyId' | 'stationId'>): string {
  if (g.constituencyId) return ctx.geo.region(g.constituencyId)?.name ?? '';
  return ctx.geo.station(g.stationId)?.name ?? '';
}

/** Whether a voter of `constituencyId` lives in the group's area (its constituency, or its station's township). */
export function inArea(
  ctx: Ctx,
  g: Pick<Group, 'constituencyId' | 'townshipId'>,
  constituencyId: string | null,
) {
  if (!constituencyId) return false;
  if (g.constituencyId) return constituencyId === g.constituencyId;
  return ctx.geo.region(constituencyId)?.townshipId === g.townshipId;
}

export const groupView = (ctx: Ctx, g: Group, role: 'owner' | 'office'): GroupView => ({
  groupId: g.id,
  code: g.code,
  name: g.name,
  description: g.description,
  kind: g.kind,
  placeName: placeName(ctx, g),
  townshipName: ctx.geo.region(g.townshipId)?.name ?? '',
  joinRule: g.joinRule,
  memberCount: g.memberCount,
  pendingCount: g.pendingCount,
  posts: g.postSeq,
  lastPostAt: g.lastPostAt,
  createdAt: g.createdAt,
  role,
});

export const feedGroup = (
  ctx: Ctx,
  g: Group,
  role: 'owner' | 'office' | 'member',
  membership: GroupMember | null,
): FeedGroup => ({
  groupId: g.id,
  code: g.code,
  name: g.name,
  placeName: placeName(ctx, g),
  description: g.description,
  memberCount: g.memberCount,
  role,
  muted: role === 'member' && !!membership?.muted,
});

/** The shards summed: reads (one count) and votes (one per option). */
export function sumTallies(shards: GroupTally[], options: number) {
  let reads = 0;
  const votes = Array.from({ length: options }, () => 0);
  for (const s of shards) {
    if (s.kind === 'reads') reads += s.counts[0] ?? 0;
    else s.counts.forEach((n, i) => i < options && (votes[i] += n));
  }
  return { reads, votes };
}

export interface Viewer {
  role: 'owner' | 'office' | 'member';
  userId: string;
}

/** What a post's images' checks and reviews refer to (`mediaChecks.ref`, `imageReviews`). */
export const postImagesRef = (postId: string) => `groupPosts/${postId}`;

/** A post's held images as the office's list shows them. */
export const postImagesPlace = (group: Group, post: Pick<GroupPost, 'id' | 'text'>): HeldPlace => ({
  module: 'groups',
  targetId: post.id,
  countyId: group.countyId,
  townshipId: group.townshipId,
  label: `${group.name}：${excerpt(post.text, 30)}`,
});

/** One page of posts for one viewer: images they may see, their read and vote, counts for staff. */
export async function postViews(
  ctx: Ctx,
  group: Group,
  posts: GroupPost[],
  viewer: Viewer,
): Promise<PostView[]> {
  const { store } = ctx.ports;
  const q = groupsQueries(ctx.ports);
  const staff = viewer.role !== 'member';
  return Promise.all(
    posts.map(async (p) => {
      const needTallies = staff || !!p.poll;
      const [tallies, read, vote] = await Promise.all([
        needTallies ? q.talliesOf(p.id) : Promise.resolve([]),
        staff ? Promise.resolve(null) : store.get('groupReads', pairId(p.id, viewer.userId)),
        p.poll ? store.get('groupVotes', pairId(p.id, viewer.userId)) : Promise.resolve(null),
      ]);
      const sums = sumTallies(tallies, p.poll?.options.length ?? 0);
      const mine = p.authorUserId === viewer.userId;
      const images = await resolveImages(store, ctx.now, postImagesRef(p.id), p.createdAt, p.images);
      const shown = images.filter((i) => i.status === 'pass' || staff || mine);
      let poll: PollView | null = null;
      if (p.poll) {
        const closed = !!p.poll.closedAt || Date.parse(p.poll.closesAt) <= ctx.now.getTime();
        const seesResults = staff || closed || !!vote;
        poll = {
          options: p.poll.options,
          closesAt: p.poll.closesAt,
          closed,
          myVote: vote?.option ?? null,
          results: seesResults ? sums.votes : null,
          total: seesResults ? sums.votes.reduce((a, b) => a + b, 0) : null,
        };
      }
      return {
        postId: p.id,
        groupId: p.groupId,
        kind: p.kind,
        dayId: p.kind === 'reception' ? p.refId : null,
        text: p.text,
        images: shown,
        // Hidden by the office: not waiting, so not counted as withheld either.
        imagesWithheld: images.filter((i) => !shown.includes(i) && i.status !== 'hidden').length,
        pinned: p.pinned,
        authorName: p.authorName,
        mine,
        createdAt: p.createdAt,
        editedAt: p.editedAt,
        version: p.version,
        status: p.status,
        hiddenBy: p.hiddenBy,
        commentCount: p.commentCount,
        read: staff ? null : !!read,
        readCount: staff ? sums.reads : null,
        memberCount: staff ? group.memberCount : null,
        poll,
      };
    }),
  );
}

/** Whether a viewer may see a post at all (members: visible ones only). */
export const visibleTo = (p: GroupPost, viewer: Viewer) => viewer.role !== 'member' || p.status === 'visible';

export const excerpt = (text: string, n = 60) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : chars.join('');
};
