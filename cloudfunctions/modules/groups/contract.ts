import { z } from 'zod';
import type { Handlers } from '../../core/module';
import { Cursor, Id, IsoDate, Page, Text, UploadId } from '../../core/contracts/common';
import {
  COMMENT_MAX,
  DESCRIPTION_MAX,
  GROUP_CODE_PATTERN,
  GROUP_NAME_MAX,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POST_IMAGES_MAX,
  POST_TEXT_MAX,
  REPORT_REASONS,
} from './constants';

/** An instant with its offset (2026-12-01T09:00:00+08:00 or …Z); the service keeps it in UTC. */
export const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, '时间格式不正确')
  .refine((s) => !Number.isNaN(Date.parse(s)), '时间无效');

/** A group's code, as printed or scanned (case forgiven). */
export const GroupCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(GROUP_CODE_PATTERN, '群码应为 G 开头的 8 位字母或数字'));

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;
const JOIN_RULES = ['auto', 'approval'] as const;
const MEMBER_STATUSES = ['member', 'pending', 'removed', 'left'] as const;
const VIAS = ['code', 'card', 'chat'] as const;
/** `hidden`: held and kept from the members by the office (未公开). */
const MEDIA_STATUSES = ['pending', 'pass', 'review', 'risky', 'hidden'] as const;
const CONTENT_STATUSES = ['visible', 'held', 'hidden'] as const;
const HIDDEN_BY = ['reports', 'owner', 'office'] as const;

export const CreateInput = z
  .object({
    constituencyId: Id.optional(),
    stationId: Id.optional(),
    name: z.string().trim().min(2, '请填写群名称').max(GROUP_NAME_MAX, `不超过 ${GROUP_NAME_MAX} 字`),
    description: z.string().trim().max(DESCRIPTION_MAX, `不超过 ${DESCRIPTION_MAX} 字`).default(''),
    joinRule: z.enum(JOIN_RULES, '请选择加入方式'),
  })
  .refine((v) => Boolean(v.constituencyId) !== Boolean(v.stationId), {
    message: '请选择本群所属的选区或联络站（只选一个）',
    path: ['constituencyId'],
  });

export const PreviewInput = z
  .object({ code: GroupCode.optional(), deputyId: Id.optional() })
  .refine((v) => Boolean(v.code) !== Boolean(v.deputyId), {
    message: '请提供群码或代表',
    path: ['code'],
  });

export const GroupIdInput = z.object({ groupId: Id });
export const CursorInput = z.object({ cursor: Cursor });

export const JoinInput = z.object({
  code: GroupCode,
  /** Opened from a group card in a WeChat chat: the chat's open data rides in the envelope's `chat`. */
  chat: z.boolean().default(false),
  /** How they found the group (the deputy's card, or the group's own code). */
  from: z.enum(['code', 'card']).default('code'),
});

export const MembersInput = z.object({
  groupId: Id,
  status: z.enum(['member', 'pending', 'removed']).optional(),
  cursor: Cursor,
});
export const MemberInput = z.object({ groupId: Id, userId: Id });
export const MuteInput = MemberInput.extend({ muted: z.boolean().default(true) });

export const PollInput = z.object({
  options: z
    .array(
      z.string().trim().min(1, '选项不能为空').max(POLL_OPTION_MAX, `每个选项不超过 ${POLL_OPTION_MAX} 字`),
    )
    .min(POLL_OPTIONS_MIN, `至少 ${POLL_OPTIONS_MIN} 个选项`)
    .max(POLL_OPTIONS_MAX, `最多 ${POLL_OPTIONS_MAX} 个选项`)
    .refine(unique, '选项不能重复'),
  closesAt: Instant,
});

export const PostInput = z.object({
  groupId: Id,
  text: Text(POST_TEXT_MAX),
  images: z
    .array(UploadId)
    .max(POST_IMAGES_MAX, `最多 ${POST_IMAGES_MAX} 张图片`)
    .refine(unique, '图片重复')
    .default([]),
  poll: PollInput.optional(),
});

