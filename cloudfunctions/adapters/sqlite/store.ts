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
  /**
   * One keyset-paginated list: the conditions whose value is given, ordered by `sortKey` then id.
   * A condition is SQL with one `?`, or with none when its value is `true`.
   */
  private list<C extends CollectionName>(
    collection: C,
    conditions: [sql: string, value: unknown][],
    sortKey: string,
    desc: boolean,
    opts: ListOptions,
  ) {
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
    return this.all(
      collection,
      `SELECT * FROM ${collection} WHERE ${where.join(' AND ')} ORDER BY ${sortKey} ${dir}, id ${dir} LIMIT ?`,
      params,
    );
  }

  deputies(
    filter: { constituencyId?: string; excludeConstituencyId?: string; townshipId?: string },
    opts: ListOptions,
  ) {
    const { constituencyId, excludeConstituencyId, townshipId } = filter;
    return this.list(
      'deputies',
      [
        ['constituencyId = ?', constituencyId],
        ['constituencyId <> ?', excludeConstituencyId],
        ['townshipId = ?', townshipId],
      ],
      'name',
      false,
      opts,
    );
  }
  registerEntries(filter: { constituencyId: string }, opts: ListOptions) {
    return this.list('registerEntries', [['constituencyId = ?', filter.constituencyId]], 'name', false, opts);
  }
  conflicts(
    filter: { countyId?: string; townshipId?: string; status?: 'open' | 'resolved' },
    opts: ListOptions,
  ) {
    const conditions: [string, unknown][] = [
      ['countyId = ?', filter.countyId],
      ['townshipId = ?', filter.townshipId],
      ['status = ?', filter.status],
    ];
    return this.list('conflicts', conditions, 'createdAt', true, opts);
  }
  threadsOfDeputy(
    filter: { deputyId: string; status?: 'new' | 'read' | 'replied' | 'closed'; verifiedOnly?: boolean },
    opts: ListOptions,
  ) {
    const conditions: [string, unknown][] = [
      ['deputyId = ?', filter.deputyId],
      ['held = 0', true],
      ['status = ?', filter.status],
      ['voterVerified = 1', filter.verifiedOnly],
    ];
    return this.list('threads', conditions, 'lastMessageAt', true, opts);
  }
  unreadThreadsOfDeputy(deputyId: string) {
    return this.count(
      'SELECT COUNT(*) AS n FROM threads WHERE deputyId = ? AND held = 0 AND unreadByDeputy = 1',
      [deputyId],
    );
  }
  threadsOfVoter(voterUserId: string, opts: ListOptions) {
    return this.list('threads', [['voterUserId = ?', voterUserId]], 'lastMessageAt', true, opts);
  }
  messagesOfThread(threadId: string, opts: ListOptions) {
    return this.list('messages', [['threadId = ?', threadId]], 'createdAt', false, opts);
  }
  heldMessages(filter: { countyId?: string; townshipId?: string }, opts: ListOptions) {
    const conditions: [string, unknown][] = [
      ["status = 'held'", true],
      ['countyId = ?', filter.countyId],
      ['townshipId = ?', filter.townshipId],
    ];
    return this.list('messages', conditions, 'createdAt', false, opts);
  }
  outboxOfUser(userId: string, opts: ListOptions) {
    return this.list('outbox', [['userId = ?', userId]], 'createdAt', true, opts);
  }
  unreadOutbox(userId: string) {
    return this.count('SELECT COUNT(*) AS n FROM outbox WHERE userId = ? AND readAt IS NULL', [userId]);
  }
  pendingOutbox(limit: number) {
    return this.list('outbox', [["status = 'pending'", true]], 'createdAt', false, { limit });
  }
  activitiesOfDeputy(deputyId: string, opts: ListOptions) {
    return this.list('activities', [['deputyId = ?', deputyId]], 'at', true, opts);
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
    const conditions: [string, unknown][] = [
      ['status = ?', filter.status],
      ['countyId = ?', filter.countyId],
      ['townshipId = ?', filter.townshipId],
      ['stationId = ?', filter.stationId],
      ['date >= ?', filter.fromDate],
      ['date <= ?', filter.toDate],
    ];
    return this.list('receptionDays', conditions, 'date', false, opts);
  }
  slotsOfDay(dayId: string) {
    return this.list('slots', [['dayId = ?', dayId]], 'startsAt', false, { limit: 100 });
  }
  assignmentsOfDay(dayId: string) {
    return this.list('assignments', [['dayId = ?', dayId]], 'id', false, { limit: 100 });
  }
  assignmentsOfDeputy(deputyId: string, filter: { fromDate?: string; toDate?: string }, opts: ListOptions) {
    const conditions: [string, unknown][] = [
      ['deputyId = ?', deputyId],
      ['date >= ?', filter.fromDate],
      ['date <= ?', filter.toDate],
    ];
    return this.list('assignments', conditions, 'date', false, opts);
  }
  bookingsOfDay(dayId: string, filter: { status?: string }, opts: ListOptions) {
    const conditions: [string, unknown][] = [
      ['dayId = ?', dayId],
      ['status = ?', filter.status],
    ];
    return this.list('bookings', conditions, 'createdAt', false, opts);
  }
  bookingsOfVoter(voterUserId: string, opts: ListOptions) {
    return this.list('bookings', [['voterUserId = ?', voterUserId]], 'createdAt', true, opts);
  }
  visitsOfDay(dayId: string, opts: ListOptions) {
    return this.list('visits', [['dayId = ?', dayId]], 'createdAt', false, opts);
  }
}
