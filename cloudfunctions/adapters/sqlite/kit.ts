/** What a module's SQLite queries are written with: reads that wait for a running unit of work. */
import type Database from 'better-sqlite3';
import type { ListOptions } from '../../core/ports';
import type { CollectionName, Collections } from '../../core/records';

/** Columns stored as 0/1 (`bool`) or JSON text (`json`); everything else maps as-is. */
export interface Codec {
  bool?: string[];
  json?: string[];
}

/** A condition of a list: SQL with one `?` for its value, or none when the value is `true`; skipped when undefined or false. */
export type Condition = [sql: string, value: unknown];

export interface SqliteKit {
  readonly db: Database.Database;
  /** One keyset page of `collection`: rows matching the conditions, by `sortKey` then id. */
  list<C extends CollectionName>(
    collection: C,
    conditions: Condition[],
    sortKey: string,
    desc: boolean,
    opts: ListOptions,
  ): Promise<Collections[C][]>;
  one<C extends CollectionName>(
    collection: C,
    sql: string,
    params: unknown[],
  ): Promise<Collections[C] | null>;
  all<C extends CollectionName>(collection: C, sql: string, params: unknown[]): Promise<Collections[C][]>;
  /** `sql` selects one row with a column `n`. */
  count(sql: string, params: unknown[]): Promise<number>;
  /**
   * One statement that writes, on its own (outside any unit of work, and never interleaved with one: it
   * waits its turn in the store's queue) — a conditional update of a counter, say. Answers the number of
   * rows it changed.
   */
  run(sql: string, params: unknown[]): Promise<number>;
  /** A page count kept as a counter document (core/counters.ts): `recount` counts the rows when it has none. */
  counter(id: string, recount: () => Promise<number>): Promise<number>;
}
