/**
 * The Store port on SQLite (better-sqlite3): units of work as serialised transactions, documents by id,
 * and each module's queries over a shared kit. Every module's tables come from its own migrations.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { readCounter } from '../../core/counters';
import { AppError } from '../../core/errors';
import type { After, ListOptions, Storage, Store, Tx } from '../../core/ports';
import type { CollectionName, Collections } from '../../core/records';
import type { ModuleStorage } from '../storage';
import type { Codec, Condition, SqliteKit } from './kit';
import { migrate } from './migrate';

type Row = Record<string, unknown>;

export type SqliteStore = Store & { db: Database.Database; close(): void };

/**
 * Opens (creating or migrating) a SQLite database with the tables of the given modules' storage: a file, or
 * `:memory:`, or an in-memory copy of a serialised database (tests clone a seeded world that way).
 */
export function createSqliteStore(
  path: string | Buffer,
  storages: readonly ModuleStorage<unknown>[],
): SqliteStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(
    db,
    storages.map((s) => ({ name: s.name, migrations: s.sqlite.migrations })),
  );
  const codecs: Partial<Record<CollectionName, Codec>> = Object.assign(
    {},
    ...storages.map((s) => s.sqlite.codecs ?? {}),
  );
  return new Sqlite(db, codecs);
}

/**
 * `(key, id) > (?, ?)` — or `<` descending — for keyset pagination. A row value, so that SQLite seeks to
 * the position in the index (`key > ? OR (key = ? AND id > ?)` walks every row before it).
 */
function keyset(column: string, after: After | undefined, desc: boolean, params: unknown[]): string {
  if (!after) return '1';
  params.push(after.key, after.id);
  return `(${column}, id) ${desc ? '<' : '>'} (?, ?)`;
}

/**
 * A constraint violation (unique, primary key, check). Not `instanceof Error`: better-sqlite3 builds its
 * errors with the Error of the realm that first loaded it, which differs per test file under jest.
 */
const isConstraint = (e: unknown) =>
  typeof e === 'object' &&
  e !== null &&
  String((e as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT');

class Sqlite implements SqliteStore {
  /** Units of work run one at a time; reads wait for a running one so they never see its uncommitted writes. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly inTx = new AsyncLocalStorage<true>();
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly built = new Map<Storage<unknown>, unknown>();

  private readonly kit: SqliteKit;

  constructor(
    readonly db: Database.Database,
    private readonly codecs: Partial<Record<CollectionName, Codec>>,
  ) {
    this.kit = this.makeKit();
  }

  close() {
    this.db.close();
  }

  private prep(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private encode(collection: CollectionName, doc: Row): Row {
    const codec = this.codecs[collection];
    const out: Row = {};
    for (const [k, v] of Object.entries(doc)) {
      if (v === undefined) continue;
      if (codec?.json?.includes(k)) out[k] = JSON.stringify(v);
      else if (typeof v === 'boolean') out[k] = v ? 1 : 0;
      else out[k] = v;
    }
    return out;
  }

  private decode<C extends CollectionName>(collection: C, row: Row | undefined): Collections[C] | null {
    if (!row) return null;
    const codec = this.codecs[collection];
    for (const k of codec?.bool ?? []) row[k] = row[k] === 1;
    for (const k of codec?.json ?? []) row[k] = JSON.parse(row[k] as string);
    return row as unknown as Collections[C];
  }

  private async read<T>(fn: () => T): Promise<T> {
    if (!this.inTx.getStore()) await this.queue.catch(() => undefined);
    return fn();
  }

  transact<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const run = async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.inTx.run(true, () => work(this.tx));
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    };
    const next = this.queue.catch(() => undefined).then(run);
    this.queue = next;
    return next;
  }

  private readonly tx: Tx = {
    get: async (collection, id) =>
      this.decode(
        collection,
        this.prep(`SELECT * FROM ${collection} WHERE id = ?`).get(id) as Row | undefined,
      ),
    insert: async (collection, doc) => {
      const row = this.encode(collection, doc as unknown as Row);
      const cols = Object.keys(row);
      try {
        this.prep(
          `INSERT INTO ${collection} (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
        ).run(...cols.map((c) => row[c]));
      } catch (e) {
        if (isConstraint(e)) throw new AppError('CONFLICT', '记录已存在');
        throw e;
      }
    },
    update: async (collection, id, patch) => {
      const row = this.encode(collection, patch as Row);
      const cols = Object.keys(row);
      if (cols.length === 0) return;
      let changes: number;
      try {
        changes = this.prep(
          `UPDATE ${collection} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
        ).run(...cols.map((c) => row[c]), id).changes;
      } catch (e) {
        if (isConstraint(e)) throw new AppError('CONFLICT', '记录冲突');
        throw e;
      }
      if (changes === 0) throw new AppError('NOT_FOUND', '记录不存在');
    },
    remove: async (collection, id) => {
      this.prep(`DELETE FROM ${collection} WHERE id = ?`).run(id);
    },
  };

  get<C extends CollectionName>(collection: C, id: string) {
    return this.kit.one(collection, `SELECT * FROM ${collection} WHERE id = ?`, [id]);
  }

  queries<Q>(storage: Storage<Q>): Q {
    if (!this.built.has(storage)) {
      this.built.set(storage, (storage as ModuleStorage<Q>).sqlite.queries(this.kit));
    }
    return this.built.get(storage) as Q;
  }

  private makeKit(): SqliteKit {
    const kit: SqliteKit = {
      db: this.db,
      all: (collection, sql, params) =>
        this.read(() => (this.prep(sql).all(...params) as Row[]).map((r) => this.decode(collection, r)!)),
      one: (collection, sql, params) =>
        this.read(() => this.decode(collection, this.prep(sql).get(...params) as Row | undefined)),
      count: (sql, params) => this.read(() => (this.prep(sql).get(...params) as { n: number }).n),
      run: (sql, params) => {
        if (this.inTx.getStore()) return Promise.resolve(this.prep(sql).run(...params).changes);
        const next = this.queue.catch(() => undefined).then(() => this.prep(sql).run(...params).changes);
        this.queue = next;
        return next;
      },
      counter: (id, recount) => readCounter(this, id, recount),
      list: (collection, conditions: Condition[], sortKey, desc, opts: ListOptions) => {
        const where: string[] = [];
        const params: unknown[] = [];
        for (const [sql, value] of conditions) {
          if (value === undefined || value === false) continue;
          where.push(sql);
          if (sql.includes('?')) params.push(value);
        }
        where.push(keyset(sortKey, opts.after, desc, params));
        params.push(opts.limit);
        const dir = desc ? 'DESC' : '';
        return kit.all(
          collection,
          `SELECT * FROM ${collection} WHERE ${where.join(' AND ')} ORDER BY ${sortKey} ${dir}, id ${dir} LIMIT ?`,
          params,
        );
      },
    };
    return kit;
  }
}
