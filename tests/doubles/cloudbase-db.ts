/**
 * A strict in-memory double of the `cloud.database()` subset the CloudBase adapter uses
 * (cloudfunctions/adapters/cloudbase/db.ts). It implements that subset as the wx-server-sdk documents it
 * and THROWS on everything else, so a test cannot pass on behaviour the real database lacks.
 *
 * Implemented (with the real semantics):
 * - collections must exist up front (CloudBase has no implicit collection creation) → -502005 otherwise;
 * - `collection.add({ data })`: generates a 32-hex `_id` when missing; a duplicate `_id` or unique-index
 *   value is refused with the server's E11000 error (errCode -502001). A unique index treats a missing
 *   field as null, like CloudBase (two documents without the field collide);
 * - `doc(id).get()`: `{ data }`; a missing document rejects unless `throwOnNotFound: false`, then
 *   `{ data: null }` (the SDK's own switch, default true);
 * - `doc(id).set/update/remove`, `where(…).update(…)` (multi, `stats.updated` = documents changed);
 * - update data: plain nested objects MERGE (flattened to `a.b` paths, as the SDK does), `_.set(v)` replaces,
 *   `_.inc(n)` adds, `undefined` is dropped, `_id` cannot be updated, commands are refused in add/set;
 * - where: `{ field: value }` (null matches null or missing), `_.eq/neq/lt/lte/gt/gte` on strings and
 *   numbers (a range never matches across types), `_.and([…])`, `_.or([…])` at any depth of conditions;
 * - orderBy (several, asc/desc), limit 1..100, get, count;
 * - `runTransaction(cb, retries = 3)`: snapshot reads (a transaction sees the database as it was when it
 *   began, plus its own writes), writes buffered and applied atomically at commit, dropped on throw;
 *   MongoDB's rule for write conflicts, at the write itself: a transaction that writes a document which
 *   another transaction or a single-document write changed since it began — or which another open
 *   transaction has written and not yet committed — aborts at once with a write conflict (a CloudSDKError
 *   whose message says so, errCode -501001; the SDK does not re-run the callback on it, and the
 *   transaction's later operations fail the same way). A write outside any transaction to a document an
 *   open transaction has written waits until that transaction ends (as MongoDB makes it wait), then
 *   applies, so a single-document update — conditional or not — is atomic and never aborts. Commit still
 *   checks and fails with `{ code: 'DATABASE_TRANSACTION_CONFLICT' }` should a written document have
 *   changed, and runTransaction then re-runs the callback, up to `retries` more times, as the SDK does;
 *   `transaction.rollback(reason)`;
 * - latency: with `latencyMs` (a number or a [min, max] range drawn per call), every database call —
 *   each document operation, query, count, update, the start and the commit of a transaction — takes
 *   that long on real timers, half on the way in and half on the way back, and the server acts in
 *   between; without it a call yields one microtask each way (so tests using fake timers do not hang).
 *
 * Deliberately NOT implemented — each throws NotImplemented: other commands (`in`, `nin`, `exists`,
 * `push`, `remove`, `mul`, geo, regexp …), chained field commands (`_.gt(1).and(…)`), matching on nested
 * objects, arrays or dotted paths, `skip`, `field` (projection), `aggregate`, `watch`, `startTransaction`,
 * `where`/`count`/queries inside a transaction, `get()` without `limit()` (the server would silently cap
 * at 100 — our rule is to always say how many), `limit` > 100, sorting on a missing or mixed-type field,
 * `serverDate`, Date/Geo/Buffer values, numeric `_id`s, an update that flattens to nothing (`{ f: {} }`).
 *
 * Simplifications: reads never conflict (snapshot isolation, as MongoDB); a multi-document `where().update`
 * writes its documents one by one (as MongoDB does outside a transaction) and does not see documents an
 * open transaction is adding; no size, rate or concurrency limits (the server answers every call in
 * parallel).
 *
 * With `requireIndexes`, every query must be served by one of the given indexes or the built-in `_id` one
 * — the index leads with equality-filtered fields (at least one, when the query has any) and continues
 * with the sort fields including `_id`, all in its direction or all reversed; other equality filters are
 * applied while scanning — or it throws MissingIndex. This keeps cloudfunctions/adapters/cloudbase/indexes.ts
 * honest.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type {
  CloudCollection,
  CloudCommand,
  CloudDb,
  CloudDocRef,
  CloudQuery,
  CloudTransaction,
  CloudTxCollection,
  DbDoc,
  UpdateResult,
  Where,
} from '../../cloudfunctions/adapters/cloudbase/db';
import type { IndexSpec } from '../../cloudfunctions/adapters/cloudbase/kit';

type Row = Record<string, unknown>;
type Order = 'asc' | 'desc';

/** The double was asked for something it does not implement (so the adapter must not rely on it). */
export class NotImplemented extends Error {
  constructor(what: string) {
    super(`cloudbase double: not implemented: ${what}`);
    this.name = 'NotImplemented';
  }
}