export const EditInput = z.object({
  postId: Id,
  text: Text(POST_TEXT_MAX),
  /** The version the editor saw: a later edit without it is refused (CONFLICT). */
  version: z.number().int().min(1),
});
export const PinInput = z.object({ postId: Id, pinned: z.boolean().default(true) });
export const PostIdInput = z.object({ postId: Id });
export const FeedInput = z.object({ groupId: Id, cursor: Cursor });
export const ReadInput = z
  .object({ postId: Id.optional(), postIds: z.array(Id).min(1).max(20).optional() })
  .refine((v) => Boolean(v.postId) !== Boolean(v.postIds), { message: '请提供公告', path: ['postId'] });
export const VoteInput = z.object({
  postId: Id,
  option: z
    .number('请选择一个选项')
    .int()
    .min(0)
    .max(POLL_OPTIONS_MAX - 1),
});
export const CommentInput = z.object({ postId: Id, text: Text(COMMENT_MAX) });
export const CommentsInput = z.object({ postId: Id, cursor: Cursor });

const oneTarget = (v: { postId?: string; commentId?: string }) => Boolean(v.postId) !== Boolean(v.commentId);
const ONE_TARGET = { message: '请指明一条公告或一条评论', path: ['postId'] };
export const ReportInput = z
  .object({
    postId: Id.optional(),
    commentId: Id.optional(),
    reason: z.enum(REPORT_REASONS, '请选择举报原因'),
  })
  .refine(oneTarget, ONE_TARGET);
export const HideInput = z
  .object({
    postId: Id.optional(),
    commentId: Id.optional(),
    /** false restores it (after a review; held text: the office only). */
    hidden: z.boolean().default(true),
  })
  .refine(oneTarget, ONE_TARGET);
export const ReviewsInput = z.object({ groupId: Id.optional(), cursor: Cursor });
export const SubscribeInput = z.object({
  /** What wx.requestSubscribeMessage answered for the template (accept / reject / ban / filter). */
  result: z.enum(['accept', 'reject', 'ban', 'filter'], '订阅结果无效'),
});

// ---------------------------------------------------------------------------------------------------------
// Outputs

export const GroupPreview = z.object({
  groupId: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(['constituency', 'station']),
  /** 青石镇第一选区 / 青石镇人大代表之家 */
  placeName: z.string(),
  joinRule: z.enum(JOIN_RULES),
  memberCount: z.number(),
  /** Its owners as the public may know them: 李华代表 …, or the station. */
  owners: z.array(z.string()),
  /** The caller's place in it: owner, a membership status, or none. */
  mine: z.enum(['owner', 'office', ...MEMBER_STATUSES]).nullable(),
  /** What joining would give now (member, pending) — null when the caller cannot join. */
  joinAs: z.enum(['member', 'pending']).nullable(),
  whyNot: z.string().nullable(),
});
export type GroupPreview = z.infer<typeof GroupPreview>;

export const GroupView = z.object({
  groupId: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(['constituency', 'station']),
  placeName: z.string(),
  townshipName: z.string(),
  joinRule: z.enum(JOIN_RULES),
  memberCount: z.number(),
  pendingCount: z.number(),
  posts: z.number(),
  lastPostAt: IsoDate.nullable(),
  createdAt: IsoDate,
  /** The caller's part: an owner (manages it) or the office over it (sees it). */
  role: z.enum(['owner', 'office']),
});
export type GroupView = z.infer<typeof GroupView>;

export const MyGroup = z.object({
  groupId: z.string(),
  name: z.string(),
  placeName: z.string(),
  status: z.enum(['member', 'pending']),
  muted: z.boolean(),
  /** Posts since they last opened the group. */
  unread: z.number(),
  lastPostAt: IsoDate.nullable(),
  lastPostExcerpt: z.string(),
});
export type MyGroup = z.infer<typeof MyGroup>;

