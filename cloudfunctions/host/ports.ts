/** Builds the local ports over SQLite and this machine — used by the host, the tests and the bench. */
import { DEFAULT_POINTS } from '../core/points';
import type { Ports } from '../core/ports';
import type { Clock, ContentCheck } from '../core/ports';
import { createSqliteStore } from '../adapters/sqlite/store';
import {
  folderFiles,
  hmacHasher,
  inAppNotifier,
  qrCardCodes,
  randomIds,
  systemClock,
  wordListContentCheck,
} from '../adapters/local';

export interface LocalOptions {
  dbPath: string;
  filesDir: string;
  publicUrl: string;
  idHashSecret: string;
  clock?: Clock;
  content?: ContentCheck;
  dailyMessageLimit?: number;
}

export function createLocalPorts(o: LocalOptions): Ports & { store: ReturnType<typeof createSqliteStore> } {
  return {
    store: createSqliteStore(o.dbPath),
    content: o.content ?? wordListContentCheck(),
    notifier: inAppNotifier(),
    codes: qrCardCodes(o.publicUrl),
    files: folderFiles(o.filesDir),
    clock: o.clock ?? systemClock(),
    ids: randomIds(),
    hasher: hmacHasher(o.idHashSecret),
    config: { publicUrl: o.publicUrl, dailyMessageLimit: o.dailyMessageLimit ?? 10, points: DEFAULT_POINTS },
  };
}