/** A query that none of the declared indexes serves. */
export class MissingIndex extends Error {
  constructor(what: string) {
    super(`cloudbase double: no index serves ${what}`);
    this.name = 'MissingIndex';
  }
}

/** An error shaped like the SDK's CloudSDKError (`errCode`, `errMsg`). */
export class DbError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
    this.name = 'CloudSDKError';
  }
}

/** What the server answers on commit when another writer got there first; the SDK retries on it. */
export class TransactionConflict extends Error {
  readonly code = 'DATABASE_TRANSACTION_CONFLICT';
  constructor() {
    super('database transaction conflict');
    this.name = 'TransactionConflict';
  }
}

const ERR_TRANSACTION_CONFLICT = -501001;

/**
 * What an operation inside a transaction gets when the document it writes was written by someone else
 * since the transaction began (or is being written by another open transaction): the transaction is
 * aborted there and then. The SDK passes it through without re-running the callback.
 */
export class WriteConflict extends DbError {
  constructor(api: string) {
    super(
      ERR_TRANSACTION_CONFLICT,
      `${api}:fail database transaction conflict (WriteConflict): the document was written by another operation since this transaction began`,
    );
  }
}

const ERR_REQUEST_FAILED = -502001;
const ERR_COLLECTION_NOT_EXIST = -502005;
const ERR_INVALID_PARAM = -501007;
const MAX_LIMIT = 100;

// ---------------------------------------------------------------------------------------------------------
// Commands

type CmdKind = 'query' | 'logic' | 'update';

class Cmd {
  constructor(
    readonly kind: CmdKind,
    readonly op: string,
    readonly operand: unknown,
  ) {}
  and(): never {
    throw new NotImplemented(`chained field command _.${this.op}(…).and(…)`);
  }
  or(): never {
    throw new NotImplemented(`chained field command _.${this.op}(…).or(…)`);
  }
}

function scalarOperand(op: string, v: unknown, allowNull: boolean): unknown {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === null && allowNull) return v;
  throw new NotImplemented(`_.${op} with a ${v === null ? 'null' : typeof v} operand`);
}

function rangeOperand(op: string, v: unknown): string | number {
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  throw new NotImplemented(
    `_.${op} on a ${v === null ? 'null' : typeof v} operand (only strings and numbers)`,
  );
}

function logicOperands(op: string, args: unknown[]): unknown[] {
  const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (list.length === 0) throw new DbError(ERR_INVALID_PARAM, `_.${op} needs at least one condition`);
  return list;
}

const COMMANDS: CloudCommand = {
  eq: (v) => new Cmd('query', 'eq', scalarOperand('eq', v, true)),
  neq: (v) => new Cmd('query', 'neq', scalarOperand('neq', v, true)),
  lt: (v) => new Cmd('query', 'lt', rangeOperand('lt', v)),
  lte: (v) => new Cmd('query', 'lte', rangeOperand('lte', v)),
  gt: (v) => new Cmd('query', 'gt', rangeOperand('gt', v)),
  gte: (v) => new Cmd('query', 'gte', rangeOperand('gte', v)),
  and: (...args: unknown[]) => new Cmd('logic', 'and', logicOperands('and', args)),
  or: (...args: unknown[]) => new Cmd('logic', 'or', logicOperands('or', args)),
  inc: (n) => {
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw new DbError(ERR_INVALID_PARAM, '_.inc needs a number');
    return new Cmd('update', 'inc', n);
  },
  set: (v) => new Cmd('update', 'set', storable(v, 'value of _.set')),
};

/** `db.command`: the implemented operators; any other one throws NotImplemented. */
const command: CloudCommand = new Proxy(COMMANDS, {
  get(target, prop) {
    if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
    if (prop in target) return target[prop as keyof CloudCommand];
    throw new NotImplemented(`command _.${prop}`);
  },
});

// ---------------------------------------------------------------------------------------------------------
// Values

/** A `{}` object from any realm (jest runs tests in their own realm; Node built-ins live in another). */
function isPlainObject(v: unknown): v is Row {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function checkKey(key: string, where: string) {
  if (key.startsWith('$') || key.includes('.')) throw new NotImplemented(`field name "${key}" in ${where}`);
}

/** A deep copy of a value the database can store; throws on anything it could not. */
function storable(v: unknown, where: string): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new NotImplemented(`non-finite number in ${where}`);
    return v;
  }
  if (v instanceof Cmd) throw new DbError(ERR_INVALID_PARAM, `a command is not allowed in ${where}`);
  if (Array.isArray(v)) {
    return v.map((x) => {
      if (x === undefined) throw new NotImplemented(`undefined inside an array in ${where}`);
      return storable(x, where);
    });
  }
  if (isPlainObject(v)) {
    const out: Row = {};
    for (const [k, x] of Object.entries(v)) {
      checkKey(k, where);
      if (x !== undefined) out[k] = storable(x, where); // the SDK drops undefined fields
    }
    return out;
  }
  throw new NotImplemented(`${Object.prototype.toString.call(v)} value in ${where}`);
}

