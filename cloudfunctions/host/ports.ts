/** Builds the local ports over SQLite and this machine — used by the host, the tests and the bench. */
import type { Clock, ContentCheck, Ports } from '../core/ports';
import { createSqliteStore, type SqliteStore } from '../adapters/sqlite/store';
import {
  folderFiles,
  hmacHasher,
  inAppNotifier,
  qrCodes,
  randomIds,
  systemClock,
  wordListContentCheck,
} from '../adapters/local';
import { DEFAULT_POINTS, STORAGES } from '../modules/registry';

export interface LocalOptions {
  dbPath: string;
  filesDir: string;
  publicUrl: string;
  idHashSecret: string;
  clock?: Clock;
  content?: ContentCheck;
  dailyMessageLimit?: number;
}

export function createLocalPorts(o: LocalOptions): Ports & { store: SqliteStore } {
  return {
    store: createSqliteStore(o.dbPath, STORAGES),
    content: o.content ?? wordListContentCheck(),
    notifier: inAppNotifier(),
    codes: qrCodes(o.publicUrl),
    files: folderFiles(o.filesDir),
    clock: o.clock ?? systemClock(),
    ids: randomIds(),
    hasher: hmacHasher(o.idHashSecret),
    config: { publicUrl: o.publicUrl, dailyMessageLimit: o.dailyMessageLimit ?? 10, points: DEFAULT_POINTS },
  };
}
