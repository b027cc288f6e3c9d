/** The consult module's queries: what its handlers ask, one interface for both engines. */
import type { ListOptions } from '../../../core/ports';
import type { ConsultComment, Consultation, ConsultNotice, ConsultResponse, ConsultTally } from '../records';

export interface CommentFilter {
  articleId?: string;
  questionId?: string;
  /** Only comments nobody holds for review (what the public sees). */
  visibleOnly?: boolean;
  /** Only held ones office staff have not reviewed yet. */
  waiting?: boolean;
}

export interface ConsultQueries {
  /** Published, closed and answered consultations (not drafts), newest first (listedAt, id descending). */
  listed(
    filter: { status?: Exclude<Consultation['status'], 'draft'> },
    opts: ListOptions,
  ): Promise<Consultation[]>;
  /** Drafts of a county (every township's too) or of one township, newest first. */
  drafts(scope: { countyId?: string; townshipId?: string }, opts: ListOptions): Promise<Consultation[]>;
  /** Published (still open) consultations closing at or before `before`, soonest first (at most `limit`). */
  publishedClosingBy(before: string, limit: number): Promise<Consultation[]>;
  /** Every counter shard of a consultation (at most 100). */
  talliesOf(consultationId: string): Promise<ConsultTally[]>;
  /** A consultation's responses in the order they first came (createdAt, id ascending). */
  responsesOf(consultationId: string, opts: ListOptions): Promise<ConsultResponse[]>;
  /** Comments and text answers, oldest first (createdAt, id); at most one of articleId / questionId. */
  commentsOf(consultationId: string, filter: CommentFilter, opts: ListOptions): Promise<ConsultComment[]>;
  /** Notices still being sent, oldest first (at most `limit`). */
  pendingNotices(limit: number): Promise<ConsultNotice[]>;
}
