import type { CloudbaseSchema } from '../../../adapters/storage';
import type { Where } from '../../../adapters/cloudbase/db';
import type { IndexSpec } from '../../../adapters/cloudbase/kit';
import type { ConsultQueries } from './queries';

/** An index on `lead` (equality fields), then `sort` and _id, all in `order`. */
const index = (name: string, lead: string[], sort: string, order: 'asc' | 'desc' = 'asc'): IndexSpec => ({
  name,
  fields: [...lead.map((f): [string, 'asc'] => [f, 'asc']), [sort, order], ['_id', order]],
});

export const consultCloudbase: CloudbaseSchema<ConsultQueries> = {
  indexes: {
    consultations: [
      index('listed_listedAt_id', ['listed'], 'listedAt', 'desc'),
      index('status_listedAt_id', ['status'], 'listedAt', 'desc'),
      index('status_county_listedAt_id', ['status', 'countyId'], 'listedAt', 'desc'),
      index('status_township_listedAt_id', ['status', 'townshipId'], 'listedAt', 'desc'),
      index('status_closesAt_id', ['status'], 'closesAt'),
    ],
    consultResponses: [index('consultation_createdAt_id', ['consultationId'], 'createdAt')],
    consultComments: [
      index('consultation_createdAt_id', ['consultationId'], 'createdAt'),
      index('consultation_article_createdAt_id', ['consultationId', 'articleId'], 'createdAt'),
      index('consultation_question_createdAt_id', ['consultationId', 'questionId'], 'createdAt'),
      index('consultation_status_createdAt_id', ['consultationId', 'status'], 'createdAt'),
    ],
    consultTallies: [
      {
        name: 'consultation_id',
        fields: [
          ['consultationId', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
    consultNotices: [index('done_createdAt_id', ['done'], 'createdAt')],
  },

  queries: (kit) => ({
    listed: (filter, opts) =>
      kit.list(
        'consultations',
        [filter.status ? { status: filter.status } : { listed: true }],
        'listedAt',
        'desc',
        opts,
      ),
    drafts(scope, opts) {
      const eq: Record<string, unknown> = { status: 'draft' };
      if (scope.townshipId !== undefined) eq.townshipId = scope.townshipId;
      else if (scope.countyId !== undefined) eq.countyId = scope.countyId;
      else return Promise.resolve([]);
      return kit.list('consultations', [eq], 'listedAt', 'desc', opts);
    },
    publishedClosingBy: (before, limit) =>
      kit.list(
        'consultations',
        [{ status: 'published' }, { closesAt: kit._.lte(before) }] as Where[],
        'closesAt',
        'asc',
        { limit },
      ),
    talliesOf: (consultationId) => kit.byId('consultTallies', { consultationId }),
    responsesOf: (consultationId, opts) =>
      kit.list('consultResponses', [{ consultationId }], 'createdAt', 'asc', opts),
    commentsOf(consultationId, filter, opts) {
      const eq: Record<string, unknown> = { consultationId };
      if (filter.articleId !== undefined) eq.articleId = filter.articleId;
      if (filter.questionId !== undefined) eq.questionId = filter.questionId;
      if (filter.visibleOnly) eq.status = 'visible';
      // Held ones already reviewed (kept hidden) are few: skipped while scanning the held ones by the index.
      if (filter.waiting) Object.assign(eq, { status: 'held', reviewedAt: null });
      return kit.list('consultComments', [eq], 'createdAt', 'asc', opts);
    },
    pendingNotices: (limit) => kit.list('consultNotices', [{ done: false }], 'createdAt', 'asc', { limit }),
  }),
};
