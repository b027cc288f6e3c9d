/** What a module's CloudBase queries are written with: idiomatic where / orderBy / limit over `cloud.database()`. */
import type { ListOptions } from '../../core/ports';
import type { CollectionName, Collections } from '../../core/records';
import type { CloudCommand, CloudDb, Where } from './db';

export interface IndexSpec {
  /** The name to create it under (CloudBase console → 数据库 → 索引管理). */
  name: string;
  fields: Array<[field: string, order: 'asc' | 'desc']>;
  unique?: true;
}

export interface CloudbaseKit {
  readonly db: CloudDb;
  /** db.command */
  readonly _: CloudCommand;
  /** One keyset page ordered by `field` then `_id`, both in `order`; `conds` are and-ed. */
  list<C extends CollectionName>(
    collection: C,
    conds: Where[],
    field: string,
    order: 'asc' | 'desc',
    opts: ListOptions,
  ): Promise<Collections[C][]>;
  /** The first document matching `where` (for lookups by a unique field). */
  first<C extends CollectionName>(collection: C, where: Where): Promise<Collections[C] | null>;
  count(collection: CollectionName, where: Where): Promise<number>;
  /** Every document of a small reference collection, 100 at a time in `_id` order. */
  scan<C extends CollectionName>(collection: C): Promise<Collections[C][]>;
  /** Up to 100 documents matching `where`, in `_id` order (small per-parent sets: a day's deputies). */
  byId<C extends CollectionName>(collection: C, where: Where): Promise<Collections[C][]>;
  /** An inclusive range on `date` (China dates compare as strings); one condition per bound. */
  dateRange(filter: { fromDate?: string; toDate?: string }): Where[];
  /**
   * A conditional update outside any transaction — `where({ _id, booked: _.lt(cap) })` with `_.inc` data,
   * say: atomic per document and never aborted by a write conflict. Answers `stats.updated`.
   */
  updateWhere(collection: CollectionName, where: Where, data: Record<string, unknown>): Promise<number>;
  /** A page count kept as a counter document (core/counters.ts): `recount` counts the rows when it has none. */
  counter(id: string, recount: () => Promise<number>): Promise<number>;
}