/** A deep copy of stored data (plain objects, arrays, scalars), made in this realm. */
function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isPlainObject(v)) {
    const out: Row = {};
    for (const [k, x] of Object.entries(v)) out[k] = clone(x);
    return out as T;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// Conditions

interface Compiled {
  test(doc: Row): boolean;
  /** Fields the condition pins by equality (what an index can lead with). */
  eqFields: Set<string>;
}

function compileWhere(cond: unknown): Compiled {
  if (cond instanceof Cmd) {
    if (cond.kind !== 'logic')
      throw new DbError(ERR_INVALID_PARAM, `_.${cond.op} cannot be a whole condition`);
    const parts = (cond.operand as unknown[]).map(compileWhere);
    if (cond.op === 'and') {
      return {
        test: (d) => parts.every((p) => p.test(d)),
        eqFields: new Set(parts.flatMap((p) => [...p.eqFields])),
      };
    }
    return { test: (d) => parts.some((p) => p.test(d)), eqFields: new Set() };
  }
  if (!isPlainObject(cond))
    throw new DbError(ERR_INVALID_PARAM, 'a condition must be an object or _.and/_.or');
  const tests: Array<(d: Row) => boolean> = [];
  const eqFields = new Set<string>();
  for (const [field, v] of Object.entries(cond)) {
    checkKey(field, 'a condition');
    if (v === undefined) continue;
    if (v instanceof Cmd) {
      if (v.kind === 'logic') throw new NotImplemented(`field-level _.${v.op} on "${field}"`);
      if (v.kind === 'update')
        throw new DbError(ERR_INVALID_PARAM, `update command _.${v.op} in a condition`);
      if (v.op === 'eq') eqFields.add(field);
      tests.push(fieldTest(field, v.op, v.operand));
    } else if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) {
      eqFields.add(field);
      tests.push(fieldTest(field, 'eq', v));
    } else {
      throw new NotImplemented(`matching "${field}" against ${Array.isArray(v) ? 'an array' : typeof v}`);
    }
  }
  return { test: (d) => tests.every((t) => t(d)), eqFields };
}

function equals(value: unknown, operand: unknown): boolean {
  if (operand === null) return value === null || value === undefined;
  return value === operand;
}

function fieldTest(field: string, op: string, operand: unknown): (d: Row) => boolean {
  switch (op) {
    case 'eq':
      return (d) => equals(d[field], operand);
    case 'neq':
      return (d) => !equals(d[field], operand);
    default: {
      const ok = {
        lt: (c: number) => c < 0,
        lte: (c: number) => c <= 0,
        gt: (c: number) => c > 0,
        gte: (c: number) => c >= 0,
      }[op as 'lt' | 'lte' | 'gt' | 'gte'];
      return (d) => {
        const v = d[field];
        if (typeof v !== typeof operand) return false; // no cross-type ranges (MongoDB type bracketing)
        return ok(compareScalars(v as string | number, operand as string | number));
      };
    }
  }
}

function compareScalars(a: string | number | boolean, b: string | number | boolean): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Updates

type UpdateOp = { path: string[]; cmd: Cmd };

function flattenUpdate(data: Row, prefix: string[], ops: UpdateOp[]) {
  for (const [k, v] of Object.entries(data)) {
    checkKey(k, 'update data');
    if (v === undefined) continue;
    const path = [...prefix, k];
    if (v instanceof Cmd) {
      if (v.kind !== 'update') throw new DbError(ERR_INVALID_PARAM, `query command _.${v.op} in update data`);
      ops.push({ path, cmd: v });
    } else if (isPlainObject(v)) {
      flattenUpdate(v, path, ops); // a plain object merges into the stored one (SDK flattens it)
    } else {
      ops.push({ path, cmd: new Cmd('update', 'set', storable(v, 'update data')) });
    }
  }
}

function checkUpdateData(data: unknown, api: string): UpdateOp[] {
  if (!isPlainObject(data) || Object.keys(data).length === 0) {
    throw new DbError(ERR_INVALID_PARAM, `${api}:fail options.data must be a non-empty object`);
  }
  if ('_id' in data) throw new DbError(ERR_INVALID_PARAM, `${api}:fail 不能更新_id的值`);
  const ops: UpdateOp[] = [];
  flattenUpdate(data, [], ops);
  if (ops.length === 0) {
    throw new NotImplemented(
      `${api} whose data flattens to nothing (e.g. { f: {} }); write objects with _.set`,
    );
  }
  return ops;
}

