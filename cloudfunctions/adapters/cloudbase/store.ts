/**
 * The Store port on the CloudBase database (wx-server-sdk `cloud.database()`).
 *
 * - Records keep `id`; documents keep it as `_id` (mapped both ways here, nowhere else).
 * - Lists are `where` + `orderBy(key)` + `orderBy('_id')` + `limit(≤ 100)`, paged by keyset:
 *   `key > k OR (key = k AND _id > id)` (or the descending mirror). INDEXES lists what each needs.
 * - `transact` runs on `db.runTransaction`; the Tx it hands out uses only the document operations
 *   a CloudBase transaction allows.
 *
 * Needs `cloud.database({ throwOnNotFound: false })`: a missing document reads as `{ data: null }`.
 */
import { AppError } from '../../core/errors';
import type { After, ListOptions, Store, Tx } from '../../core/ports';
import { COLLECTIONS, type CollectionName, type Collections } from '../../core/records';
import type { CloudDb, CloudQuery, CloudTransaction, DbDoc, Where } from './db';

export { INDEXES } from './indexes';
export type { IndexSpec } from './indexes';
/** The collections to create before the first deployment (one per record type). */
export { COLLECTIONS };

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

  return {
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

    async regions() {
      const rows = await scan('regions');
      return rows.sort((a, b) => cmp(a.kind, b.kind) || cmp(a.name, b.name) || cmp(a.id, b.id));
    },
    async stations() {
      const rows = await scan('stations');
      return rows.sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
    },
    userByOpenid(openid) {
      return first('users', { openid });
    },
    async grantsOfUser(userId) {
      const { data } = await db
        .collection('roleGrants')
        .where({ userId })
        .orderBy('_id', 'asc')
        .limit(MAX_LIMIT)
        .get();
      return data.map((d) => fromDoc<'roleGrants'>(d)!);
    },
    deputyByUser(userId) {
      return first('deputies', { userId });
    },
    deputyByCode(code) {
      return first('deputies', { code });
    },
    deputies(filter, opts) {
      const eq: Row = {};
      if (filter.constituencyId) eq.constituencyId = filter.constituencyId;
      if (filter.townshipId) eq.townshipId = filter.townshipId;
      const conds: Where[] = Object.keys(eq).length ? [eq] : [];
      if (filter.excludeConstituencyId) conds.push({ constituencyId: _.neq(filter.excludeConstituencyId) });
      return list('deputies', conds, 'name', 'asc', opts);
    },
    registerEntries(filter, opts) {
      return list('registerEntries', [{ constituencyId: filter.constituencyId }], 'name', 'asc', opts);
    },
    conflicts(filter, opts) {
      const eq: Row = {};
      if (filter.countyId) eq.countyId = filter.countyId;
      if (filter.townshipId) eq.townshipId = filter.townshipId;
      if (filter.status) eq.status = filter.status;
      return list('conflicts', Object.keys(eq).length ? [eq] : [], 'createdAt', 'desc', opts);
    },
    threadsOfDeputy(filter, opts) {
      const eq: Row = { deputyId: filter.deputyId, held: false };
      if (filter.status) eq.status = filter.status;
      if (filter.verifiedOnly) eq.voterVerified = true;
      return list('threads', [eq], 'lastMessageAt', 'desc', opts);
    },
    unreadThreadsOfDeputy(deputyId) {
      return count('threads', { deputyId, held: false, unreadByDeputy: true });
    },
    threadsOfVoter(voterUserId, opts) {
      return list('threads', [{ voterUserId }], 'lastMessageAt', 'desc', opts);
    },
    messagesOfThread(threadId, opts) {
      return list('messages', [{ threadId }], 'createdAt', 'asc', opts);
    },
    heldMessages(filter, opts) {
      const eq: Row = { status: 'held' };
      if (filter.countyId) eq.countyId = filter.countyId;
      if (filter.townshipId) eq.townshipId = filter.townshipId;
      return list('messages', [eq], 'createdAt', 'asc', opts);
    },
    outboxOfUser(userId, opts) {
      return list('outbox', [{ userId }], 'createdAt', 'desc', opts);
    },
    unreadOutbox(userId) {
      // `_.eq(null)` matches null and a missing field alike.
      return count('outbox', { userId, readAt: _.eq(null) });
    },
    pendingOutbox(limit) {
      return list('outbox', [{ status: 'pending' }], 'createdAt', 'asc', { limit });
    },
    activitiesOfDeputy(deputyId, opts) {
      return list('activities', [{ deputyId }], 'at', 'desc', opts);
    },

    receptionDays(filter, opts) {
      // A given filter always filters (an empty string matches nothing rather than widening the scope).
      const eq: Row = {};
      for (const f of ['status', 'countyId', 'townshipId', 'stationId'] as const) {
        if (filter[f] !== undefined) eq[f] = filter[f];
      }
      const conds: Where[] = Object.keys(eq).length ? [eq] : [];
      conds.push(...dateRange(filter));
      return list('receptionDays', conds, 'date', 'asc', opts);
    },
    slotsOfDay(dayId) {
      return list('slots', [{ dayId }], 'startsAt', 'asc', { limit: MAX_LIMIT });
    },
    async assignmentsOfDay(dayId) {
      const { data } = await db
        .collection('assignments')
        .where({ dayId })
        .orderBy('_id', 'asc')
        .limit(MAX_LIMIT)
        .get();
      return data.map((d) => fromDoc<'assignments'>(d)!);
    },
    assignmentsOfDeputy(deputyId, filter, opts) {
      return list('assignments', [{ deputyId }, ...dateRange(filter)], 'date', 'asc', opts);
    },
    bookingsOfDay(dayId, filter, opts) {
      const eq: Row = { dayId };
      if (filter.status) eq.status = filter.status;
      return list('bookings', [eq], 'createdAt', 'asc', opts);
    },
    bookingsOfVoter(voterUserId, opts) {
      return list('bookings', [{ voterUserId }], 'createdAt', 'desc', opts);
    },
    visitsOfDay(dayId, opts) {
      return list('visits', [{ dayId }], 'createdAt', 'asc', opts);
    },
  };
}

/** Binary string order, as both SQLite (BINARY collation) and CloudBase sort strings. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
