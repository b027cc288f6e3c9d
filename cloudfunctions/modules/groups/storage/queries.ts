/** The groups module's queries: what its handlers ask, one interface for both engines. */
import type { ListOptions } from '../../../core/ports';
import type {
  Group,
  GroupChat,
  GroupComment,
  GroupFanout,
  GroupMember,
  GroupPost,
  GroupPostEdit,
  GroupReview,
  GroupTally,
} from '../records';

/** One place of the region tree (exactly one of these is given). */
export interface GroupScope {
  countyId?: string;
  townshipId?: string;
  constituencyId?: string;
  stationId?: string;
}

export interface GroupsQueries {
  groupByCode(code: string): Promise<Group | null>;
  /** Groups of one place, newest first (createdAt, id descending); nothing for an empty scope. */
  groupsIn(scope: GroupScope, opts: ListOptions): Promise<Group[]>;
  /** A group's people of one status, in the order they came (listedAt, id). */
  membersOf(groupId: string, status: GroupMember['status'], opts: ListOptions): Promise<GroupMember[]>;
  /** The groups a user is in or waits for, newest first (listedAt, id descending). */
  membershipsOf(userId: string, opts: ListOptions): Promise<GroupMember[]>;
  /**
   * A group's feed: newest first with pinned on top (feedKey, id descending) — every post for staff, only
   * the visible ones for members.
   */
  feed(groupId: string, filter: { visibleOnly: boolean }, opts: ListOptions): Promise<GroupPost[]>;
  /** A post's comments, oldest first (createdAt, id). */
  commentsOf(postId: string, opts: ListOptions): Promise<GroupComment[]>;
  /** A post's earlier texts, newest first (at most `limit`). */
  editsOf(postId: string, limit: number): Promise<GroupPostEdit[]>;
  /** Every counter shard of a post (at most 100). */
  talliesOf(postId: string): Promise<GroupTally[]>;
  /** A group's linked chats (at most 100). */
  chatsOf(groupId: string): Promise<GroupChat[]>;
  /** Open reviews of one group or one place, newest first (openedAt, id descending). */
  openReviews(scope: GroupScope & { groupId?: string }, opts: ListOptions): Promise<GroupReview[]>;
  /** Fan-outs still being written, oldest first. */
  pendingFanouts(limit: number): Promise<GroupFanout[]>;
  /** Posts whose open poll closes at or before `before`, soonest first. */
  pollsClosingBy(before: string, limit: number): Promise<GroupPost[]>;
  /** Posts with an image still waiting for its check, oldest first. */
  postsWithPendingImages(limit: number): Promise<GroupPost[]>;
}