function applyUpdate(doc: DbDoc, ops: UpdateOp[]): DbDoc {
  const out = clone(doc) as Row;
  for (const { path, cmd } of ops) {
    let parent = out;
    for (const seg of path.slice(0, -1)) {
      if (parent[seg] === undefined || parent[seg] === null) parent[seg] = {};
      if (!isPlainObject(parent[seg])) {
        throw new DbError(ERR_REQUEST_FAILED, `Cannot create field '${seg}' inside a non-object`);
      }
      parent = parent[seg] as Row;
    }
    const leaf = path[path.length - 1];
    if (cmd.op === 'set') {
      parent[leaf] = clone(cmd.operand);
    } else if (cmd.op === 'inc') {
      const cur = parent[leaf];
      if (cur !== undefined && typeof cur !== 'number') {
        throw new DbError(
          ERR_REQUEST_FAILED,
          `Cannot apply $inc to a value of non-numeric type (${path.join('.')})`,
        );
      }
      parent[leaf] = (cur ?? 0) + (cmd.operand as number);
    } else {
      throw new NotImplemented(`update command _.${cmd.op}`);
    }
  }
  return out as DbDoc;
}

function checkDocData(data: unknown, api: string): Row {
  if (!isPlainObject(data))
    throw new DbError(ERR_INVALID_PARAM, `${api}:fail options.data must be an object`);
  return storable(data, `${api} data`) as Row;
}

// ---------------------------------------------------------------------------------------------------------
// Storage: every document keeps its versions while some transaction may still need to read them.

interface Version {
  seq: number;
  doc: DbDoc | null;
}

interface Write {
  collection: string;
  id: string;
  doc: DbDoc | null;
}

/** Where document operations read and write: the live database, or one transaction's view of it. */
interface View {
  read(collection: string, id: string): DbDoc | null;
  /** All documents of a collection as this view sees them (for unique checks). */
  docs(collection: string): DbDoc[];
  /** Applies one write (live) or buffers it (a transaction, which aborts here on a write conflict). */
  write(w: Write, api: string): void;
  ensureOpen(api: string): void;
  /**
   * Live writes only: the open transaction holding a write on one of these documents, which the write
   * must wait for (inside a transaction writes never wait: they conflict).
   */
  blocker(collection: string, ids: readonly string[]): TxState | undefined;
}

export interface DoubleOptions {
  /** The collections that exist (CloudBase does not create them on first write). */
  collections: readonly string[];
  /** As `cloud.database({ throwOnNotFound })`; the SDK's default is true. */
  throwOnNotFound?: boolean;
  /** Indexes per collection: `unique` ones are enforced; with `requireIndexes` every query must use one. */
  indexes?: Partial<Record<string, IndexSpec[]>>;
  requireIndexes?: boolean;
  /**
   * Milliseconds each database call takes (real timers), or a [min, max] range drawn per call; half is
   * spent before the server acts, half after. 0 (the default) yields a microtask each way instead.
   */
  latencyMs?: number | readonly [min: number, max: number];
  /** Where latency draws come from (default Math.random). */
  random?: () => number;
}

export interface DoubleStats {
  /** Every database call (document operations, queries, transaction starts and commits). */
  calls: number;
  queries: number;
  transactions: number;
  commits: number;
  conflicts: number;
  retries: number;
}

export class CloudbaseDbDouble implements CloudDb {
  readonly command = command;
  readonly stats: DoubleStats = {
    calls: 0,
    queries: 0,
    transactions: 0,
    commits: 0,
    conflicts: 0,
    retries: 0,
  };
  private seq = 0;
  private readonly data = new Map<string, Map<string, Version[]>>();
  private readonly active = new Set<TxState>();
  /** Documents written by an open transaction (not yet committed), and by which. */
  private readonly locks = new Map<string, TxState>();
  readonly throwOnNotFound: boolean;

  constructor(readonly options: DoubleOptions) {
    for (const c of options.collections) this.data.set(c, new Map());
    this.throwOnNotFound = options.throwOnNotFound ?? true;
  }

  // --- the SDK surface ---

  collection(name: string): CloudCollection {
    this.table(name);
    return new CollectionImpl(this, name, this.live);
  }

