import { z } from 'zod';
import type { Handlers } from '../../core/module';
import { Cursor, Empty, Id, IsoDate, Page, Text, UploadId } from '../../core/contracts/common';
import {
  ANSWER_CATEGORIES,
  ANSWER_MAX,
  CASE_KINDS,
  CASE_STATUSES,
  CATEGORY_MAX,
  MAX_DUE_WORKING_DAYS,
  RATINGS,
  REASON_MAX,
  REPORT_IMAGES_MAX,
  REPORT_TEXT_MAX,
  STAGES,
} from './constants';

/** China calendar date, YYYY-MM-DD (checked to be a real date by the service). */
export const CaseDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const CaseStatus = z.enum(CASE_STATUSES);
export const AnswerCategory = z.enum(ANSWER_CATEGORIES, '请选择答复类别');
export const Rating = z.enum(RATINGS, '请选择满意度');
export const Stage = z.enum(STAGES);
const Reason = z.string().trim().max(REASON_MAX, `不超过 ${REASON_MAX} 字`);

export const SubmitInput = z
  .object({
    kind: z.enum(CASE_KINDS).default('report'),
    category: z.string().trim().min(1, '请选择类别').max(20),
    townshipId: Id.optional(),
    constituencyId: Id.optional(),
    text: Text(REPORT_TEXT_MAX),
    consentForward: z.boolean('请选择是否同意转交承办单位'),
    consentPublish: z.boolean('请选择是否同意办结后公开'),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    images: z.array(UploadId).max(REPORT_IMAGES_MAX, `最多 ${REPORT_IMAGES_MAX} 张图片`).default([]),
    fromThreadId: Id.optional(),
    fromVisitId: Id.optional(),
  })
  .refine((v) => Boolean(v.townshipId) !== Boolean(v.constituencyId), {
    message: '请选择反映事项所在的乡镇或选区（只选一个）',
    path: ['townshipId'],
  })
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
    message: '经度和纬度要一起填写',
    path: ['longitude'],
  })
  .refine((v) => !(v.fromThreadId && v.fromVisitId), {
    message: '只能从一条留言或一条接待记录生成',
    path: ['fromVisitId'],
  })
  .refine((v) => new Set(v.images).size === v.images.length, { message: '图片重复', path: ['images'] });
export const SubmitOutput = z.object({
  caseId: z.string(),
  status: CaseStatus,
  /** The content check asked for a staff review before a deputy sees it. */
  held: z.boolean(),
});

/** A report prefilled from a message thread or a visit record (a deputy turns it into a report). */
export const DraftFromInput = z
  .object({ fromThreadId: Id.optional(), fromVisitId: Id.optional() })
  .refine((v) => Boolean(v.fromThreadId) !== Boolean(v.fromVisitId), {
    message: '请指定一条留言或一条接待记录',
    path: ['fromThreadId'],
  });
export const DraftFromOutput = z.object({
  from: z.enum(['thread', 'visit']),
  category: z.string(),
  townshipId: z.string(),
  constituencyId: z.string().nullable(),
  text: z.string(),
  /** Who it is about, masked. */
  submitterName: z.string(),
  /** It was already turned into a report: that report. */
  existingCaseId: z.string().nullable(),
});

export const StepView = z.object({
  at: IsoDate,
  action: z.string(),
  status: CaseStatus,
  actor: z.string(),
  /** The step in plain words (李华代表受理了这件事). */
  text: z.string(),
  /** The reason, note or answer the step carries. */
  note: z.string(),
});
export type StepView = z.infer<typeof StepView>;

export const UnitRef = z.object({ unitId: z.string(), name: z.string() });

/** What the caller may do with the case now (the buttons a page offers). */
export const CaseCan = z.object({
  accept: z.boolean(),
  decline: z.boolean(),
  answer: z.boolean(),
  forward: z.boolean(),
  followUp: z.boolean(),
  assign: z.boolean(),
  return: z.boolean(),
  reply: z.boolean(),
  rate: z.boolean(),
  publish: z.boolean(),
  link: z.boolean(),
  release: z.boolean(),
  support: z.boolean(),
});

