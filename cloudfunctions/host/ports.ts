/** Builds the local ports over SQLite and this machine — used by the host, the tests and the bench. */
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import type { Clock, ContentCheck, MediaCheck, Ports } from '../core/ports';
import { createSqliteStore, type SqliteStore } from '../adapters/sqlite/store';
import {
  demoOpenData,
  folderFiles,
  localMediaCheck,
  hmacHasher,
  inAppNotifier,
  qrCodes,
  randomIds,
  systemClock,
  wordListContentCheck,
} from '../adapters/local';
import { DEFAULT_POINTS, STORAGES } from '../modules/registry';

export interface LocalOptions {
  /** A file, `:memory:`, or a serialised database opened in memory. */
  dbPath: string | Buffer;
  filesDir: string;
  publicUrl: string;
  idHashSecret: string;
  clock?: Clock;
  content?: ContentCheck;
  /** The image check (default: every stored upload passes at once). */
  media?: (files: { exists(fileId: string): boolean }) => MediaCheck;
  dailyMessageLimit?: number;
}

/**
 * The database holds names, phone numbers and ID hashes: it is made readable by this user only (600, like
 * secrets.json), before SQLite first opens it — SQLite gives its -wal and -shm files the database file's
 * mode — and a database made by an older host (644) is tightened too.
 */
export function secureDatabaseFiles(dbPath: string | Buffer): void {
  if (typeof dbPath !== 'string' || dbPath === ':memory:' || dbPath.startsWith('file:')) return;
  if (!existsSync(dbPath)) closeSync(openSync(dbPath, 'a', 0o600));
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`])
    if (existsSync(f)) chmodSync(f, 0o600);
}

export function createLocalPorts(o: LocalOptions): Ports & { store: SqliteStore } {
  secureDatabaseFiles(o.dbPath);
  const store = createSqliteStore(o.dbPath, STORAGES);
  secureDatabaseFiles(o.dbPath);
  const files = folderFiles(o.filesDir);
  return {
    store,
    content: o.content ?? wordListContentCheck(),
    media: o.media ? o.media(files) : localMediaCheck(files),
    openData: demoOpenData(),
    notifier: inAppNotifier(),
    codes: qrCodes(o.publicUrl),
    files,
    clock: o.clock ?? systemClock(),
    ids: randomIds(),
    hasher: hmacHasher(o.idHashSecret),
    config: { publicUrl: o.publicUrl, dailyMessageLimit: o.dailyMessageLimit ?? 10, points: DEFAULT_POINTS },
  };
}
