/**
 * The part of `cloud.database()` (wx-server-sdk) that the CloudBase adapter uses — nothing more.
 *
 * Typed here rather than imported from wx-server-sdk: its declarations return
 * `Promise<…> | void | string` (callback style) and would leak SDK types into the adapter. The WeChat entry
 * point passes `cloud.database({ throwOnNotFound: false }) as unknown as CloudDb`; the contract suite passes
 * the in-memory double in tests/doubles/cloudbase-db.ts, which implements exactly this surface.
 *
 * Semantics the adapter relies on (wx-server-sdk 4.x, checked against its source and the CloudBase docs):
 * - `doc(id).get()` with `throwOnNotFound: false` resolves `{ data: null }` for a missing document
 *   (the default, `true`, rejects instead).
 * - `update({ data })` merges: a plain object value is flattened into `field.sub` paths, so writing a
 *   whole object (e.g. `audit.detail`) needs `_.set(value)`; an empty object is dropped altogether.
 *   `undefined` values are dropped.
 * - `stats.updated` counts documents the update changed (0 for a missing document, and possibly 0
 *   when the values were already equal), so it cannot tell "missing" on its own.
 * - A server query returns at most 100 documents (design rule; docs disagree between 100 and 1000).
 * - Inside a transaction only document operations exist: `collection(c).doc(id).get/set/update/remove`
 *   and `collection(c).add`; no `where`, no `count`, no aggregate.
 */

/** Whatever `db.command` builds; only the database interprets it. */
export type DbCommand = object;

/** A `where` condition: `{ field: value | command }`, or a logic command from `_.and` / `_.or`. */
export type Where = Record<string, unknown> | DbCommand;

/** A stored document: the record's fields with `_id` instead of `id`. */
export type DbDoc = { _id: string } & Record<string, unknown>;

export interface CloudCommand {
  eq(value: unknown): DbCommand;
  neq(value: unknown): DbCommand;
  lt(value: string | number): DbCommand;
  lte(value: string | number): DbCommand;
  gt(value: string | number): DbCommand;
  gte(value: string | number): DbCommand;
  and(conditions: Where[]): DbCommand;
  or(conditions: Where[]): DbCommand;
  /** Update command: add to a number field atomically. */
  inc(by: number): DbCommand;
  /** Update command: replace a field's value whole (plain objects would otherwise be merged). */
  set(value: unknown): DbCommand;
}

export interface UpdateResult {
  stats: { updated: number };
}

export interface CloudDocRef {
  get(): Promise<{ data: DbDoc | null }>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<UpdateResult>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface CloudQuery {
  where(condition: Where): CloudQuery;
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery;
  limit(max: number): CloudQuery;
  get(): Promise<{ data: DbDoc[] }>;
  count(): Promise<{ total: number }>;
  /** A conditional multi-document update, e.g. `where({ _id, booked: _.lt(cap) }).update(…)`. */
  update(options: { data: Record<string, unknown> }): Promise<UpdateResult>;
}

export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocRef;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
}

/** A collection inside a transaction: document operations only (no `where`). */
export interface CloudTxCollection {
  doc(id: string): CloudDocRef;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
}

export interface CloudTransaction {
  collection(name: string): CloudTxCollection;
}

export interface CloudDb {
  readonly command: CloudCommand;
  collection(name: string): CloudCollection;
  /**
   * Runs `work` in a transaction; the SDK retries it (`retries` times, default 3) when the server reports
   * a transaction conflict, and rolls back and rethrows anything else `work` throws.
   */
  runTransaction<T>(work: (transaction: CloudTransaction) => Promise<T>, retries?: number): Promise<T>;
}