export const ChatView = z.object({
  chatId: z.string(),
  /** 微信群 3F7A: a short mark of its opengid (WeChat never tells a chat's name). */
  label: z.string(),
  demo: z.boolean(),
  members: z.number(),
  firstAt: IsoDate,
  lastAt: IsoDate,
});
export type ChatView = z.infer<typeof ChatView>;

export const MemberView = z.object({
  userId: z.string(),
  /** The registered name (owners and office staff only see this list). */
  name: z.string(),
  status: z.enum(MEMBER_STATUSES),
  muted: z.boolean(),
  via: z.enum(VIAS),
  chat: ChatView.pick({ chatId: true, label: true, demo: true }).nullable(),
  inArea: z.boolean(),
  constituencyName: z.string(),
  requestedAt: IsoDate,
  joinedAt: IsoDate.nullable(),
});
export type MemberView = z.infer<typeof MemberView>;

export const PollView = z.object({
  options: z.array(z.string()),
  closesAt: IsoDate,
  closed: z.boolean(),
  /** The caller's vote (option index), if any. */
  myVote: z.number().nullable(),
  /** Counts per option: for members after voting or after close; always for staff. */
  results: z.array(z.number()).nullable(),
  total: z.number().nullable(),
});
export type PollView = z.infer<typeof PollView>;

export const PostView = z.object({
  postId: z.string(),
  groupId: z.string(),
  kind: z.enum(['notice', 'reception']),
  /** The reception day a `reception` post announces (to book a seat). */
  dayId: z.string().nullable(),
  text: z.string(),
  /** Images that passed the check; the author and staff also see those waiting (with their status). */
  images: z.array(z.object({ fileId: z.string(), status: z.enum(MEDIA_STATUSES) })),
  /** Images not shown to this caller (still being checked, or refused). */
  imagesWithheld: z.number(),
  pinned: z.boolean(),
  authorName: z.string(),
  mine: z.boolean(),
  createdAt: IsoDate,
  editedAt: IsoDate.nullable(),
  version: z.number(),
  status: z.enum(CONTENT_STATUSES),
  hiddenBy: z.enum(HIDDEN_BY).nullable(),
  commentCount: z.number(),
  /** A member's own read (null for owners and office staff). */
  read: z.boolean().nullable(),
  /** 已读 N / 成员 M: owners and office staff only. */
  readCount: z.number().nullable(),
  memberCount: z.number().nullable(),
  poll: PollView.nullable(),
});
export type PostView = z.infer<typeof PostView>;

export const FeedGroup = z.object({
  groupId: z.string(),
  /** Its code (for sharing its card, showing its code). */
  code: z.string(),
  name: z.string(),
  placeName: z.string(),
  description: z.string(),
  memberCount: z.number(),
  role: z.enum(['member', 'owner', 'office']),
  /** A muted member reads but may not comment. */
  muted: z.boolean(),
});
export type FeedGroup = z.infer<typeof FeedGroup>;

export const EditView = z.object({ version: z.number(), text: z.string(), at: IsoDate });

export const PostDetail = PostView.extend({
  group: FeedGroup,
  /** Earlier texts, newest first (owners and office staff). */
  history: z.array(EditView),
  canComment: z.boolean(),
  whyNoComment: z.string().nullable(),
});
export type PostDetail = z.infer<typeof PostDetail>;

export const CommentView = z.object({
  commentId: z.string(),
  postId: z.string(),
  text: z.string(),
  /** 王*明 to members; the registered name to owners and office staff; 李华代表 for owners. */
  author: z.string(),
  role: z.enum(['member', 'owner']),
  mine: z.boolean(),
  status: z.enum(CONTENT_STATUSES),
  createdAt: IsoDate,
});
export type CommentView = z.infer<typeof CommentView>;

