import type { SqliteSchema } from '../../../adapters/storage';
import { backfillNameKeys, nameConditions } from '../../../adapters/sqlite/names';
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
    // 3: the register in pinyin order and searched by it: each entry's sort key, computed here for the
    // entries that exist (core/nameKey.ts), and the list's index on it instead of the name.
    (db) => {
      db.exec("ALTER TABLE registerEntries ADD COLUMN nameKey TEXT NOT NULL DEFAULT ''");
      backfillNameKeys(db, 'registerEntries');
      db.exec(`
        DROP INDEX registerEntries_list;
        CREATE INDEX registerEntries_nameKey ON registerEntries (constituencyId, nameKey, id);
      `);
    },
  ],

  queries: (kit) => ({
    registerEntries: (filter, opts) =>
      kit.list(
        'registerEntries',
        [['constituencyId = ?', filter.constituencyId], ...nameConditions(filter.search)],
        'nameKey',
        false,
        opts,
      ),
    // Every entry has its key on SQLite (migration 3 computed them).
    entriesWithoutNameKey: async () => [],
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
