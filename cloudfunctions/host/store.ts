/**
 * The host's own tables — sessions, password accounts, invitations — as a migration set of their own in
 * the SQLite store's ledger (module name `host`), beside the capability modules' sets. They exist only on
 * the local host: on WeChat the identity is the OPENID, so no module reads them.
 *
 * Writes go through `store.transact` (the store runs one unit of work at a time on its one connection, so a
 * raw write outside it could land inside another request's open transaction); reads are single statements.
 */
import type Database from 'better-sqlite3';
import { migrate } from '../adapters/sqlite/migrate';
import type { SqliteStore } from '../adapters/sqlite/store';

/** Append — never edit one that shipped. Times are epoch milliseconds. */
export const HOST_MIGRATIONS: readonly string[] = [
  `CREATE TABLE host_sessions (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('demo', 'password')),
     refresh_hash TEXT NOT NULL,
     prev_refresh_hash TEXT,
     created_at INTEGER NOT NULL,
     renewed_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked_at INTEGER
   );
   CREATE INDEX host_sessions_user ON host_sessions (user_id);
   CREATE TABLE host_accounts (
     login TEXT PRIMARY KEY,
     user_id TEXT NOT NULL UNIQUE,
     password_hash TEXT NOT NULL,
     failed INTEGER NOT NULL DEFAULT 0,
     locked_until INTEGER,
     created_at INTEGER NOT NULL,
     password_at INTEGER NOT NULL
   );
   CREATE TABLE host_invitations (
     code_hash TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('account', 'reset')),
     role TEXT,
     scope_id TEXT,
     display_name TEXT,
     user_id TEXT,
     created_by TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used_at INTEGER,
     used_by TEXT
   );`,
];

export interface HostDb {
  store: SqliteStore;
  db: Database.Database;
  /** Runs `fn` as one unit of work of the store (raw statements inside are part of it). */
  write<T>(fn: (db: Database.Database) => T | Promise<T>): Promise<T>;
}

/** Creates or migrates the host's tables in the store's database. */
export function hostDb(store: SqliteStore): HostDb {
  migrate(store.db, [{ name: 'host', migrations: HOST_MIGRATIONS }]);
  return {
    store,
    db: store.db,
    write: (fn) => store.transact(async () => fn(store.db)),
  };
}
