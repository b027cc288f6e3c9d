/**
 * The Store port on the CloudBase database (wx-server-sdk `cloud.database()`).
 *
 * - Records keep `id`; documents keep it as `_id` (mapped both ways here, nowhere else).
 * - Lists are `where` + `orderBy(key)` + `orderBy('_id')` + `limit(≤ 100)`, paged by keyset:
 *   `key > k OR (key = k AND _id > id)` (or the descending mirror); each module's storage lists the
 *   indexes its queries need.
 * - `transact` runs on `db.runTransaction`; the Tx it hands out uses only the document operations
 *   a CloudBase transaction allows.
 *
 * Needs `cloud.database({ throwOnNotFound: false })`: a missing document reads as `{ data: null }`.
 */
import { readCounter } from '../../core/counters';
import { AppError } from '../../core/errors';
import type { After, ListOptions, Storage, Store, Tx } from '../../core/ports';
import type { CollectionName, Collections } from '../../core/records';
import type { ModuleStorage } from '../storage';
import type { CloudDb, CloudQuery, CloudTransaction, DbDoc, Where } from './db';
import type { CloudbaseKit } from './kit';

/** A server query returns at most 100 documents. */
export const MAX_LIMIT = 100;
/** Whole-collection reads (regions, stations) stop here rather than loop without end. */
const MAX_SCAN_PAGES = 50;

/**
 * How `transact` retries a unit of work that conflicted with another writer.
 *
 * Each attempt is one `db.runTransaction`, inside which the SDK already re-runs the work at once on a
 * commit conflict (3 times by default). Those immediate re-runs collide again when many writers want one
 * document (a slot opening for booking): they all restart together and only one wins each round. So
 * between attempts the adapter waits a random time ("full jitter": 0..min(max, base·2^(n-1)) ms), which
 * spreads the writers out. The defaults wait at most 10+20+40+80+160+320+400 = 1,030 ms in all (half that
 * on average) before answering CONFLICT, inside the 3 s function timeout. A hot counter still conflicts
 * a lot this way — see README.md, "Contention".
 */
export interface ConflictRetry {
  /** runTransaction calls in all before answering CONFLICT. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** For tests: how to wait and where randomness comes from. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_CONFLICT_RETRY: ConflictRetry = { attempts: 8, baseDelayMs: 10, maxDelayMs: 400 };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Row = Record<string, unknown>;

function toDoc(record: object): DbDoc {
  const { id, ...rest } = record as Row;
  const doc: Row = { _id: id };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) doc[k] = v;
  return doc as DbDoc;
}

function fromDoc<C extends CollectionName>(doc: DbDoc | null | undefined): Collections[C] | null {
  if (!doc) return null;
  // `_openid` is added to documents written from the mini-program side; ours are written by functions only.
  const { _id, _openid: _ignored, ...rest } = doc;
  return { id: _id, ...rest } as unknown as Collections[C];
}

/** A `{}` object, from whichever realm it was made in. */
function isPlainObject(v: unknown): v is Row {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** An error's text whichever shape it comes in (SDK errors carry `errMsg`, server errors `message`). */
function errorText(e: unknown): string {
  if (typeof e !== 'object' || e === null) return String(e);
  const { errMsg, message } = e as { errMsg?: unknown; message?: unknown };
  return `${typeof errMsg === 'string' ? errMsg : ''} ${typeof message === 'string' ? message : ''}`;
}

/**
 * A transaction conflict. The SDK's runTransaction retries only the shape the server sends on commit
 * (`code: 'DATABASE_TRANSACTION_CONFLICT'`); a conflict reported by a single operation inside the
 * callback reaches us as an SDK error (`errCode` -501001, message mentioning the conflict) without retry.
 */
export function isTransactionConflict(e: unknown): boolean {
  if (e instanceof AppError) return false;
  if (
    typeof e === 'object' &&
    e !== null &&
    (e as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT'
  ) {
    return true;
  }
  return /transaction conflict|write ?conflict/i.test(errorText(e));
}

/** A unique index refused the write (MongoDB E11000, surfaced by CloudBase as a request failure). */
export function isDuplicateKey(e: unknown): boolean {
  return !(e instanceof AppError) && /duplicate key|E11000/i.test(errorText(e));
}

export function createCloudbaseStore(
  db: CloudDb,
  options: { conflictRetry?: Partial<ConflictRetry> } = {},
): Store {
  const _ = db.command;
  const retry: ConflictRetry = { ...DEFAULT_CONFLICT_RETRY, ...options.conflictRetry };
  const sleep = retry.sleep ?? sleepFor;
  const random = retry.random ?? Math.random;

  /** An update's `data`: object and array values go through `_.set` so they replace rather than merge. */
  function updateData(patch: object): Row {
    const data: Row = {};
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || k === 'id') continue;
      data[k] = isPlainObject(v) || Array.isArray(v) ? _.set(v) : v;
    }
    return data;
  }

  const all = (conds: Where[]): Where | null =>
    conds.length === 0 ? null : conds.length === 1 ? conds[0] : _.and(conds);

  /** `key > k OR (key = k AND _id > id)`, or the descending mirror. */
  function keyset(field: string, after: After, desc: boolean): Where {
    const past = (v: string) => (desc ? _.lt(v) : _.gt(v));
    return _.or([{ [field]: past(after.key) }, { [field]: _.eq(after.key), _id: past(after.id) }]);
  }

  /** An inclusive range on `date` (China dates compare as strings); one condition per bound. */
  function dateRange(filter: { fromDate?: string; toDate?: string }): Where[] {
    const conds: Where[] = [];
    if (filter.fromDate !== undefined) conds.push({ date: _.gte(filter.fromDate) });
    if (filter.toDate !== undefined) conds.push({ date: _.lte(filter.toDate) });
    return conds;
  }

  function checkLimit(limit: number) {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new Error(`list limit must be 1..${MAX_LIMIT}, got ${limit}`);
    }
  }

