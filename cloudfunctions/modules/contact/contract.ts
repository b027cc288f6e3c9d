import { z } from 'zod';
import type { Handlers } from '../../core/module';
import { Cursor, Empty, Id, IsoDate, NameQuery, Page, Text, UploadId } from '../../core/contracts/common';
import { INVITE_CODE_PATTERN, MESSAGE_CATEGORIES, MESSAGE_MAX } from './constants';

export const Category = z.enum(MESSAGE_CATEGORIES);

/** The short code on a contact card; also the mini-program code's scene (≤ 32 chars). */
export const CardCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{4,32}$/, '联系卡编码无效');

export const DeputyPublic = z.object({
  deputyId: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['county', 'township']),
  constituencyId: z.string(),
  constituencyName: z.string(),
  townshipName: z.string(),
  workUnit: z.string(),
  /** A photo address from before uploads ('' when none); `photoFileId` comes first when both are there. */
  photoUrl: z.string(),
  /** The uploaded photo's file id (shown with the app's imageSrc). */
  photoFileId: z.string().nullable(),
  stationId: z.string().nullable(),
  stationName: z.string().nullable(),
  publicContact: z.string(),
});
export type DeputyPublic = z.infer<typeof DeputyPublic>;

export const DeputiesInput = z.object({
  constituencyId: Id.optional(),
  townshipId: Id.optional(),
  /** The start of a name, in characters or pinyin (core/nameKey.ts); the own constituency is not put first. */
  q: NameQuery,
  cursor: Cursor,
});
/** `mine` is true for the caller's own constituency (listed first on a voter's home). */
export const DeputiesOutput = Page(DeputyPublic.extend({ mine: z.boolean() }));

export const CardInput = z.object({ code: CardCode });

export const MyCardOutput = z.object({
  deputy: DeputyPublic,
  /** Image of the contact card's code (mini-program code on WeChat, QR locally). */
  imageUrl: z.string(),
  /** Where the code leads (the card page with its code). */
  cardPath: z.string(),
});

export const SaveDeputyInput = z.object({
  deputyId: Id.optional(),
  name: z.string().trim().min(2).max(30),
  level: z.enum(['county', 'township']),
  constituencyId: Id,
  workUnit: z.string().trim().max(60).default(''),
  /** A photo the office uploaded (its own upload); null removes the photo, left out keeps it. */
  photoFileId: UploadId.nullable().optional(),
  stationId: Id.nullable().default(null),
  publicContact: z.string().trim().max(60).default(''),
  /** Links the profile to the deputy's own account (from account.me's userId). */
  userId: Id.nullable().optional(),
});

export const InviteDeputyInput = z.object({ deputyId: Id });
export const InviteOutput = z.object({
  /** Given to the deputy (read aloud, sent by message); single use. */
  code: z.string(),
  expiresAt: IsoDate,
  deputyName: z.string(),
});
export const InviteCode = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(INVITE_CODE_PATTERN, '邀请码是 8 位字母和数字（不含 O、I、0、1），请核对'));
export const AcceptInviteInput = z.object({ code: InviteCode });

export const SendInput = z
  .object({
    code: CardCode.optional(),
    deputyId: Id.optional(),
    category: Category.default('其他'),
    text: Text(MESSAGE_MAX),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.deputyId), {
    message: '请指定一位代表',
    path: ['deputyId'],
  });
export const SendOutput = z.object({
  threadId: z.string(),
  messageId: z.string(),
  /** `held`: the message waits for a content review before the deputy sees it. */
  status: z.enum(['visible', 'held']),
});

export const THREAD_STATUSES = ['new', 'read', 'replied', 'closed'] as const;

