/**
 * What the contract suites share: the engines every Store adapter runs on, and helpers to read lists
 * page by page and to name how a promise settled.
 */
import { createCloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import { createSqliteStore } from '../../cloudfunctions/adapters/sqlite/store';
import { AppError } from '../../cloudfunctions/core/errors';
import type { After, ListOptions, Store } from '../../cloudfunctions/core/ports';
import { type CollectionName, type Collections } from '../../cloudfunctions/core/records';
import { COLLECTIONS, INDEXES, STORAGES } from '../../cloudfunctions/modules/registry';
import { type CloudbaseDbDouble, createCloudbaseDbDouble } from '../doubles/cloudbase-db';

export interface Engine {
  store: Store;
  /** The database double under the CloudBase store (for its counters); absent on SQLite. */
  double?: CloudbaseDbDouble;
  close(): void;
}

/**
 * SQLite for real; CloudBase through the strict double with the deployment's INDEXES required, so an
 * unindexed query fails here rather than in production.
 */
export const engines: Array<[string, () => Engine]> = [
  [
    'sqlite',
    () => {
      const s = createSqliteStore(':memory:', STORAGES);
      return { store: s, close: () => s.close() };
    },
  ],
  [
    'cloudbase',
    () => {
      const double = createCloudbaseDbDouble({
        collections: COLLECTIONS,
        throwOnNotFound: false,
        indexes: INDEXES,
        requireIndexes: true,
      });
      return { store: createCloudbaseStore(double), double, close: () => undefined };
    },
  ],
];

/** Inserts `docs` in one unit of work. */
export async function seed<C extends CollectionName>(store: Store, collection: C, docs: Collections[C][]) {
  await store.transact(async (tx) => {
    for (const d of docs) await tx.insert(collection, d);
  });
}

type WithId = { id: string };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Binary string order (what both engines use) on `key`, then `id`. */
export function ordered<T extends WithId>(rows: T[], key: (r: T) => string, dir: 'asc' | 'desc'): string[] {
  const s = [...rows].sort((a, b) => cmp(key(a), key(b)) || cmp(a.id, b.id));
  return (dir === 'asc' ? s : s.reverse()).map((r) => r.id);
}

/** Reads a whole list page by page (keyset), checking each page's size. */
export async function readAll<T extends WithId>(
  read: (opts: ListOptions) => Promise<T[]>,
  key: (r: T) => string,
  size: number,
): Promise<string[]> {
  const ids: string[] = [];
  let after: After | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await read({ after, limit: size });
    expect(page.length).toBeLessThanOrEqual(size);
    ids.push(...page.map((r) => r.id));
    if (page.length < size) return ids;
    const last = page[page.length - 1];
    after = { key: key(last), id: last.id };
  }
  throw new Error('too many pages');
}

/** 'resolved', the AppError code it rejected with, or a description of any other rejection. */
export const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'resolved';
};