  /** One page of a list ordered by `field` then `_id`, both in the same direction. */
  async function list<C extends CollectionName>(
    collection: C,
    conds: Where[],
    field: string,
    order: 'asc' | 'desc',
    opts: ListOptions,
  ): Promise<Collections[C][]> {
    checkLimit(opts.limit);
    const where = all(opts.after ? [...conds, keyset(field, opts.after, order === 'desc')] : conds);
    const base = db.collection(collection);
    const query = (where ? base.where(where) : base)
      .orderBy(field, order)
      .orderBy('_id', order)
      .limit(opts.limit);
    const { data } = await query.get();
    return data.map((d) => fromDoc<C>(d)!);
  }

  async function first<C extends CollectionName>(
    collection: C,
    where: Where,
  ): Promise<Collections[C] | null> {
    const { data } = await db.collection(collection).where(where).limit(1).get();
    return fromDoc<C>(data[0]);
  }

  async function byId<C extends CollectionName>(collection: C, where: Where): Promise<Collections[C][]> {
    const { data } = await db
      .collection(collection)
      .where(where)
      .orderBy('_id', 'asc')
      .limit(MAX_LIMIT)
      .get();
    return data.map((d) => fromDoc<C>(d)!);
  }

  async function count(collection: CollectionName, where: Where): Promise<number> {
    return (await db.collection(collection).where(where).count()).total;
  }

  /** Every document of a small reference collection, 100 at a time in `_id` order. */
  async function scan<C extends CollectionName>(collection: C): Promise<Collections[C][]> {
    const out: Collections[C][] = [];
    let last: string | null = null;
    for (let page = 0; page < MAX_SCAN_PAGES; page++) {
      const base = db.collection(collection);
      const query: CloudQuery = last === null ? base : base.where({ _id: _.gt(last) });
      const { data }: { data: DbDoc[] } = await query.orderBy('_id', 'asc').limit(MAX_LIMIT).get();
      for (const d of data) out.push(fromDoc<C>(d)!);
      if (data.length < MAX_LIMIT) return out;
      last = data[data.length - 1]._id;
    }
    throw new Error(`${collection} has more than ${MAX_SCAN_PAGES * MAX_LIMIT} documents; read it by scope`);
  }

  /** A Tx bound to one CloudBase transaction. */
  function txOf(t: CloudTransaction): Tx {
    return {
      async get(collection, id) {
        return fromDoc((await t.collection(collection).doc(id).get()).data);
      },
      async insert(collection, record) {
        const ref = t.collection(collection);
        // Asking first gives a clean CONFLICT; the duplicate-key error below covers a concurrent twin.
        if ((await ref.doc(record.id).get()).data) throw new AppError('CONFLICT', '记录已存在');
        try {
          await ref.add({ data: toDoc(record) });
        } catch (e) {
          if (isDuplicateKey(e)) throw new AppError('CONFLICT', '记录已存在');
          throw e;
        }
      },
      async update(collection, id, patch) {
        const data = updateData(patch);
        if (Object.keys(data).length === 0) return;
        const ref = t.collection(collection).doc(id);
        let res;
        try {
          res = await ref.update({ data });
        } catch (e) {
          if (isDuplicateKey(e)) throw new AppError('CONFLICT', '记录冲突');
          throw e;
        }
        // `updated` is 0 for a missing document but may also be 0 when nothing changed: look before failing.
        if (res.stats.updated === 0 && !(await ref.get()).data) throw new AppError('NOT_FOUND', '记录不存在');
      },
      async remove(collection, id) {
        await t.collection(collection).doc(id).remove();
      },
    };
  }

  async function updateWhere(collection: CollectionName, where: Where, data: Record<string, unknown>) {
    return (await db.collection(collection).where(where).update({ data })).stats.updated;
  }

  const kit: CloudbaseKit = {
    db,
    _,
    list,
    first,
    count,
    scan,
    byId,
    dateRange,
    updateWhere,
    counter: (id, recount) => readCounter(store, id, recount),
  };
  const built = new Map<Storage<unknown>, unknown>();

  const store: Store = {
    async transact<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.runTransaction((t) => work(txOf(t)));
        } catch (e) {
          if (isDuplicateKey(e)) throw new AppError('CONFLICT', '记录已存在');
          if (!isTransactionConflict(e)) throw e;
          if (attempt >= retry.attempts) throw new AppError('CONFLICT', '数据正被他人修改，请稍后重试');
        }
        const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
        await sleep(Math.floor(random() * (ceiling + 1)));
      }
    },

    async get(collection, id) {
      return fromDoc((await db.collection(collection).doc(id).get()).data);
    },

    queries<Q>(storage: Storage<Q>): Q {
      if (!built.has(storage)) built.set(storage, (storage as ModuleStorage<Q>).cloudbase.queries(kit));
      return built.get(storage) as Q;
    },
  };
  return store;
}
