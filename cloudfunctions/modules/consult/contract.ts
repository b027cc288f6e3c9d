import { z } from 'zod';
import type { Handlers } from '../../core/module';
import { Cursor, Id, IsoDate, Page } from '../../core/contracts/common';
import {
  ARTICLE_TEXT_MAX,
  ARTICLES_MAX,
  BACKGROUND_MAX,
  COMMENT_MAX,
  DRAFT_TEXT_MAX,
  OPTION_MAX,
  OPTIONS_MAX,
  QUESTIONS_MAX,
  REASON_MAX,
  SCALE_MAX,
  SCALE_MIN,
  TITLE_MAX,
} from './constants';

/** An instant with its offset (2026-12-01T09:00:00+08:00 or …Z); the service keeps it in UTC. */
export const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, '时间格式不正确')
  .refine((s) => !Number.isNaN(Date.parse(s)), '时间无效');

const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
const OUTCOMES = ['adopted', 'partly', 'notAdopted'] as const;
const STATUSES = ['draft', 'published', 'closed', 'feedbackPublished'] as const;
const PHASES = ['draft', 'upcoming', 'open', 'closed', 'feedback'] as const;

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;

export const QuestionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    title: z.string().trim().min(1, '请填写问题').max(200),
    options: z.array(z.string().trim().min(1, '选项不能为空').max(OPTION_MAX)).max(OPTIONS_MAX).default([]),
    required: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === 'single' || q.kind === 'multiple';
    if (choice && q.options.length < 2)
      ctx.addIssue({ code: 'custom', message: '选择题至少要有 2 个选项', path: ['options'] });
    if (!choice && q.options.length > 0)
      ctx.addIssue({ code: 'custom', message: '只有选择题有选项', path: ['options'] });
    if (!unique(q.options)) ctx.addIssue({ code: 'custom', message: '选项不能重复', path: ['options'] });
  });

export const ArticleInput = z.object({
  number: z.number().int().min(1).max(999),
  chapter: z.string().trim().max(60).nullable().default(null),
  title: z.string().trim().max(60).nullable().default(null),
  text: z.string().trim().min(1, '条文不能为空').max(ARTICLE_TEXT_MAX),
});

export const AudienceInput = z.object({
  kind: z.enum(['all', 'verified', 'deputies']),
  townshipIds: z.array(Id).max(50).default([]),
  constituencyIds: z.array(Id).max(200).default([]),
});

const Content = {
  title: z.string().trim().min(2, '请填写标题').max(TITLE_MAX),
  background: z.string().trim().max(BACKGROUND_MAX).default(''),
  /** The draft as pasted: split into articles at 第X条 (chapters at 第X章). */
  text: z.string().trim().min(1, '请粘贴征询稿全文').max(DRAFT_TEXT_MAX).optional(),
  /** The articles as adjusted by the office (instead of `text`). */
  articles: z.array(ArticleInput).min(1, '至少要有一条').max(ARTICLES_MAX).optional(),
  questions: z.array(QuestionInput).max(QUESTIONS_MAX).default([]),
  audience: AudienceInput,
  opensAt: Instant,
  closesAt: Instant,
};

const closesAfterOpen = (v: { opensAt?: string; closesAt?: string }) =>
  !v.opensAt || !v.closesAt || Date.parse(v.closesAt) > Date.parse(v.opensAt);
const CLOSES = { message: '截止时间应晚于开始时间', path: ['closesAt'] };
const oneSource = (v: { text?: string; articles?: unknown[] }) => !(v.text && v.articles);
const ONE_SOURCE = { message: '全文和逐条内容只能提交一种', path: ['articles'] };

export const CreateInput = z
  .object({
    ...Content,
    /** The township it belongs to; without one it is the county office's (county-level). */
    townshipId: Id.optional(),
    /** A correction of this published consultation: publishing the new version closes it. */
    previousId: Id.optional(),
  })
  .refine((v) => v.text !== undefined || v.articles !== undefined, {
    message: '请粘贴征询稿全文',
    path: ['text'],
  })
  .refine(oneSource, ONE_SOURCE)
  .refine(closesAfterOpen, CLOSES);

export const UpdateInput = z
  .object({
    consultationId: Id,
    title: Content.title.optional(),
    background: z.string().trim().max(BACKGROUND_MAX).optional(),
    text: Content.text,
    articles: Content.articles,
    questions: z.array(QuestionInput).max(QUESTIONS_MAX).optional(),
    audience: AudienceInput.optional(),
    opensAt: Instant.optional(),
    closesAt: Instant.optional(),
  })
  .refine(oneSource, ONE_SOURCE)
  .refine(closesAfterOpen, CLOSES);

export const ConsultationIdInput = z.object({ consultationId: Id });