export const CaseView = z.object({
  caseId: z.string(),
  kind: z.enum(CASE_KINDS),
  status: CaseStatus,
  statusLabel: z.string(),
  version: z.number(),
  category: z.string(),
  townshipId: z.string(),
  townshipName: z.string(),
  constituencyId: z.string().nullable(),
  constituencyName: z.string().nullable(),
  text: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** The photos this caller may see (none for the public); pending or held ones only for the submitter and staff. */
  images: z.array(z.object({ fileId: z.string(), status: z.enum(['pending', 'pass', 'review', 'hidden']) })),
  /** Photos still waiting for their check that this caller is not shown. */
  imagesWithheld: z.number(),
  consentForward: z.boolean(),
  consentPublish: z.boolean(),
  /** Office staff and the submitter see the name; deputies and units the masked form; the public nothing. */
  submitterName: z.string(),
  mine: z.boolean(),
  held: z.boolean(),
  deputyName: z.string().nullable(),
  leadUnit: UnitRef.nullable(),
  assistingUnits: z.array(UnitRef),
  handledBy: z.enum(['deputy', 'unit']).nullable(),
  answerCategory: AnswerCategory.nullable(),
  answerText: z.string().nullable(),
  answeredAt: IsoDate.nullable(),
  attitude: Rating.nullable(),
  result: Rating.nullable(),
  reopenCount: z.number(),
  stage: Stage.nullable(),
  dueAt: IsoDate.nullable(),
  overdue: z.boolean(),
  followsCaseId: z.string().nullable(),
  fromThreadId: z.string().nullable(),
  fromVisitId: z.string().nullable(),
  published: z.boolean(),
  publishedAt: IsoDate.nullable(),
  supportCount: z.number(),
  supported: z.boolean(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  closedAt: IsoDate.nullable(),
  can: CaseCan,
});
export type CaseView = z.infer<typeof CaseView>;

export const GetInput = z.object({ caseId: Id });
export const GetOutput = z.object({ case: CaseView, timeline: z.array(StepView) });

export const CaseSummary = z.object({
  caseId: z.string(),
  status: CaseStatus,
  statusLabel: z.string(),
  category: z.string(),
  townshipName: z.string(),
  excerpt: z.string(),
  submitterName: z.string(),
  held: z.boolean(),
  dueAt: IsoDate.nullable(),
  overdue: z.boolean(),
  published: z.boolean(),
  /** For a handling unit: its part in the case. */
  unitRole: z.enum(['lead', 'assisting']).nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const MineInput = z.object({ cursor: Cursor });
export const QueueInput = z.object({
  /** Deputies: `submitted` lists what waits for a deputy of their constituency; otherwise their own. */
  status: CaseStatus.optional(),
  overdue: z.boolean().optional(),
  cursor: Cursor,
});
export const QueueOutput = Page(CaseSummary).extend({
  /** Whose queue it is: a deputy's, the office's (its scope) or a unit's. */
  as: z.enum(['deputy', 'office', 'unit']),
});

const CaseIdOnly = { caseId: Id };
export const AcceptInput = z.object({ ...CaseIdOnly, reason: Reason.optional() });
export const DeclineInput = z
  .object({ ...CaseIdOnly, reason: Reason.optional(), litigation: z.boolean().optional() })
  .refine((v) => v.litigation || (v.reason && v.reason.length >= 2), {
    message: '请说明不予受理的原因',
    path: ['reason'],
  });
export const AnswerInput = z.object({ ...CaseIdOnly, text: Text(ANSWER_MAX) });
export const ForwardInput = z.object({ ...CaseIdOnly, note: Reason.optional() });
export const FollowUpInput = z.object({ ...CaseIdOnly, text: Text(REASON_MAX) });
export const AssignInput = z
  .object({
    ...CaseIdOnly,
    leadUnitId: Id,
    assistingUnitIds: z.array(Id).max(5, '协办单位最多 5 个').default([]),
    dueWorkingDays: z.number().int().min(1).max(MAX_DUE_WORKING_DAYS).optional(),
  })
  .refine((v) => !v.assistingUnitIds.includes(v.leadUnitId), {
    message: '主办单位不能同时是协办单位',
    path: ['assistingUnitIds'],
  })
  .refine((v) => new Set(v.assistingUnitIds).size === v.assistingUnitIds.length, {
    message: '协办单位重复',
    path: ['assistingUnitIds'],
  });
export const ReturnInput = z.object({
  ...CaseIdOnly,
  reason: Reason.min(2, '请说明退回的原因'),
});
export const ReplyInput = z.object({ ...CaseIdOnly, answerCategory: AnswerCategory, text: Text(ANSWER_MAX) });
export const RateInput = z.object({ ...CaseIdOnly, attitude: Rating, result: Rating });
export const PublishInput = z.object({
  ...CaseIdOnly,
  /** The office's correction of the de-identified text (else it is made from the report). */
  publicText: Text(REPORT_TEXT_MAX).optional(),
});
export const LinkInput = z
  .object({ ...CaseIdOnly, toCaseId: Id })
  .refine((v) => v.caseId !== v.toCaseId, { message: '不能关联到自身', path: ['toCaseId'] });
export const ReleaseInput = z.object({ ...CaseIdOnly, decision: z.enum(['release', 'hide']) });
/** The office's decision on one held photo: shown like a passed one, or kept with its author (未公开). */
export const ReviewImageInput = z.object({
  ...CaseIdOnly,
  fileId: z.string().trim().min(1).max(300),
  decision: z.enum(['release', 'hide'], '请选择公开或不予公开'),
});
export const ReviewImageOutput = z.object({ fileId: z.string(), status: z.enum(['pass', 'hidden']) });
export const HeldImage = z.object({
  caseId: z.string(),
  fileId: z.string(),
  label: z.string(),
  heldAt: IsoDate,
});
export const SupportInput = z.object(CaseIdOnly);
export const SupportOutput = z.object({ supportCount: z.number(), supported: z.boolean() });

/** A transition's answer: the case as it now stands. */
export const TransitionOutput = GetOutput;

export const PublicCase = z.object({
  caseId: z.string(),
  category: z.string(),
  townshipName: z.string(),
  text: z.string(),
  answerCategory: AnswerCategory.nullable(),
  answerText: z.string().nullable(),
  attitude: Rating.nullable(),
  result: Rating.nullable(),
  publishedAt: IsoDate,
  createdAt: IsoDate,
  supportCount: z.number(),
});
export const PublishedInput = z.object({ cursor: Cursor });

export const RangeInput = z.object({ fromDate: CaseDate, toDate: CaseDate });
const Tally = z.object({ key: z.string(), label: z.string(), count: z.number() });
export const StatsOutput = z.object({
  /** Counted by month of submission: the months the range touches. */
  fromMonth: z.string(),
  toMonth: z.string(),
  total: z.number(),
  byCategory: z.array(Tally),
  byTownship: z.array(Tally),
  /** Where the cases submitted in the range stand now. */
  byStatus: z.array(Tally),
  byUnit: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      assigned: z.number(),
      replied: z.number(),
      overdue: z.number(),
    }),
  ),
  byMonth: z.array(
    z.object({ month: z.string(), submitted: z.number(), answered: z.number(), closed: z.number() }),
  ),
  answered: z.number(),
  /** Median working days from submission to the first answer (deputy's or unit's); null before any. */
  medianWorkingDays: z.number().nullable(),
  rated: z.number(),
  /** Share of results rated 满意 or 基本满意, 0–1. */
  satisfactionRate: z.number().nullable(),
  result: z.array(Tally),
  attitude: z.array(Tally),
  overdue: z.number(),
  /** Share of cases that ran past a stage's limit, 0–1. */
  overdueRate: z.number().nullable(),
  reopened: z.number(),
  published: z.number(),
});
export const ExportOutput = z.object({
  url: z.string(),
  fileName: z.string(),
  rows: z.number(),
  /** Names and texts are in the file (office staff over all of it); otherwise de-identified. */
  personalData: z.boolean(),
  /** More cases than one export holds (2,000): narrow the range. */
  truncated: z.boolean(),
});

