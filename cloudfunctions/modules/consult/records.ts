/** Consultations (意见征询): drafts and questions put to voters and deputies, their responses and tallies. */

export interface Article {
  articleId: string;
  /** 第X条 as a number. */
  number: number;
  /** The chapter (第X章 …, and a section if any) it stands under. */
  chapter: string | null;
  title: string | null;
  text: string;
}

export type QuestionKind = 'single' | 'multiple' | 'scale' | 'text';

export interface Question {
  questionId: string;
  kind: QuestionKind;
  title: string;
  /** The choices of a single or multiple choice question (answered by index); empty otherwise. */
  options: string[];
  required: boolean;
}

export interface Audience {
  kind: 'all' | 'verified' | 'deputies';
  /** Empty both: the whole scope of the consultation (its county, or its township). */
  townshipIds: string[];
  constituencyIds: string[];
}

export interface FeedbackItem {
  articleId: string;
  outcome: 'adopted' | 'partly' | 'notAdopted';
  reason: string;
}

/**
 * A consultation. Its content (title, background, articles, questions, audience, times) is frozen once
 * published: a correction is a new consultation (`previousId`, `version` + 1) whose publishing closes
 * this one (`supersededBy`) and tells those who answered it.
 */
export interface Consultation {
  id: string;
  countyId: string;
  /** null for a county-level consultation. */
  townshipId: string | null;
  title: string;
  background: string;
  articles: Article[];
  questions: Question[];
  audience: Audience;
  opensAt: string;
  closesAt: string;
  status: 'draft' | 'published' | 'closed' | 'feedbackPublished';
  /** Shown in the public list (everything but drafts). */
  listed: boolean;
  /** The list's sort key: createdAt for a draft, publishedAt once published. */
  listedAt: string;
  version: number;
  previousId: string | null;
  supersededBy: string | null;
  /** The office's feedback per article: a draft until `feedbackPublishedAt`. */
  feedback: FeedbackItem[];
  publishedAt: string | null;
  closedAt: string | null;
  feedbackPublishedAt: string | null;
  remindersSentAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface AnswerRecord {
  questionId: string;
  choice?: number;
  choices?: number[];
  scale?: number;
  text?: string;
}

/** One person's response (`${consultationId}:${userId}`): the one response they may edit until close. */
export interface ConsultResponse {
  id: string;
  consultationId: string;
  userId: string;
  role: 'voter' | 'deputy';
  deputyId: string | null;
  townshipId: string | null;
  constituencyId: string | null;
  /** Registered name (or the deputy's name): office staff only. */
  name: string;
  /** What public displays show: 王*明, 李华代表, or 匿名. */
  publicName: string;
  anonymous: boolean;
  answers: AnswerRecord[];
  /** Articles commented on (each a consultComments document). */
  articleIds: string[];
  createdAt: string;
  updatedAt: string;
  edits: number;
}

/**
 * A comment on an article, or a free-text answer to a question (`${responseId}:a:${articleId}` /
 * `${responseId}:q:${questionId}`). A held one (内容安全 review) reaches nobody but its author and staff
 * until office staff review it (`consult.review`): released it is visible; hidden it stays held, reviewed.
 */
export interface ConsultComment {
  id: string;
  consultationId: string;
  responseId: string;
  userId: string;
  articleId: string | null;
  questionId: string | null;
  text: string;
  status: 'visible' | 'held';
  /** When office staff reviewed a held one (null: not reviewed; absent on records from before reviews). */
  reviewedAt?: string | null;
  role: 'voter' | 'deputy';
  name: string;
  publicName: string;
  anonymous: boolean;
  townshipId: string | null;
  constituencyId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Held and not reviewed yet: what the results count as 待审核. */
export const isWaiting = (d: ConsultComment) => d.status === 'held' && !d.reviewedAt;
/** Held and reviewed: staff kept it from the public; it stays with its author. */
export const isHidden = (d: ConsultComment) => d.status === 'held' && !!d.reviewedAt;

/**
 * One shard of a consultation's counters (`${consultationId}:${shard}`): each response adds its answer
 * to one shard picked at random (an edit subtracts its old answer there too), and results sum the
 * shards — so concurrent responses on CloudBase rarely write the same document. Keys: `n`,
 * `role:voter|deputy`, `tw:<townshipId>`, `cs:<constituencyId>`, `q:<questionId>` (answered),
 * `o:<questionId>:<option or scale value>`, `sum:<questionId>` (scale), `a:<articleId>` (comments),
 * `held`.
 */
export interface ConsultTally {
  id: string;
  consultationId: string;
  shard: number;
  counts: Record<string, number>;
}

/**
 * A notice to every respondent of a consultation (feedback published, or a corrected version), sent
 * by the timer in bounded batches: `after` is the last response notified.
 */
export interface ConsultNotice {
  id: string;
  consultationId: string;
  kind: 'feedback' | 'corrected';
  title: string;
  body: string;
  link: string;
  afterKey: string | null;
  afterId: string | null;
  sent: number;
  done: boolean;
  createdAt: string;
}

declare module '../../core/records' {
  interface Collections {
    consultations: Consultation;
    consultResponses: ConsultResponse;
    consultComments: ConsultComment;
    consultTallies: ConsultTally;
    consultNotices: ConsultNotice;
  }
}

export const CONSULT_COLLECTIONS = [
  'consultations',
  'consultResponses',
  'consultComments',
  'consultTallies',
  'consultNotices',
] as const;