export const ListInput = z.object({ status: z.enum(STATUSES).optional(), cursor: Cursor });

export const AnswerInput = z.object({
  questionId: Id,
  /** Index of the chosen option (single choice). */
  choice: z
    .number()
    .int()
    .min(0)
    .max(OPTIONS_MAX - 1)
    .optional(),
  /** Indexes of the chosen options (multiple choice). */
  choices: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(OPTIONS_MAX - 1),
    )
    .max(OPTIONS_MAX)
    .refine((xs) => new Set(xs).size === xs.length, '选项不能重复')
    .optional(),
  scale: z
    .number()
    .int()
    .min(SCALE_MIN, `评分应为 ${SCALE_MIN}–${SCALE_MAX}`)
    .max(SCALE_MAX, `评分应为 ${SCALE_MIN}–${SCALE_MAX}`)
    .optional(),
  text: z.string().trim().max(COMMENT_MAX, `不超过 ${COMMENT_MAX} 字`).optional(),
});

export const CommentInput = z.object({
  articleId: Id,
  text: z.string().trim().min(1, '请填写意见').max(COMMENT_MAX, `每条意见不超过 ${COMMENT_MAX} 字`),
});

export const RespondInput = z
  .object({
    consultationId: Id,
    answers: z.array(AnswerInput).max(QUESTIONS_MAX).default([]),
    comments: z.array(CommentInput).max(ARTICLES_MAX).default([]),
    /** Shown as 匿名 in every public display (office staff still see who answered). */
    anonymous: z.boolean().default(false),
  })
  .refine((v) => unique(v.answers.map((a) => a.questionId)), {
    message: '同一问题只能回答一次',
    path: ['answers'],
  })
  .refine((v) => unique(v.comments.map((c) => c.articleId)), {
    message: '每一条只能提一条意见（可以写在一起）',
    path: ['comments'],
  });

export const CommentsInput = z
  .object({
    consultationId: Id,
    articleId: Id.optional(),
    questionId: Id.optional(),
    /** Only those held for review and not yet reviewed (office staff over it; others see none held). */
    waiting: z.boolean().optional(),
    cursor: Cursor,
  })
  .refine((v) => !(v.articleId && v.questionId), {
    message: '按条文或按问题筛选，只能选一种',
    path: ['questionId'],
  });

export const ReviewInput = z.object({
  commentId: Id,
  /** release: everyone may see it; hide: it stays with its author and staff, marked as not published. */
  decision: z.enum(['release', 'hide'], { message: '请选择通过或不予公开' }),
});

export const FeedbackInput = z.object({
  consultationId: Id,
  items: z
    .array(
      z.object({
        articleId: Id,
        outcome: z.enum(OUTCOMES),
        reason: z.string().trim().min(2, '请说明理由').max(REASON_MAX),
      }),
    )
    .min(1, '请至少填写一条')
    .max(ARTICLES_MAX)
    .refine((xs) => unique(xs.map((x) => x.articleId)), '同一条只能填写一次'),
});

export const ArticleView = z.object({
  articleId: z.string(),
  number: z.number(),
  chapter: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
});
export type ArticleView = z.infer<typeof ArticleView>;