export const UnitView = z.object({
  unitId: z.string(),
  name: z.string(),
  contact: z.string(),
  staff: z.number(),
  active: z.boolean(),
});
export const SaveUnitInput = z.object({
  unitId: Id.optional(),
  name: z.string().trim().min(2, '请填写单位名称').max(40),
  contact: z.string().trim().max(60).default(''),
  active: z.boolean().default(true),
  /** An account to grant the handlingUnit role over this unit (from its account.me userId). */
  grantUserId: Id.optional(),
});

const Limit = z.object({
  n: z.number().int().min(1).max(365),
  unit: z.enum(['workingDays', 'days', 'months']),
});
export const SettingsInput = z.object({ countyId: Id.optional() });
export const SettingsOutput = z.object({
  countyId: z.string(),
  categories: z.array(z.string()),
  limits: z.record(Stage, Limit),
});
export const EditSettingsInput = z.object({
  countyId: Id,
  categories: z
    .array(z.string().trim().min(1).max(10, '类别名称不超过 10 字'))
    .min(1, '至少保留一个类别')
    .max(CATEGORY_MAX, `最多 ${CATEGORY_MAX} 个类别`)
    .refine((l) => new Set(l).size === l.length, '类别重复')
    .optional(),
  limits: z
    .object({
      accept: Limit.optional(),
      handle: Limit.optional(),
      assign: Limit.optional(),
      return: Limit.optional(),
      reply: Limit.optional(),
      rehandle: Limit.optional(),
      rate: Limit.optional(),
    })
    .strict()
    .optional(),
});
export const CalendarInput = z.object({ year: z.number().int().min(2020).max(2100) });
export const CalendarOutput = z.object({
  year: z.number(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  updatedAt: IsoDate.nullable(),
});
export const EditCalendarInput = z.object({
  year: z.number().int().min(2020).max(2100),
  holidays: z.array(CaseDate).max(60),
  workdays: z.array(CaseDate).max(30),
});

/** cases: public opinion reports as cases — submit, accept, forward, assign, reply, rate, reopen, publish. */
export const casesContracts = {
  submit: { input: SubmitInput, output: SubmitOutput },
  draftFrom: { input: DraftFromInput, output: DraftFromOutput },
  get: { input: GetInput, output: GetOutput },
  mine: { input: MineInput, output: Page(CaseSummary) },
  queue: { input: QueueInput, output: QueueOutput },
  accept: { input: AcceptInput, output: TransitionOutput },
  decline: { input: DeclineInput, output: TransitionOutput },
  answer: { input: AnswerInput, output: TransitionOutput },
  forward: { input: ForwardInput, output: TransitionOutput },
  followUp: { input: FollowUpInput, output: TransitionOutput },
  release: { input: ReleaseInput, output: TransitionOutput },
  reviewImage: { input: ReviewImageInput, output: ReviewImageOutput },
  heldImages: { input: z.object({ cursor: Cursor }), output: Page(HeldImage) },
  assign: { input: AssignInput, output: TransitionOutput },
  return: { input: ReturnInput, output: TransitionOutput },
  reply: { input: ReplyInput, output: TransitionOutput },
  rate: { input: RateInput, output: TransitionOutput },
  publish: { input: PublishInput, output: TransitionOutput },
  link: { input: LinkInput, output: TransitionOutput },
  support: { input: SupportInput, output: SupportOutput },
  published: { input: PublishedInput, output: Page(PublicCase) },
  stats: { input: RangeInput, output: StatsOutput },
  export: { input: RangeInput, output: ExportOutput },
  units: { input: Empty, output: z.object({ items: z.array(UnitView) }) },
  saveUnit: { input: SaveUnitInput, output: UnitView },
  settings: { input: SettingsInput, output: SettingsOutput },
  editSettings: { input: EditSettingsInput, output: SettingsOutput },
  calendar: { input: CalendarInput, output: CalendarOutput },
  editCalendar: { input: EditCalendarInput, output: CalendarOutput },
} as const;

export type CasesHandlers = Handlers<typeof casesContracts>;
