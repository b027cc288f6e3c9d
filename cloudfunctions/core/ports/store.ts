import type { CollectionName, Collections } from '../records';

/**
 * Keyset position in a list: the sort value and id of the last row seen.
 * Lists are read with `limit + 1` rows to learn whether there is a next page.
 */
export interface After {
  key: string;
  id: string;
}

export interface ListOptions {
  after?: After;
  /** ≤ 100 (a CloudBase server query returns at most 100 rows). */
  limit: number;
}

/**
 * A unit of work over documents by id — the operations both engines run atomically
 * (CloudBase transactions allow only single-document operations, no `where`).
 */
export interface Tx {
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null>;
  /** Throws AppError CONFLICT when a document with that id exists. */
  insert<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void>;
  /** Throws AppError NOT_FOUND when there is no such document. */
  update<C extends CollectionName>(
    collection: C,
    id: string,
    patch: Partial<Omit<Collections[C], 'id'>>,
  ): Promise<void>;
  remove(collection: CollectionName, id: string): Promise<void>;
}

/**
 * A module's storage: the queries its screens and handlers ask, written for each engine (see
 * adapters/storage.ts, which also carries each engine's schema — SQLite migrations, CloudBase indexes).
 * The store hands out the implementation for its own engine.
 */
export interface Storage<Q> {
  readonly name: string;
  readonly sqlite: { queries(kit: never): Q };
  readonly cloudbase: { queries(kit: never): Q };
}

export interface Store {
  /** One document by id, outside any unit of work. */
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null>;
  /** Runs `work` as one unit: every write lands, or none does. May retry `work` on a write conflict. */
  transact<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** A module's queries on this store's engine. */
  queries<Q>(storage: Storage<Q>): Q;
}