export const ThreadSummary = z.object({
  threadId: z.string(),
  deputyId: z.string(),
  deputyName: z.string(),
  voterName: z.string(),
  voterVerified: z.boolean(),
  category: z.string(),
  status: z.enum(THREAD_STATUSES),
  outcome: z.enum(['resolved', 'unresolved']).nullable(),
  held: z.boolean(),
  lastText: z.string(),
  createdAt: IsoDate,
  lastMessageAt: IsoDate,
  firstReplySeconds: z.number().nullable(),
  /** For the viewer: something new since they last looked. */
  unread: z.boolean(),
  /** For the voter: unanswered for 7 days and not yet chased. */
  canChase: z.boolean(),
  chasedAt: IsoDate.nullable(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

export const InboxInput = z.object({
  status: z.enum(THREAD_STATUSES).optional(),
  verifiedOnly: z.boolean().optional(),
  cursor: Cursor,
});
export const InboxOutput = Page(ThreadSummary).extend({ unread: z.number() });
export const MyThreadsInput = z.object({ cursor: Cursor });
export const MyThreadsOutput = Page(ThreadSummary);

export const MessageView = z.object({
  messageId: z.string(),
  author: z.enum(['voter', 'deputy']),
  mine: z.boolean(),
  text: z.string(),
  status: z.enum(['visible', 'held', 'hidden']),
  createdAt: IsoDate,
});
export type MessageView = z.infer<typeof MessageView>;

export const ThreadInput = z.object({ threadId: Id, cursor: Cursor });
export const ThreadOutput = z.object({
  thread: ThreadSummary,
  messages: z.array(MessageView),
  nextCursor: z.string().nullable(),
});

export const ReplyInput = z.object({ threadId: Id, text: Text(MESSAGE_MAX) });
export const PostOutput = z.object({ messageId: z.string(), status: z.enum(['visible', 'held']) });
export const CloseInput = z.object({ threadId: Id, outcome: z.enum(['resolved', 'unresolved']) });
export const ChaseInput = z.object({ threadId: Id });

export const HeldInput = z.object({ cursor: Cursor });
export const HeldMessage = z.object({
  messageId: z.string(),
  threadId: z.string(),
  deputyName: z.string(),
  /** Who wrote it: a voter (their registered name when verified; staff may see it) or the deputy. */
  author: z.enum(['voter', 'deputy']),
  authorName: z.string(),
  authorVerified: z.boolean(),
  /** Why it waits, in plain words. */
  reason: z.string(),
  text: z.string(),
  createdAt: IsoDate,
});
export const HeldOutput = Page(HeldMessage).extend({
  /** Messages waiting in the caller's scope, counted up to 100 (100 means 99+). */
  waiting: z.number(),
});
export const ReviewInput = z.object({ messageId: Id, decision: z.enum(['release', 'hide']) });

/** contact: deputy profiles and contact cards, voter ↔ deputy messages. */
export const contactContracts = {
  deputies: { input: DeputiesInput, output: DeputiesOutput },
  card: { input: CardInput, output: DeputyPublic },
  myCard: { input: Empty, output: MyCardOutput },
  saveDeputy: { input: SaveDeputyInput, output: DeputyPublic },
  inviteDeputy: { input: InviteDeputyInput, output: InviteOutput },
  acceptInvite: { input: AcceptInviteInput, output: DeputyPublic },
  send: { input: SendInput, output: SendOutput },
  inbox: { input: InboxInput, output: InboxOutput },
  myThreads: { input: MyThreadsInput, output: MyThreadsOutput },
  thread: { input: ThreadInput, output: ThreadOutput },
  reply: { input: ReplyInput, output: PostOutput },
  followUp: { input: ReplyInput, output: PostOutput },
  close: { input: CloseInput, output: ThreadSummary },
  chase: { input: ChaseInput, output: ThreadSummary },
  held: { input: HeldInput, output: HeldOutput },
  review: {
    input: ReviewInput,
    output: z.object({ messageId: z.string(), status: z.enum(['visible', 'hidden']) }),
  },
} as const;

export type ContactHandlers = Handlers<typeof contactContracts>;
