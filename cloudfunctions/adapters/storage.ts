/**
 * How a module declares its storage: one query interface, implemented for each engine, beside that
 * engine's schema — SQLite migrations and column codecs, CloudBase indexes. The registry collects the
 * schemas; a store hands out the queries of its own engine (`store.queries(storage)`).
 */
import type { Storage } from '../core/ports';
import type { CollectionName } from '../core/records';
import type { CloudbaseKit, IndexSpec } from './cloudbase/kit';
import type { Codec, SqliteKit } from './sqlite/kit';
import type { Migration } from './sqlite/migrate';

export interface SqliteSchema<Q> {
  /**
   * Applied in order, each once; the ledger keeps how many ran per module. Append — never edit one that
   * shipped. A function migration is for what SQL cannot compute (it also goes into the bench's cache key
   * by its source text).
   */
  migrations: readonly Migration[];
  /** Columns SQLite stores as 0/1 or JSON text, per table. */
  codecs?: Partial<Record<CollectionName, Codec>>;
  queries(kit: SqliteKit): Q;
}

export interface CloudbaseSchema<Q> {
  /** The indexes its queries need (the double refuses a query none of them serves). */
  indexes: Partial<Record<CollectionName, IndexSpec[]>>;
  queries(kit: CloudbaseKit): Q;
}

export interface ModuleStorage<Q> extends Storage<Q> {
  readonly sqlite: SqliteSchema<Q>;
  readonly cloudbase: CloudbaseSchema<Q>;
}

export const defineStorage = <Q>(
  name: string,
  engines: { sqlite: SqliteSchema<Q>; cloudbase: CloudbaseSchema<Q> },
): ModuleStorage<Q> => ({ name, ...engines });