  async runTransaction<T>(work: (transaction: CloudTransaction) => Promise<T>, retries = 3): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      this.stats.transactions++;
      const tx = await this.call(() => {
        const t = new TxState(this, this.seq);
        this.active.add(t);
        return t;
      });
      try {
        const result = await work(tx.handle);
        if (tx.aborted) throw tx.abortReason;
        // The callback went on after a write conflict (it caught the error): the server aborted anyway.
        if (tx.conflicted) throw new WriteConflict('transaction.commit');
        await this.call(() => this.commit(tx));
        return result;
      } catch (e) {
        // The SDK rolls back on the server, which then lets go of the transaction's writes.
        if (tx.open) await this.call(() => this.end(tx));
        if (e instanceof TransactionConflict && attempt < retries) {
          this.stats.retries++;
          continue;
        }
        throw e;
      } finally {
        this.end(tx);
      }
    }
  }

  startTransaction(): never {
    throw new NotImplemented('startTransaction (use runTransaction)');
  }
  createCollection(): never {
    throw new NotImplemented('createCollection (declare collections in the options)');
  }
  serverDate(): never {
    throw new NotImplemented('serverDate');
  }

  // --- test helpers ---

  /** The live documents of a collection, in `_id` order (copies). */
  dump(collection: string): DbDoc[] {
    return this.liveDocs(collection)
      .map(clone)
      .sort((a, b) => compareScalars(a._id, b._id));
  }

  /** Loads documents as one committed step, without latency: a test world cloned from a seeded one. */
  load(docs: Record<string, DbDoc[]>) {
    this.apply(
      Object.entries(docs).flatMap(([collection, ds]) =>
        ds.map((d) => ({ collection, id: d._id, doc: clone(d) })),
      ),
    );
  }

  // --- internals ---

  /** One database call: half its latency on the way in, `run` at the server, half on the way back. */
  async call<T>(run: () => T | Promise<T>): Promise<T> {
    this.stats.calls++;
    const half = this.latency() / 2;
    await wire(half);
    try {
      return await run();
    } finally {
      await wire(half); // the answer (or the error) on its way back
    }
  }

  private latency(): number {
    const l = this.options.latencyMs ?? 0;
    if (typeof l === 'number') return l;
    const [min, max] = l;
    return min + (this.options.random ?? Math.random)() * (max - min);
  }

  /** The open transaction (other than `except`) holding a write on the document, if any. */
  lockOf(collection: string, id: string, except?: TxState): TxState | undefined {
    const holder = this.locks.get(keyOf(collection, id));
    return holder && holder !== except ? holder : undefined;
  }

  lock(collection: string, id: string, tx: TxState) {
    this.locks.set(keyOf(collection, id), tx);
  }

  /** Ends a transaction at the server: its writes no longer hold anyone up. */
  end(tx: TxState) {
    if (!tx.open) return;
    tx.open = false;
    this.active.delete(tx);
    for (const w of tx.pending.values()) {
      const k = keyOf(w.collection, w.id);
      if (this.locks.get(k) === tx) this.locks.delete(k);
    }
    tx.release();
    this.prune();
  }

  /** A write conflict inside `tx`: the server aborts it there and then. */
  abortOnConflict(tx: TxState, api: string): never {
    this.stats.conflicts++;
    tx.conflicted = true;
    this.end(tx);
    tx.pending.clear();
    throw new WriteConflict(api);
  }

  table(name: string): Map<string, Version[]> {
    const t = this.data.get(name);
    if (!t) throw new DbError(ERR_COLLECTION_NOT_EXIST, `collection ${name}: database collection not exists`);
    return t;
  }

  latestSeq(collection: string, id: string): number {
    const vs = this.table(collection).get(id);
    return vs ? vs[vs.length - 1].seq : 0;
  }

  /** The document as of `seq` (latest when omitted). */
  docAt(collection: string, id: string, seq = Infinity): DbDoc | null {
    const vs = this.table(collection).get(id);
    if (!vs) return null;
    for (let i = vs.length - 1; i >= 0; i--) if (vs[i].seq <= seq) return vs[i].doc;
    return null;
  }

  docsAt(collection: string, seq = Infinity): DbDoc[] {
    const out: DbDoc[] = [];
    for (const id of this.table(collection).keys()) {
      const d = this.docAt(collection, id, seq);
      if (d) out.push(d);
    }
    return out;
  }

  liveDocs(collection: string): DbDoc[] {
    return this.docsAt(collection);
  }

  /** Applies writes as one step (one new version number). */
  apply(writes: Write[]) {
    if (writes.length === 0) return;
    const seq = ++this.seq;
    for (const w of writes) {
      const t = this.table(w.collection);
      const vs = t.get(w.id) ?? [];
      vs.push({ seq, doc: w.doc });
      t.set(w.id, vs);
    }
  }

  /** Refuses a document that collides with another on `_id`'s siblings: the unique indexes. */
  checkUnique(collection: string, doc: DbDoc, others: DbDoc[], api: string) {
    for (const idx of this.options.indexes?.[collection] ?? []) {
      if (!idx.unique) continue;
      const key = (d: Row) => JSON.stringify(idx.fields.map(([f]) => d[f] ?? null)); // missing counts as null
      const mine = key(doc);
      if (others.some((o) => o._id !== doc._id && key(o) === mine)) {
        throw new DbError(
          ERR_REQUEST_FAILED,
          `${api}:fail E11000 duplicate key error collection: ${collection} index: ${idx.name} dup key: ${mine}`,
        );
      }
    }
  }

  private commit(tx: TxState) {
    if (tx.conflicted) throw new WriteConflict('transaction.commit');
    const writes = [...tx.pending.values()];
    for (const w of writes) {
      if (this.latestSeq(w.collection, w.id) > tx.startSeq) {
        this.stats.conflicts++;
        throw new TransactionConflict();
      }
    }
    // Unique indexes hold against what others committed meanwhile.
    for (const w of writes) {
      if (!w.doc) continue;
      const others = this.liveDocs(w.collection).filter((d) => !tx.pending.has(keyOf(w.collection, d._id)));
      const mine = writes.filter((x) => x.collection === w.collection && x.doc).map((x) => x.doc!);
      this.checkUnique(w.collection, w.doc, [...others, ...mine], 'transaction.commit');
    }
    this.apply(writes);
    this.stats.commits++;
    this.end(tx);
  }

  /** Old versions are kept only while a transaction that began before them is open. */
  private prune() {
    if (this.active.size > 0) return;
    for (const t of this.data.values()) {
      for (const [id, vs] of t) {
        const last = vs[vs.length - 1];
        if (last.doc === null) t.delete(id);
        else if (vs.length > 1) t.set(id, [last]);
      }
    }
  }

  private readonly live: View = {
    read: (c, id) => this.docAt(c, id),
    docs: (c) => this.liveDocs(c),
    write: (w, api) => {
      if (w.doc) this.checkUnique(w.collection, w.doc, this.liveDocs(w.collection), api);
      this.apply([w]);
      this.prune();
    },
    ensureOpen: () => undefined,
    blocker: (c, ids) => {
      for (const id of ids) {
        const holder = this.lockOf(c, id);
        if (holder) return holder;
      }
      return undefined;
    },
  };
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

