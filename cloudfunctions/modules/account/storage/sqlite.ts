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
