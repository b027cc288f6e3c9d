import type { SqliteSchema } from '../../../adapters/storage';
import type { ConsultQueries } from './queries';

export const consultSqlite: SqliteSchema<ConsultQueries> = {
  migrations: [
    `
    CREATE TABLE consultations (
      id TEXT PRIMARY KEY, countyId TEXT NOT NULL, townshipId TEXT, title TEXT NOT NULL, background TEXT NOT NULL,
      articles TEXT NOT NULL, questions TEXT NOT NULL, audience TEXT NOT NULL,
      opensAt TEXT NOT NULL, closesAt TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft','published','closed','feedbackPublished')),
      listed INTEGER NOT NULL, listedAt TEXT NOT NULL, version INTEGER NOT NULL, previousId TEXT, supersededBy TEXT,
      feedback TEXT NOT NULL, publishedAt TEXT, closedAt TEXT, feedbackPublishedAt TEXT, remindersSentAt TEXT,
      createdBy TEXT NOT NULL, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL
    );
    CREATE INDEX consultations_listed ON consultations (listed, listedAt, id);
    CREATE INDEX consultations_status ON consultations (status, listedAt, id);
    CREATE INDEX consultations_county ON consultations (status, countyId, listedAt, id);
    CREATE INDEX consultations_township ON consultations (status, townshipId, listedAt, id);
    CREATE INDEX consultations_closes ON consultations (status, closesAt, id);
    CREATE TABLE consultResponses (
      id TEXT PRIMARY KEY, consultationId TEXT NOT NULL, userId TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('voter','deputy')), deputyId TEXT, townshipId TEXT, constituencyId TEXT,
      name TEXT NOT NULL, publicName TEXT NOT NULL, anonymous INTEGER NOT NULL, answers TEXT NOT NULL,
      articleIds TEXT NOT NULL, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, edits INTEGER NOT NULL,
      UNIQUE (consultationId, userId)
    );
    CREATE INDEX consultResponses_consultation ON consultResponses (consultationId, createdAt, id);
    CREATE TABLE consultComments (
      id TEXT PRIMARY KEY, consultationId TEXT NOT NULL, responseId TEXT NOT NULL, userId TEXT NOT NULL,
      articleId TEXT, questionId TEXT, text TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('visible','held')),
      role TEXT NOT NULL, name TEXT NOT NULL, publicName TEXT NOT NULL, anonymous INTEGER NOT NULL,
      townshipId TEXT, constituencyId TEXT, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL,
      CHECK ((articleId IS NULL) <> (questionId IS NULL))
    );
    CREATE INDEX consultComments_consultation ON consultComments (consultationId, createdAt, id);
    CREATE INDEX consultComments_article ON consultComments (consultationId, articleId, createdAt, id);
    CREATE INDEX consultComments_question ON consultComments (consultationId, questionId, createdAt, id);
    CREATE TABLE consultTallies (
      id TEXT PRIMARY KEY, consultationId TEXT NOT NULL, shard INTEGER NOT NULL, counts TEXT NOT NULL,
      UNIQUE (consultationId, shard)
    );
    CREATE TABLE consultNotices (
      id TEXT PRIMARY KEY, consultationId TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('feedback','corrected')),
      title TEXT NOT NULL, body TEXT NOT NULL, link TEXT NOT NULL, afterKey TEXT, afterId TEXT,
      sent INTEGER NOT NULL, done INTEGER NOT NULL, createdAt TEXT NOT NULL
    );
    CREATE INDEX consultNotices_pending ON consultNotices (done, createdAt, id);
    `,
    // 2: held comments are reviewed (released or kept hidden); staff list those waiting by status.
    `
    ALTER TABLE consultComments ADD COLUMN reviewedAt TEXT;
    CREATE INDEX consultComments_status ON consultComments (consultationId, status, createdAt, id);
    `,
  ],
  codecs: {
    consultations: { json: ['articles', 'questions', 'audience', 'feedback'], bool: ['listed'] },
    consultResponses: { json: ['answers', 'articleIds'], bool: ['anonymous'] },
    consultComments: { bool: ['anonymous'] },
    consultTallies: { json: ['counts'] },
    consultNotices: { bool: ['done'] },
  },

  queries: (kit) => ({
    listed: (filter, opts) =>
      kit.list(
        'consultations',
        filter.status ? [['status = ?', filter.status]] : [['listed = 1', true]],
        'listedAt',
        true,
        opts,
      ),
    drafts: (scope, opts) =>
      kit.list(
        'consultations',
        [
          ["status = 'draft'", true],
          // A given scope always filters (an empty string matches nothing rather than widening it).
          ['countyId = ?', scope.countyId],
          ['townshipId = ?', scope.townshipId],
          ['0', scope.countyId === undefined && scope.townshipId === undefined],
        ],
        'listedAt',
        true,
        opts,
      ),
    publishedClosingBy: (before, limit) =>
      kit.list(
        'consultations',
        [
          ["status = 'published'", true],
          ['closesAt <= ?', before],
        ],
        'closesAt',
        false,
        { limit },
      ),
    talliesOf: (consultationId) =>
      kit.list('consultTallies', [['consultationId = ?', consultationId]], 'id', false, { limit: 100 }),
    responsesOf: (consultationId, opts) =>
      kit.list('consultResponses', [['consultationId = ?', consultationId]], 'createdAt', false, opts),
    commentsOf: (consultationId, filter, opts) =>
      kit.list(
        'consultComments',
        [
          ['consultationId = ?', consultationId],
          ['articleId = ?', filter.articleId],
          ['questionId = ?', filter.questionId],
          ["status = 'visible'", !!filter.visibleOnly],
          ["status = 'held' AND reviewedAt IS NULL", !!filter.waiting],
        ],
        'createdAt',
        false,
        opts,
      ),
    pendingNotices: (limit) =>
      kit.list('consultNotices', [['done = 0', true]], 'createdAt', false, { limit }),
  }),
};