class TxState {
  open = true;
  aborted = false;
  abortReason: unknown;
  /** Aborted by the server on a write conflict. */
  conflicted = false;
  readonly pending = new Map<string, Write>();
  readonly handle: CloudTransaction;
  /** Settles when the transaction ends (committed, rolled back or aborted): writers waiting behind it go on. */
  readonly released: Promise<void>;
  release!: () => void;

  constructor(
    readonly db: CloudbaseDbDouble,
    readonly startSeq: number,
  ) {
    this.released = new Promise<void>((resolve) => (this.release = resolve));
    const view: View = {
      read: (c, id) => {
        const p = this.pending.get(keyOf(c, id));
        return p ? p.doc : db.docAt(c, id, startSeq);
      },
      docs: (c) => {
        const out = new Map(db.docsAt(c, startSeq).map((d) => [d._id, d] as const));
        for (const w of this.pending.values()) {
          if (w.collection !== c) continue;
          if (w.doc) out.set(w.id, w.doc);
          else out.delete(w.id);
        }
        return [...out.values()];
      },
      write: (w, api) => {
        // MongoDB: written by someone else since this transaction began, or by another open one → abort.
        if (db.latestSeq(w.collection, w.id) > startSeq || db.lockOf(w.collection, w.id, this)) {
          db.abortOnConflict(this, api);
        }
        if (w.doc) db.checkUnique(w.collection, w.doc, view.docs(w.collection), api);
        this.pending.set(keyOf(w.collection, w.id), w);
        db.lock(w.collection, w.id, this);
      },
      ensureOpen: (api) => {
        if (this.conflicted) throw new WriteConflict(api);
        if (!this.open)
          throw new DbError(ERR_REQUEST_FAILED, `${api}:fail the transaction has already ended`);
      },
      blocker: () => undefined,
    };
    this.handle = {
      collection: (name: string) => {
        view.ensureOpen('transaction.collection');
        db.table(name);
        return new TxCollectionImpl(db, name, view);
      },
    };
    Object.assign(this.handle, {
      rollback: async (reason?: unknown) => {
        view.ensureOpen('transaction.rollback');
        this.aborted = true;
        this.abortReason = reason;
        this.pending.clear();
      },
      commit: () => {
        throw new NotImplemented(
          'transaction.commit inside runTransaction (it commits when the callback returns)',
        );
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// References

/**
 * Half a call's way. Without latency a microtask (not a timer, so tests using jest's fake timers do not
 * hang), which still lets other operations run between steps, so concurrent units of work interleave.
 */
const wire = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

class DocRefImpl implements CloudDocRef {
  constructor(
    private readonly db: CloudbaseDbDouble,
    private readonly collection: string,
    private readonly id: string,
    private readonly view: View,
  ) {
    if (typeof id !== 'string' || id === '') throw new NotImplemented(`doc() with a ${typeof id} id`);
  }

  async get(): Promise<{ data: DbDoc | null }> {
    this.view.ensureOpen('document.get');
    return this.db.call(() => {
      this.view.ensureOpen('document.get');
      const doc = this.view.read(this.collection, this.id);
      if (!doc && this.db.throwOnNotFound) {
        throw new DbError(-1, `document with _id ${this.id} does not exist; document.get`);
      }
      return { data: doc ? clone(doc) : null };
    });
  }

  /** Runs a write at the server once no open transaction holds this document (live writes wait). */
  private writing<T>(api: string, run: () => T): Promise<T> {
    return this.db.call(async () => {
      for (let h; (h = this.view.blocker(this.collection, [this.id]));) await h.released;
      this.view.ensureOpen(api);
      return run(); // no await from the check above to here: the write is atomic
    });
  }

  async set(options: { data: Record<string, unknown> }) {
    this.view.ensureOpen('document.set');
    const data = checkDocData(options?.data, 'document.set');
    if ('_id' in data) throw new DbError(ERR_INVALID_PARAM, 'document.set:fail 不能更新_id的值');
    return this.writing('document.set', () => {
      const existed = this.view.read(this.collection, this.id) !== null;
      this.view.write(
        { collection: this.collection, id: this.id, doc: { ...data, _id: this.id } },
        'document.set',
      );
      return { _id: this.id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
    });
  }

  async update(options: { data: Record<string, unknown> }): Promise<UpdateResult> {
    this.view.ensureOpen('document.update');
    const ops = checkUpdateData(options?.data, 'document.update');
    return this.writing('document.update', () => {
      const doc = this.view.read(this.collection, this.id);
      if (!doc) return { stats: { updated: 0 } };
      const next = applyUpdate(doc, ops);
      if (isDeepStrictEqual(next, doc)) return { stats: { updated: 0 } }; // nothing changed
      this.view.write({ collection: this.collection, id: this.id, doc: next }, 'document.update');
      return { stats: { updated: 1 } };
    });
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    this.view.ensureOpen('document.remove');
    return this.writing('document.remove', () => {
      if (!this.view.read(this.collection, this.id)) return { stats: { removed: 0 } };
      this.view.write({ collection: this.collection, id: this.id, doc: null }, 'document.remove');
      return { stats: { removed: 1 } };
    });
  }

  field(): never {
    throw new NotImplemented('document.field (projection)');
  }
  watch(): never {
    throw new NotImplemented('document.watch');
  }
}

async function addDoc(db: CloudbaseDbDouble, collection: string, view: View, options: { data: Row }) {
  view.ensureOpen('collection.add');
  if (Array.isArray(options?.data)) throw new NotImplemented('collection.add with an array (batch insert)');
  const data = checkDocData(options?.data, 'collection.add');
  const id = data._id === undefined ? randomBytes(16).toString('hex') : data._id;
  if (typeof id !== 'string' || id === '') throw new NotImplemented(`a ${typeof id} _id`);
  return db.call(async () => {
    for (let h; (h = view.blocker(collection, [id]));) await h.released;
    view.ensureOpen('collection.add');
    if (view.read(collection, id)) {
      throw new DbError(
        ERR_REQUEST_FAILED,
        `collection.add:fail E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`,
      );
    }
    view.write({ collection, id, doc: { ...data, _id: id } }, 'collection.add');
    return { _id: id };
  });
}

interface QueryState {
  where?: Compiled;
  orders: Array<[string, Order]>;
  limit?: number;
}

class QueryImpl implements CloudQuery {
  constructor(
    protected readonly db: CloudbaseDbDouble,
    protected readonly name: string,
    protected readonly view: View,
    protected readonly state: QueryState = { orders: [] },
  ) {}

  private next(patch: Partial<QueryState>): QueryImpl {
    return new QueryImpl(this.db, this.name, this.view, { ...this.state, ...patch });
  }

  where(condition: Where): CloudQuery {
    if (this.state.where) throw new NotImplemented('calling where() twice (combine conditions with _.and)');
    return this.next({ where: compileWhere(condition) });
  }

  orderBy(field: string, order: Order): CloudQuery {
    if (order !== 'asc' && order !== 'desc')
      throw new DbError(ERR_INVALID_PARAM, `orderBy direction "${order}"`);
    checkKey(field, 'orderBy');
    return this.next({ orders: [...this.state.orders, [field, order]] });
  }

  limit(max: number): CloudQuery {
    if (!Number.isInteger(max) || max < 1) throw new DbError(ERR_INVALID_PARAM, `limit(${max})`);
    if (max > MAX_LIMIT)
      throw new DbError(ERR_INVALID_PARAM, `limit(${max}): a server query returns at most 100`);
    return this.next({ limit: max });
  }

  async get(): Promise<{ data: DbDoc[] }> {
    if (this.state.limit === undefined) {
      throw new NotImplemented(
        'get() without limit() (the server silently caps at 100; always ask for a page)',
      );
    }
    this.db.stats.queries++;
    this.checkIndex('get');
    return this.db.call(() => {
      const rows = this.matching().sort((a, b) => this.compare(a, b));
      return { data: rows.slice(0, this.state.limit).map(clone) };
    });
  }

  async count(): Promise<{ total: number }> {
    this.db.stats.queries++;
    this.checkIndex('count');
    return this.db.call(() => ({ total: this.matching().length }));
  }

  async update(options: { data: Record<string, unknown> }): Promise<UpdateResult> {
    if (this.state.orders.length || this.state.limit !== undefined) {
      throw new NotImplemented('where().update() with orderBy/limit');
    }
    const ops = checkUpdateData(options?.data, 'collection.update');
    this.db.stats.queries++;
    this.checkIndex('update');
    return this.db.call(async () => {
      // Wait behind open transactions holding a matching document, then match and write in one step.
      for (
        let h;
        (h = this.view.blocker(
          this.name,
          this.matching().map((d) => d._id),
        ));
      )
        await h.released;
      let updated = 0;
      const writes: Write[] = [];
      for (const doc of this.matching()) {
        const next = applyUpdate(doc, ops);
        if (isDeepStrictEqual(next, doc)) continue;
        writes.push({ collection: this.name, id: doc._id, doc: next });
        updated++;
      }
      for (const w of writes) this.view.write(w, 'collection.update');
      return { stats: { updated } };
    });
  }

  skip(): never {
    throw new NotImplemented('skip (paginate by keyset)');
  }
  field(): never {
    throw new NotImplemented('field (projection)');
  }
  remove(): never {
    throw new NotImplemented('where().remove()');
  }
  watch(): never {
    throw new NotImplemented('watch');
  }

  private matching(): DbDoc[] {
    const w = this.state.where;
    return this.view.docs(this.name).filter((d) => !w || w.test(d));
  }

  private compare(a: DbDoc, b: DbDoc): number {
    for (const [field, order] of this.state.orders) {
      const x = a[field];
      const y = b[field];
      const ok = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
      if (!ok(x) || !ok(y) || typeof x !== typeof y) {
        throw new NotImplemented(`sorting ${this.name} on "${field}" holding missing/null/mixed-type values`);
      }
      const c = compareScalars(x as string, y as string);
      if (c !== 0) return order === 'asc' ? c : -c;
    }
    return 0;
  }

  private checkIndex(api: string) {
    if (!this.db.options.requireIndexes) return;
    const eq = this.state.where?.eqFields ?? new Set<string>();
    const orders = this.state.orders;
    const shape = `${this.name}.${api}(eq: [${[...eq].join(', ')}], sort: [${orders.map((o) => o.join(' ')).join(', ')}])`;
    if (eq.has('_id')) return;
    const candidates: IndexSpec[] = [
      ...(this.db.options.indexes?.[this.name] ?? []),
      { name: '_id_', fields: [['_id', 'asc']] },
    ];
    for (const idx of candidates) {
      let k = 0;
      while (k < idx.fields.length && eq.has(idx.fields[k][0])) k++;
      const rest = idx.fields.slice(k);
      // With equality filters the index must lead with one of them (else it scans the collection).
      if (eq.size > 0 && k === 0) continue;
      if (orders.length === 0) {
        if (k > 0) return;
        continue;
      }
      if (rest.length < orders.length) continue;
      const names = orders.every(([f], i) => rest[i][0] === f);
      const same = orders.every(([, o], i) => rest[i][1] === o);
      const reversed = orders.every(([, o], i) => rest[i][1] !== o);
      if (names && (same || reversed)) return;
    }
    throw new MissingIndex(shape);
  }
}

class CollectionImpl extends QueryImpl implements CloudCollection {
  doc(id: string): CloudDocRef {
    return new DocRefImpl(this.db, this.name, id, this.view);
  }
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }> {
    return addDoc(this.db, this.name, this.view, options);
  }
  aggregate(): never {
    throw new NotImplemented('aggregate');
  }
}

/** A collection inside a transaction: only document operations and add, as CloudBase allows. */
class TxCollectionImpl implements CloudTxCollection {
  constructor(
    private readonly db: CloudbaseDbDouble,
    private readonly name: string,
    private readonly view: View,
  ) {}
  doc(id: string): CloudDocRef {
    return new DocRefImpl(this.db, this.name, id, this.view);
  }
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }> {
    return addDoc(this.db, this.name, this.view, options);
  }
  where(): never {
    throw new NotImplemented(
      'where inside a transaction (CloudBase transactions allow single-document operations only)',
    );
  }
  count(): never {
    throw new NotImplemented('count inside a transaction');
  }
  get(): never {
    throw new NotImplemented('a collection query inside a transaction');
  }
  orderBy(): never {
    throw new NotImplemented('orderBy inside a transaction');
  }
  limit(): never {
    throw new NotImplemented('limit inside a transaction');
  }
  update(): never {
    throw new NotImplemented('a multi-document update inside a transaction');
  }
  aggregate(): never {
    throw new NotImplemented('aggregate inside a transaction');
  }
}

export function createCloudbaseDbDouble(options: DoubleOptions): CloudbaseDbDouble {
  return new CloudbaseDbDouble(options);
}
