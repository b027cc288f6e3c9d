import type { SqliteSchema } from '../../../adapters/storage';
import type { AccountQueries } from './queries';

export const accountSqlite: SqliteSchema<AccountQueries> = {
  migrations: [
    `
    CREATE TABLE registerEntries (
      id TEXT PRIMARY KEY, countyId TEXT NOT NULL, townshipId TEXT NOT NULL, constituencyId TEXT NOT NULL,
      name TEXT NOT NULL, idMasked TEXT NOT NULL, phone TEXT, boundUserId TEXT UNIQUE, boundAt TEXT,
      createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL
    );
    CREATE INDEX registerEntries_list ON registerEntries (constituencyId, name, id);
    CREATE TABLE conflicts (
      id TEXT PRIMARY KEY, entryId TEXT NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL,
      constituencyId TEXT NOT NULL, claimantUserId TEXT NOT NULL, holderUserId TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open','resolved')), resolution TEXT, resolvedBy TEXT, resolvedAt TEXT,
      createdAt TEXT NOT NULL
    );
    CREATE INDEX conflicts_list ON conflicts (townshipId, status, createdAt);
    CREATE TABLE consents (
      id TEXT PRIMARY KEY, userId TEXT NOT NULL, purpose TEXT NOT NULL, textVersion TEXT NOT NULL, at TEXT NOT NULL
    );
    `,
    // 2: the conflicts lists (newest first) by county, by township or for all, with or without a status,
    // each seeking its page (most conflicts end resolved, so the open ones are few among many).
    `
    CREATE INDEX conflicts_county ON conflicts (countyId, createdAt, id);
    CREATE INDEX conflicts_county_status ON conflicts (countyId, status, createdAt, id);
    CREATE INDEX conflicts_township ON conflicts (townshipId, createdAt, id);
    CREATE INDEX conflicts_township_status ON conflicts (townshipId, status, createdAt, id);
    CREATE INDEX conflicts_created ON conflicts (createdAt, id);
    CREATE INDEX conflicts_status ON conflicts (status, createdAt, id);
    `,
  ],

  queries: (kit) => ({
    registerEntries: (filter, opts) =>
      kit.list('registerEntries', [['constituencyId = ?', filter.constituencyId]], 'name', false, opts),
    conflicts: (filter, opts) =>
      kit.list(
        'conflicts',
        [
          ['countyId = ?', filter.countyId],
          ['townshipId = ?', filter.townshipId],
          ['status = ?', filter.status],
        ],
        'createdAt',
        true,
        opts,
      ),
  }),
};
