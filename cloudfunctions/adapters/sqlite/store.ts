import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { AppError } from '../../core/errors';
import type { After, ListOptions, Store, Tx } from '../../core/ports';
import type { CollectionName, Collections } from '../../core/records';
import { CODECS, MIGRATIONS } from './schema';

type Row = Record<string, unknown>;

/** Opens (creating or migrating) a SQLite database and returns the Store over it. */
export function createSqliteStore(path: string): Store & { db: Database.Database; close(): void } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return new SqliteStore(db);
}

export function migrate(db: Database.Database): void {
  const done = db.pragma('user_version', { simple: true }) as number;
  for (let i = done; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

function encode(collection: CollectionName, doc: Row): Row {
  const codec = CODECS[collection];
  const out: Row = {};
  for (const [k, v] of Object.entries(doc)) {
    if (v === undefined) continue;
    if (codec?.json?.includes(k)) out[k] = JSON.stringify(v);
    else if (typeof v === 'boolean') out[k] = v ? 1 : 0;
    else out[k] = v;
  }
  return out;
}

function decode<C extends CollectionName>(collection: C, row: Row | undefined): Collections[C] | null {
  if (!row) return null;
  const codec = CODECS[collection];
  for (const k of codec?.bool ?? []) row[k] = row[k] === 1;
  for (const k of codec?.json ?? []) row[k] = JSON.parse(row[k] as string);
  return row as unknown as Collections[C];
}

/** `(key > ? OR (key = ? AND id > ?))` — or the descending mirror — for keyset pagination. */
function keyset(column: string, after: After | undefined, desc: boolean, params: unknown[]): string {
  if (!after) return '1';
  const op = desc ? '<' : '>';
  params.push(after.key, after.key, after.id);
  return `(${column} ${op} ? OR (${column} = ? AND id ${op} ?))`;
}

/**
 * A constraint violation (unique, primary key, check). Not `instanceof Error`: better-sqlite3 builds its
 * errors with the Error of the realm that first loaded it, which differs per test file under jest.
 */
const isConstraint = (e: unknown) =>
  typeof e === 'object' &&
  e !== null &&
  String((e as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT');

class SqliteStore implements Store {
  /** Units of work run one at a time; reads wait for a running one so they never see its uncommitted writes. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly inTx = new AsyncLocalStorage<true>();
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

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

  private async read<T>(fn: () => T): Promise<T> {
    if (!this.inTx.getStore()) await this.queue.catch(() => undefined);
    return fn();
  }

  private all<C extends CollectionName>(
    collection: C,
    sql: string,
    params: unknown[],
  ): Promise<Collections[C][]> {
    return this.read(() => (this.prep(sql).all(...params) as Row[]).map((r) => decode(collection, r)!));
  }

  private one<C extends CollectionName>(collection: C, sql: string, params: unknown[]) {
    return this.read(() => decode(collection, this.prep(sql).get(...params) as Row | undefined));
  }

  private count(sql: string, params: unknown[]): Promise<number> {
    return this.read(() => (this.prep(sql).get(...params) as { n: number }).n);
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
      decode(collection, this.prep(`SELECT * FROM ${collection} WHERE id = ?`).get(id) as Row | undefined),
    insert: async (collection, doc) => {
      const row = encode(collection, doc as unknown as Row);
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
      const row = encode(collection, patch as Row);
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
    return this.one(collection, `SELECT * FROM ${collection} WHERE id = ?`, [id]);
  }
  regions() {
    return this.all('regions', 'SELECT * FROM regions ORDER BY kind, name, id LIMIT 1000', []);
  }
  stations() {
    return this.all('stations', 'SELECT * FROM stations ORDER BY name, id LIMIT 1000', []);
  }
  userByOpenid(openid: string) {
    return this.one('users', 'SELECT * FROM users WHERE openid = ?', [openid]);
  }
  grantsOfUser(userId: string) {
    return this.all('roleGrants', 'SELECT * FROM roleGrants WHERE userId = ? ORDER BY id LIMIT 100', [
      userId,
    ]);
  }
  deputyByUser(userId: string) {
    return this.one('deputies', 'SELECT * FROM deputies WHERE userId = ?', [userId]);
  }
  deputyByCode(code: string) {
    return this.one('deputies', 'SELECT * FROM deputies WHERE code = ?', [code]);
  }
  deputies(
    filter: { constituencyId?: string; excludeConstituencyId?: string; townshipId?: string },
    opts: ListOptions,
  ) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.constituencyId) {
      where.push('constituencyId = ?');
      params.push(filter.constituencyId);
    }
    if (filter.excludeConstituencyId) {
      where.push('constituencyId <> ?');
      params.push(filter.excludeConstituencyId);
    }
    if (filter.townshipId) {
      where.push('townshipId = ?');
      params.push(filter.townshipId);
    }
    where.push(keyset('name', opts.after, false, params));
    params.push(opts.limit);
    return this.all(
      'deputies',
      `SELECT * FROM deputies WHERE ${where.join(' AND ')} ORDER BY name, id LIMIT ?`,
      params,
    );
  }
  registerEntries(filter: { constituencyId: string }, opts: ListOptions) {
    const params: unknown[] = [filter.constituencyId];
    const ks = keyset('name', opts.after, false, params);
    params.push(opts.limit);
    return this.all(
      'registerEntries',
      `SELECT * FROM registerEntries WHERE constituencyId = ? AND ${ks} ORDER BY name, id LIMIT ?`,
      params,
    );
  }
  conflicts(
    filter: { countyId?: string; townshipId?: string; status?: 'open' | 'resolved' },
    opts: ListOptions,
  ) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.countyId) {
      where.push('countyId = ?');
      params.push(filter.countyId);
    }
    if (filter.townshipId) {
      where.push('townshipId = ?');
      params.push(filter.townshipId);
    }
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    where.push(keyset('createdAt', opts.after, true, params));
    params.push(opts.limit);
    return this.all(
      'conflicts',
      `SELECT * FROM conflicts WHERE ${where.join(' AND ')} ORDER BY createdAt DESC, id DESC LIMIT ?`,
      params,
    );
  }
  threadsOfDeputy(
    filter: { deputyId: string; status?: 'new' | 'read' | 'replied' | 'closed'; verifiedOnly?: boolean },
    opts: ListOptions,
  ) {
    const params: unknown[] = [filter.deputyId];
    const where = ['deputyId = ?', 'held = 0'];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.verifiedOnly) where.push('voterVerified = 1');
    where.push(keyset('lastMessageAt', opts.after, true, params));
    params.push(opts.limit);
    return this.all(
      'threads',
      `SELECT * FROM threads WHERE ${where.join(' AND ')} ORDER BY lastMessageAt DESC, id DESC LIMIT ?`,
      params,
    );
  }
  unreadThreadsOfDeputy(deputyId: string) {
    return this.count(
      'SELECT COUNT(*) AS n FROM threads WHERE deputyId = ? AND held = 0 AND unreadByDeputy = 1',
      [deputyId],
    );
  }
  threadsOfVoter(voterUserId: string, opts: ListOptions) {
    const params: unknown[] = [voterUserId];
    const ks = keyset('lastMessageAt', opts.after, true, params);
    params.push(opts.limit);
    return this.all(
      'threads',
      `SELECT * FROM threads WHERE voterUserId = ? AND ${ks} ORDER BY lastMessageAt DESC, id DESC LIMIT ?`,
      params,
    );
  }
  messagesOfThread(threadId: string, opts: ListOptions) {
    const params: unknown[] = [threadId];
    const ks = keyset('createdAt', opts.after, false, params);
    params.push(opts.limit);
    return this.all(
      'messages',
      `SELECT * FROM messages WHERE threadId = ? AND ${ks} ORDER BY createdAt, id LIMIT ?`,
      params,
    );
  }
  heldMessages(filter: { countyId?: string; townshipId?: string }, opts: ListOptions) {
    const params: unknown[] = [];
    const where = ["status = 'held'"];
    if (filter.countyId) {
      where.push('countyId = ?');
      params.push(filter.countyId);
    }
    if (filter.townshipId) {
      where.push('townshipId = ?');
      params.push(filter.townshipId);
    }
    where.push(keyset('createdAt', opts.after, false, params));
    params.push(opts.limit);
    return this.all(
      'messages',
      `SELECT * FROM messages WHERE ${where.join(' AND ')} ORDER BY createdAt, id LIMIT ?`,
      params,
    );
  }
  outboxOfUser(userId: string, opts: ListOptions) {
    const params: unknown[] = [userId];
    const ks = keyset('createdAt', opts.after, true, params);
    params.push(opts.limit);
    return this.all(
      'outbox',
      `SELECT * FROM outbox WHERE userId = ? AND ${ks} ORDER BY createdAt DESC, id DESC LIMIT ?`,
      params,
    );
  }
  unreadOutbox(userId: string) {
    return this.count('SELECT COUNT(*) AS n FROM outbox WHERE userId = ? AND readAt IS NULL', [userId]);
  }
  pendingOutbox(limit: number) {
    return this.all(
      'outbox',
      "SELECT * FROM outbox WHERE status = 'pending' ORDER BY createdAt, id LIMIT ?",
      [limit],
    );
  }
  activitiesOfDeputy(deputyId: string, opts: ListOptions) {
    const params: unknown[] = [deputyId];
    const ks = keyset('at', opts.after, true, params);
    params.push(opts.limit);
    return this.all(
      'activities',
      `SELECT * FROM activities WHERE deputyId = ? AND ${ks} ORDER BY at DESC, id DESC LIMIT ?`,
      params,
    );
  }

  receptionDays(
    filter: {
      status?: 'draft' | 'published' | 'cancelled';
      countyId?: string;
      townshipId?: string;
      stationId?: string;
      fromDate?: string;
      toDate?: string;
    },
    opts: ListOptions,
  ) {
    const params: unknown[] = [];
    const where: string[] = [];
    const eq: [string, unknown][] = [
      ['status = ?', filter.status],
      ['countyId = ?', filter.countyId],
      ['townshipId = ?', filter.townshipId],
      ['stationId = ?', filter.stationId],
      ['date >= ?', filter.fromDate],
      ['date <= ?', filter.toDate],
    ];
    for (const [sql, v] of eq) {
      if (v === undefined) continue;
      where.push(sql);
      params.push(v);
    }
    where.push(keyset('date', opts.after, false, params));
    params.push(opts.limit);
    return this.all(
      'receptionDays',
      `SELECT * FROM receptionDays WHERE ${where.join(' AND ')} ORDER BY date, id LIMIT ?`,
      params,
    );
  }
  slotsOfDay(dayId: string) {
    return this.all('slots', 'SELECT * FROM slots WHERE dayId = ? ORDER BY startsAt, id LIMIT 100', [dayId]);
  }
  assignmentsOfDay(dayId: string) {
    return this.all('assignments', 'SELECT * FROM assignments WHERE dayId = ? ORDER BY id LIMIT 100', [
      dayId,
    ]);
  }
  assignmentsOfDeputy(deputyId: string, filter: { fromDate?: string; toDate?: string }, opts: ListOptions) {
    const params: unknown[] = [deputyId, filter.fromDate ?? '', filter.toDate ?? '9999'];
    const ks = keyset('date', opts.after, false, params);
    params.push(opts.limit);
    return this.all(
      'assignments',
      `SELECT * FROM assignments WHERE deputyId = ? AND date >= ? AND date <= ? AND ${ks} ORDER BY date, id LIMIT ?`,
      params,
    );
  }
  bookingsOfDay(dayId: string, filter: { status?: string }, opts: ListOptions) {
    const params: unknown[] = [dayId];
    const where = ['dayId = ?'];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    where.push(keyset('createdAt', opts.after, false, params));
    params.push(opts.limit);
    return this.all(
      'bookings',
      `SELECT * FROM bookings WHERE ${where.join(' AND ')} ORDER BY createdAt, id LIMIT ?`,
      params,
    );
  }
  bookingsOfVoter(voterUserId: string, opts: ListOptions) {
    const params: unknown[] = [voterUserId];
    const ks = keyset('createdAt', opts.after, true, params);
    params.push(opts.limit);
    return this.all(
      'bookings',
      `SELECT * FROM bookings WHERE voterUserId = ? AND ${ks} ORDER BY createdAt DESC, id DESC LIMIT ?`,
      params,
    );
  }
  visitsOfDay(dayId: string, opts: ListOptions) {
    const params: unknown[] = [dayId];
    const ks = keyset('createdAt', opts.after, false, params);
    params.push(opts.limit);
    return this.all(
      'visits',
      `SELECT * FROM visits WHERE dayId = ? AND ${ks} ORDER BY createdAt, id LIMIT ?`,
      params,
    );
  }
}