export const QuestionView = z.object({
  questionId: z.string(),
  kind: z.enum(QUESTION_KINDS),
  title: z.string(),
  options: z.array(z.string()),
  required: z.boolean(),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const FeedbackView = z.object({
  articleId: z.string(),
  outcome: z.enum(OUTCOMES),
  reason: z.string(),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

export const ConsultationView = z.object({
  consultationId: z.string(),
  title: z.string(),
  background: z.string(),
  version: z.number(),
  previousId: z.string().nullable(),
  supersededBy: z.string().nullable(),
  countyId: z.string(),
  townshipId: z.string().nullable(),
  /** 云岭县人大常委会 / 青石镇人大 */
  scopeName: z.string(),
  status: z.enum(STATUSES),
  /** The status at this moment: a published one is upcoming, open or (past its close) closed. */
  phase: z.enum(PHASES),
  opensAt: IsoDate,
  closesAt: IsoDate,
  publishedAt: IsoDate.nullable(),
  closedAt: IsoDate.nullable(),
  feedbackPublishedAt: IsoDate.nullable(),
  audience: z.object({
    kind: z.enum(['all', 'verified', 'deputies']),
    townshipIds: z.array(z.string()),
    constituencyIds: z.array(z.string()),
    /** 青石镇、柳溪乡的实名认证选民 */
    label: z.string(),
  }),
  articles: z.array(ArticleView),
  questions: z.array(QuestionView),
  /** Published feedback for everyone; office staff over it also see the draft. */
  feedback: z.array(FeedbackView),
});
export type ConsultationView = z.infer<typeof ConsultationView>;

export const CreateOutput = ConsultationView.extend({
  /** What stood before the first article (the draft's own title), when it was not kept as background. */
  preamble: z.string(),
});

export const ConsultationSummary = z.object({
  consultationId: z.string(),
  title: z.string(),
  scopeName: z.string(),
  status: z.enum(STATUSES),
  phase: z.enum(PHASES),
  version: z.number(),
  opensAt: IsoDate,
  closesAt: IsoDate,
  articles: z.number(),
  questions: z.number(),
});
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;

export const AnswerView = z.object({
  questionId: z.string(),
  choice: z.number().optional(),
  choices: z.array(z.number()).optional(),
  scale: z.number().optional(),
  text: z.string().optional(),
  /** A free-text answer held for review (shown to its author and staff only). */
  held: z.boolean().optional(),
});

export const MyResponse = z.object({
  responseId: z.string(),
  anonymous: z.boolean(),
  answers: z.array(AnswerView),
  comments: z.array(
    z.object({
      articleId: z.string(),
      text: z.string(),
      status: z.enum(['visible', 'held']),
      /** Held and reviewed: staff decided not to publish it (it stays with its author). */
      hidden: z.boolean(),
      /** What became of the article, once the feedback is published. */
      feedback: FeedbackView.nullable(),
    }),
  ),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type MyResponse = z.infer<typeof MyResponse>;

export const GetOutput = ConsultationView.extend({
  responseCount: z.number(),
  /** The caller's own response, if any. */
  mine: MyResponse.nullable(),
  /** Whether the caller may answer (or edit) now; `whyNot` says why not. */
  canRespond: z.boolean(),
  whyNot: z.string().nullable(),
});
export type GetOutput = z.infer<typeof GetOutput>;

const Count = z.object({ regionId: z.string(), name: z.string(), count: z.number() });
export const ResultsOutput = z.object({
  consultationId: z.string(),
  responses: z.number(),
  byRole: z.object({ voter: z.number(), deputy: z.number() }),
  byTownship: z.array(Count),
  byConstituency: z.array(Count),
  /** Respondents without a known township (signed in, not verified). */
  unplaced: z.number(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      kind: z.enum(QUESTION_KINDS),
      title: z.string(),
      answered: z.number(),
      /** Choice questions: each option; scale: each value 1–5; text: none. */
      options: z.array(z.object({ label: z.string(), count: z.number(), share: z.number() })),
      average: z.number().nullable(),
    }),
  ),
  articles: z.array(
    z.object({
      articleId: z.string(),
      number: z.number(),
      title: z.string().nullable(),
      comments: z.number(),
    }),
  ),
  /** Comments and text answers waiting for review. */
  held: z.number(),
});
export type ResultsOutput = z.infer<typeof ResultsOutput>;

export const CommentView = z.object({
  commentId: z.string(),
  articleId: z.string().nullable(),
  questionId: z.string().nullable(),
  text: z.string(),
  status: z.enum(['visible', 'held']),
  /** Held and reviewed by staff, kept from the public (only with status held). */
  hidden: z.boolean(),
  /** Public: 王*明 / 李华代表 / 匿名; office staff over it: the registered name. */
  author: z.string(),
  role: z.enum(['voter', 'deputy']),
  anonymous: z.boolean(),
  townshipName: z.string(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type CommentView = z.infer<typeof CommentView>;

export const ExportOutput = z.object({
  url: z.string(),
  fileName: z.string(),
  comments: z.number(),
  /** More comments than one export holds (the first ones are in it). */
  truncated: z.boolean(),
});

/** consult: consultations on drafts — writing, publishing, answering, results, adoption feedback. */
export const consultContracts = {
  create: { input: CreateInput, output: CreateOutput },
  update: { input: UpdateInput, output: CreateOutput },
  publish: { input: ConsultationIdInput, output: ConsultationView },
  list: { input: ListInput, output: Page(ConsultationSummary) },
  get: { input: ConsultationIdInput, output: GetOutput },
  respond: { input: RespondInput, output: z.object({ responseId: z.string(), edited: z.boolean() }) },
  close: { input: ConsultationIdInput, output: ConsultationView },
  results: { input: ConsultationIdInput, output: ResultsOutput },
  comments: { input: CommentsInput, output: Page(CommentView) },
  review: { input: ReviewInput, output: CommentView },
  feedback: { input: FeedbackInput, output: ConsultationView },
  publishFeedback: { input: ConsultationIdInput, output: ConsultationView },
  export: { input: ConsultationIdInput, output: ExportOutput },
} as const;

export type ConsultHandlers = Handlers<typeof consultContracts>;