export const ReviewView = z.object({
  reviewId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  targetKind: z.enum(['post', 'comment']),
  targetId: z.string(),
  postId: z.string(),
  reason: z.enum(['reports', 'held']),
  reportCount: z.number(),
  excerpt: z.string(),
  /** The registered name of who wrote it. */
  author: z.string(),
  openedAt: IsoDate,
  /** Whether the caller may restore it (held text: the office only). */
  canRestore: z.boolean(),
});
export type ReviewView = z.infer<typeof ReviewView>;

export const SubscriptionView = z.object({
  kind: z.string(),
  /** The template to ask for with wx.requestSubscribeMessage; null where there is none (locally). */
  templateId: z.string().nullable(),
  longTerm: z.boolean(),
  oneTime: z.number(),
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;

/** The office's decision on one held image of a post: shown like a passed one, or kept with its author. */
export const ReviewImageInput = z.object({
  postId: Id,
  fileId: z.string().trim().min(1).max(300),
  decision: z.enum(['release', 'hide'], '请选择公开或不予公开'),
});
export const ReviewImageOutput = z.object({ fileId: z.string(), status: z.enum(['pass', 'hidden']) });
export const HeldImage = z.object({
  postId: z.string(),
  fileId: z.string(),
  /** The group and the post's first words. */
  label: z.string(),
  heldAt: IsoDate,
});

/** groups: real-name groups — joining, members, posts with images and polls, comments, reads, reports. */
export const groupsContracts = {
  create: { input: CreateInput, output: z.object({ groupId: z.string(), code: z.string() }) },
  preview: { input: PreviewInput, output: z.object({ items: z.array(GroupPreview) }) },
  list: {
    input: CursorInput,
    output: Page(GroupView).extend({
      /** Where the caller may create a group: a deputy's constituency, a station's staff their station. */
      places: z.array(
        z.object({
          constituencyId: z.string().nullable(),
          stationId: z.string().nullable(),
          name: z.string(),
        }),
      ),
    }),
  },
  mine: { input: CursorInput, output: Page(MyGroup) },
  code: {
    input: GroupIdInput,
    output: z.object({ code: z.string(), url: z.string(), page: z.string() }),
  },
  chats: { input: GroupIdInput, output: z.object({ items: z.array(ChatView) }) },
  join: {
    input: JoinInput,
    output: z.object({
      groupId: z.string(),
      status: z.enum(['member', 'pending']),
      linkedChat: z.boolean(),
    }),
  },
  leave: { input: GroupIdInput, output: z.object({ status: z.literal('left') }) },
  members: { input: MembersInput, output: Page(MemberView) },
  approve: { input: MemberInput, output: MemberView },
  remove: { input: MemberInput, output: MemberView },
  mute: { input: MuteInput, output: MemberView },
  post: {
    input: PostInput,
    output: z.object({ postId: z.string(), status: z.enum(['visible', 'held']) }),
  },
  edit: { input: EditInput, output: PostView },
  pin: { input: PinInput, output: PostView },
  feed: { input: FeedInput, output: Page(PostView).extend({ group: FeedGroup }) },
  getPost: { input: PostIdInput, output: PostDetail },
  read: { input: ReadInput, output: z.object({ read: z.number() }) },
  vote: { input: VoteInput, output: PollView },
  closePoll: { input: PostIdInput, output: PostView },
  comment: {
    input: CommentInput,
    output: z.object({ commentId: z.string(), status: z.enum(['visible', 'held']) }),
  },
  comments: { input: CommentsInput, output: Page(CommentView) },
  report: { input: ReportInput, output: z.object({ reported: z.literal(true), hidden: z.boolean() }) },
  hide: { input: HideInput, output: z.object({ status: z.enum(CONTENT_STATUSES) }) },
  reports: { input: ReviewsInput, output: Page(ReviewView) },
  reviewImage: { input: ReviewImageInput, output: ReviewImageOutput },
  heldImages: { input: CursorInput, output: Page(HeldImage) },
  subscription: { input: z.object({}).strict(), output: SubscriptionView },
  subscribe: { input: SubscribeInput, output: SubscriptionView },
} as const;

export type GroupsHandlers = Handlers<typeof groupsContracts>;
