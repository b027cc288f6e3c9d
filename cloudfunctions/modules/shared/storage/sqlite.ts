import { backfillNameKeys, nameConditions } from '../../../adapters/sqlite/names';
import type { SqliteSchema } from '../../../adapters/storage';
import { KEPT_COUNTER, unreadNoticesCounter } from '../../../core/counters';
import type { SharedQueries } from './queries';

export const sharedSqlite: SqliteSchema<SharedQueries> = {
  migrations: [
    `
    CREATE TABLE regions (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('county','township','constituency')),
      name TEXT NOT NULL, parentId TEXT, countyId TEXT NOT NULL, townshipId TEXT
    );
    CREATE TABLE stations (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL,
      address TEXT NOT NULL, contact TEXT NOT NULL, latitude REAL, longitude REAL,
      openingNotes TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE users (
      id TEXT PRIMARY KEY, openid TEXT NOT NULL UNIQUE, displayName TEXT NOT NULL, createdAt TEXT NOT NULL,
      verifiedEntryId TEXT UNIQUE, verifiedAt TEXT, constituencyId TEXT,
      failedVerifications INTEGER NOT NULL DEFAULT 0, verifyLockedUntil TEXT
    );
    CREATE TABLE roleGrants (
      id TEXT PRIMARY KEY, userId TEXT NOT NULL, role TEXT NOT NULL, scopeKind TEXT NOT NULL, scopeId TEXT NOT NULL
    );
    CREATE INDEX roleGrants_user ON roleGrants (userId);
    CREATE TABLE deputies (
      id TEXT PRIMARY KEY, userId TEXT UNIQUE, name TEXT NOT NULL, level TEXT NOT NULL CHECK (level IN ('county','township')),
      countyId TEXT NOT NULL, townshipId TEXT NOT NULL, constituencyId TEXT NOT NULL, workUnit TEXT NOT NULL,
      photoUrl TEXT NOT NULL, stationId TEXT, publicContact TEXT NOT NULL, code TEXT NOT NULL UNIQUE,
      cardFileId TEXT, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL
    );
    CREATE INDEX deputies_list ON deputies (constituencyId, name, id);
    CREATE TABLE activities (
      id TEXT PRIMARY KEY, deputyId TEXT NOT NULL, type TEXT NOT NULL, refType TEXT NOT NULL, refId TEXT NOT NULL,
      summary TEXT NOT NULL, points REAL NOT NULL, at TEXT NOT NULL
    );
    CREATE INDEX activities_deputy ON activities (deputyId, at, id);
    CREATE TABLE outbox (
      id TEXT PRIMARY KEY, userId TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
      link TEXT NOT NULL, createdAt TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
      sentAt TEXT, readAt TEXT
    );
    CREATE INDEX outbox_user ON outbox (userId, createdAt, id);
    CREATE INDEX outbox_status ON outbox (status, createdAt, id);
    CREATE TABLE audit (
      id TEXT PRIMARY KEY, actorUserId TEXT, action TEXT NOT NULL, entityType TEXT NOT NULL, entityId TEXT NOT NULL,
      detail TEXT NOT NULL, at TEXT NOT NULL
    );
    CREATE INDEX audit_entity ON audit (entityType, entityId, at);
    CREATE TABLE idempotency (id TEXT PRIMARY KEY, result TEXT NOT NULL, at TEXT NOT NULL);
    CREATE TABLE counters (id TEXT PRIMARY KEY, count INTEGER NOT NULL, expiresAt TEXT NOT NULL);
    CREATE TABLE claims (id TEXT PRIMARY KEY, refId TEXT NOT NULL, at TEXT NOT NULL);
    `,
    // 2: a user's unread notifications that open one page (opening the page reads them).
    `CREATE INDEX outbox_link ON outbox (userId, link, createdAt, id);`,
    // 3: image checks that answer later (mediaCheckAsync), by trace id.
    `CREATE TABLE mediaChecks (
      id TEXT PRIMARY KEY, traceId TEXT NOT NULL, fileId TEXT NOT NULL, userId TEXT NOT NULL, ref TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending','pass','review','risky')), createdAt TEXT NOT NULL,
      decidedAt TEXT
    );`,
    // 4: each user's unread notifications as a counter document (core/counters.ts), counted once here for
    // the notifications that exist; the index makes a recount cost the unread ones only. Deputies listed
    // by township or county seek an index too.
    `
    INSERT OR REPLACE INTO counters (id, count, expiresAt)
      SELECT 'unread:outbox:' || userId, SUM(readAt IS NULL), '${KEPT_COUNTER}' FROM outbox GROUP BY userId;
    CREATE INDEX outbox_unread ON outbox (userId) WHERE readAt IS NULL;
    CREATE INDEX deputies_township ON deputies (townshipId, name, id);
    CREATE INDEX deputies_name ON deputies (name, id);
    `,
    // 5: deputies in pinyin order and searched by it — each one's sort key, computed here for those that
    // exist (core/nameKey.ts), the lists' indexes on it instead of the name — and an uploaded photo.
    (db) => {
      db.exec(`
        ALTER TABLE deputies ADD COLUMN nameKey TEXT NOT NULL DEFAULT '';
        ALTER TABLE deputies ADD COLUMN photoFileId TEXT;
      `);
      backfillNameKeys(db, 'deputies');
      db.exec(`
        DROP INDEX deputies_list;
        DROP INDEX deputies_township;
        DROP INDEX deputies_name;
        CREATE INDEX deputies_constituency_nameKey ON deputies (constituencyId, nameKey, id);
        CREATE INDEX deputies_township_nameKey ON deputies (townshipId, nameKey, id);
        CREATE INDEX deputies_nameKey ON deputies (nameKey, id);
      `);
    },
    // 6: the office's review of held images (imageReview.ts), one per image, listed by scope and by when
    // each counts as held; a check now names the image it is of.
    `
    ALTER TABLE mediaChecks ADD COLUMN imageIndex INTEGER;
    CREATE TABLE imageReviews (
      id TEXT PRIMARY KEY, module TEXT NOT NULL, ref TEXT NOT NULL, targetId TEXT NOT NULL,
      imageIndex INTEGER NOT NULL, fileId TEXT NOT NULL, authorUserId TEXT NOT NULL, countyId TEXT NOT NULL,
      townshipId TEXT NOT NULL, label TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('waiting','settled','released','hidden')),
      heldAt TEXT NOT NULL, decidedBy TEXT, decidedAt TEXT
    );
    CREATE INDEX imageReviews_county ON imageReviews (module, countyId, status, heldAt, id);
    CREATE INDEX imageReviews_township ON imageReviews (module, townshipId, status, heldAt, id);
    `,
  ],
  codecs: { audit: { json: ['detail'] }, idempotency: { json: ['result'] } },

  queries: (kit) => ({
    regions: () => kit.all('regions', 'SELECT * FROM regions ORDER BY kind, name, id LIMIT 1000', []),
    stations: () => kit.all('stations', 'SELECT * FROM stations ORDER BY name, id LIMIT 1000', []),
    userByOpenid: (openid) => kit.one('users', 'SELECT * FROM users WHERE openid = ?', [openid]),
    grantsOfUser: (userId) =>
      kit.all('roleGrants', 'SELECT * FROM roleGrants WHERE userId = ? ORDER BY id LIMIT 100', [userId]),
    deputyByUser: (userId) => kit.one('deputies', 'SELECT * FROM deputies WHERE userId = ?', [userId]),
    deputyByCode: (code) => kit.one('deputies', 'SELECT * FROM deputies WHERE code = ?', [code]),
    deputies: (filter, opts) =>
      kit.list(
        'deputies',
        [
          ['constituencyId = ?', filter.constituencyId],
          ['constituencyId <> ?', filter.excludeConstituencyId],
          ['townshipId = ?', filter.townshipId],
          ...nameConditions(filter.search),
        ],
        'nameKey',
        false,
        opts,
      ),
    // Every deputy has its key on SQLite (migration 5 computed them).
    deputiesWithoutNameKey: async () => [],
    outboxOfUser: (userId, opts) => kit.list('outbox', [['userId = ?', userId]], 'createdAt', true, opts),
    unreadOutbox: (userId) =>
      kit.counter(unreadNoticesCounter(userId), () =>
        kit.count(
          'SELECT COUNT(*) AS n FROM outbox INDEXED BY outbox_unread WHERE userId = ? AND readAt IS NULL',
          [userId],
        ),
      ),
    unreadAt: (userId, link) =>
      kit.list(
        'outbox',
        [
          ['userId = ?', userId],
          ['link = ?', link],
          ['readAt IS NULL', true],
        ],
        'createdAt',
        false,
        { limit: 100 },
      ),
    pendingOutbox: (limit) =>
      kit.list('outbox', [["status = 'pending'", true]], 'createdAt', false, { limit }),
    activitiesOfDeputy: (deputyId, opts) =>
      kit.list('activities', [['deputyId = ?', deputyId]], 'at', true, opts),
    heldImages: (filter, opts) =>
      kit.list(
        'imageReviews',
        [
          ['module = ?', filter.module],
          ['countyId = ?', filter.countyId],
          ['townshipId = ?', filter.townshipId],
          ["status = 'waiting'", true],
          ['heldAt <= ?', filter.heldBy],
        ],
        'heldAt',
        false,
        opts,
      ),
  }),
};
