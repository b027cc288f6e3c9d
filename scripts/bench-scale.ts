/**
 * `npm run bench`, lists and counts at county scale: a data generator of its own (bulk inserts straight
 * into SQLite, not handlers) builds a county at 1× — 500 deputies, 500,000 register entries, 200,000
 * threads with 2,000,000 messages, 1,000,000 notifications, 500,000 duty-record entries, 5,000 reception
 * days with about 99,000 bookings — and at 10× the history (the same deputies, voters and stations, ten
 * times the rows), once, into `.cache/bench/` (kept while the generator and the migrations stay the same).
 * Then every list a screen calls and every count on a page is timed in-process on both, and printed as
 *   scale threadsOfDeputy deep page: p95 1× 3.26 ms, 10× 26.1 ms, ratio 8.0
 * with the query plan of any list that scans. Goal: ratio ≤ 1.5 for each. `BENCH_SCALE=0` skips it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../cloudfunctions/adapters/sqlite/store';
import { KEPT_COUNTER } from '../cloudfunctions/core/counters';
import type { Caller } from '../cloudfunctions/core/context';
import type { After, ListOptions, Ports } from '../cloudfunctions/core/ports';
import { account } from '../cloudfunctions/modules/account';
import { accountStorage } from '../cloudfunctions/modules/account/storage';
import { contact } from '../cloudfunctions/modules/contact';
import { contactStorage } from '../cloudfunctions/modules/contact/storage';
import { STORAGES } from '../cloudfunctions/modules/registry';
import { receptionStorage } from '../cloudfunctions/modules/reception/storage';
import { loadCaller, serve, sharedQueries } from '../cloudfunctions/modules/shared/public';
import { createLocalPorts } from '../cloudfunctions/host/ports';
import { nameKey } from '../cloudfunctions/core/nameKey';

export const CACHE_DIR = '.cache/bench';
/** Bump when the generated data should change though the generator's code did not. */
const GENERATOR_VERSION = 1;

// The county, its places and its people: the same at every scale (the history grows, not the county).
const COUNTY = 'bc';
const TOWNSHIPS = 20;
const CONSTITUENCIES = 200;
const DEPUTIES = 500;
const VOTERS = 100_000;
const BUSY_DEPUTY = 'bd0001';
const BUSY_USER = 'bu-d0001';
const BUSY_VOTER = 'bv000001';
/** Today in the generated county: lists that start from today see the days around it. */
const TODAY = '2026-06-01';
const DAY_MS = 86_400_000;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const townshipId = (t: number) => `bt${pad((t % TOWNSHIPS) + 1, 2)}`;
const constituencyId = (k: number) => `bk${pad((k % CONSTITUENCIES) + 1, 3)}`;
/** Constituency k lies in township k % 20. */
const townshipOf = (k: number) => townshipId(k % TOWNSHIPS);
const station = (t: number) => `bs${pad(t + 1, 2)}`;

interface Sizes {
  registerEntries: number;
  threads: number;
  messages: number;
  longThread: number;
  outbox: number;
  activities: number;
  days: number;
  years: number;
}

const sizesAt = (scale: number): Sizes => ({
  registerEntries: 500_000 * scale,
  threads: 200_000 * scale,
  messages: 2_000_000 * scale,
  longThread: 2_000 * scale,
  outbox: 1_000_000 * scale,
  activities: 500_000 * scale,
  days: 5_000 * scale,
  years: 5 * scale,
});

/**
 * Fills an empty database (made by the migrations) with a county at `scale`. The big tables are made by
 * INSERT … SELECT over a counter (no row crosses into JavaScript); "random" choices are a hash of the row
 * number, so every build is the same.
 */
function generate(db: Database.Database, scale: number) {
  const n = sizesAt(scale);
  const now = `${TODAY}T00:00:00.000Z`;
  const todayMs = Date.parse(now);
  /**
   * Rows 0 … count-1 as `i` of `seq`, fed to each INSERT … SELECT … FROM seq given (`;`-separated); `at`,
   * when given, is an expression of `i` computed once per row into the column `at`.
   */
  const rows = (count: number, inserts: string, at = 'NULL') => {
    for (const insert of inserts.split(/;\s*\n/).filter((x) => x.trim())) {
      const t = Date.now();
      if (process.env.BENCH_DEBUG) process.stdout.write(`    ${insert.trim().slice(0, 40)} … `);
      db.exec(`
        WITH RECURSIVE seq(i, at) AS (
          SELECT 0, ${at.replace(/\bi\b/g, '0')}
          UNION ALL SELECT i + 1, ${at.replace(/\bi\b/g, '(i + 1)')} FROM seq WHERE i + 1 < ${Math.floor(count)})
        ${insert}`);
      if (process.env.BENCH_DEBUG) console.log(Date.now() - t, 'ms');
    }
  };
  /** A number in 0 … m-1 from row `i` and a salt (a multiplicative hash). */
  const h = (i: string, salt: number, m: number) => `((((${i}) + ${salt}) * 2654435761) % 4294967296 % ${m})`;
  /** The instant (ms) of row `i` of `count`, spread evenly over the `years` before TODAY. */
  const atMs = (i: string, count: number) => {
    const span = n.years * 365 * DAY_MS;
    return `(${todayMs - span} + ((${i}) * 2 + 1) * ${span / (2 * Math.floor(count))})`;
  };
  /** ISO text of an instant in ms, as the app stores it. */
  const iso = (ms: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch')`;
  const at = (i: string, count: number) => iso(atMs(i, count));
  const id = (prefix: string, i: string, width: number) => `printf('${prefix}%0${width}d', ${i})`;
  const township = (k: string) => `printf('bt%02d', (${k}) % ${TOWNSHIPS} + 1)`;
  const constituency = (k: string) => `printf('bk%03d', (${k}) % ${CONSTITUENCIES} + 1)`;
  const deputy = (d: string) => `printf('bd%04d', (${d}) + 1)`;
  const deputyUser = (d: string) => `printf('bu-d%04d', (${d}) + 1)`;
  const voter = (v: string) => `printf('bv%06d', (${v}) + 1)`;

  // Places.
  const region = db.prepare(
    'INSERT INTO regions (id,kind,name,parentId,countyId,townshipId) VALUES (?,?,?,?,?,?)',
  );
  const stationRow = db.prepare(
    'INSERT INTO stations (id,name,countyId,townshipId,address,contact,openingNotes) VALUES (?,?,?,?,?,?,?)',
  );
  db.transaction(() => {
    region.run(COUNTY, 'county', '基准县', null, COUNTY, null);
    for (let t = 0; t < TOWNSHIPS; t++) {
      region.run(townshipId(t), 'township', `第${t + 1}镇`, COUNTY, COUNTY, townshipId(t));
      stationRow.run(station(t), `第${t + 1}镇代表之家`, COUNTY, townshipId(t), '镇政府旁', '0000', '');
    }
    for (let k = 0; k < CONSTITUENCIES; k++)
      region.run(constituencyId(k), 'constituency', `第${k + 1}选区`, townshipOf(k), COUNTY, townshipOf(k));
  })();

  // People: deputies with their accounts (constituency d % 200, in township d % 20), voters, the county office.
  rows(
    DEPUTIES,
    `INSERT INTO users (id, openid, displayName, createdAt)
     SELECT ${deputyUser('i')}, 'bench:d' || i, '代表' || i, '${now}' FROM seq;
     INSERT INTO roleGrants (id, userId, role, scopeKind, scopeId)
     SELECT ${deputyUser('i')} || ':deputy:' || ${deputy('i')}, ${deputyUser('i')}, 'deputy', 'deputy', ${deputy('i')}
     FROM seq;
     INSERT INTO deputies (id, userId, name, level, countyId, townshipId, constituencyId, workUnit, photoUrl,
       stationId, publicContact, code, createdAt, updatedAt)
     SELECT ${deputy('i')}, ${deputyUser('i')}, printf('代表%03d', ${h('i', 1, 1000)}),
       CASE WHEN i % 5 THEN 'township' ELSE 'county' END, '${COUNTY}', ${township('i')}, ${constituency('i')}, '', '',
       printf('bs%02d', i % ${TOWNSHIPS} + 1), '', printf('BC%06d', i), '${now}', '${now}'
     FROM seq`,
  );
  db.exec(`INSERT INTO users (id, openid, displayName, createdAt) VALUES ('bu-county', 'bench:county', '县人大', '${now}');
    INSERT INTO roleGrants (id, userId, role, scopeKind, scopeId)
    VALUES ('bu-county:countyOffice:${COUNTY}', 'bu-county', 'countyOffice', 'county', '${COUNTY}');`);
  rows(
    VOTERS,
    `INSERT INTO users (id, openid, displayName, createdAt, verifiedEntryId, verifiedAt, constituencyId)
     SELECT ${voter('i')}, 'bench:v' || i, '选民' || i, '${now}', ${id('re', 'i', 8)}, '${now}', ${constituency('i')}
     FROM seq`,
  );

  // The voter register (ids are keyed hashes in real life; here numbers), the first 100,000 bound to voters.
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许';
  rows(
    n.registerEntries,
    `INSERT INTO registerEntries (id, countyId, townshipId, constituencyId, name, idMasked, boundUserId, boundAt,
       createdAt, updatedAt)
     SELECT ${id('re', 'i', 8)}, '${COUNTY}', ${township('i')}, ${constituency('i')},
       substr('${surnames}', ${h('i', 2, surnames.length)} + 1, 1) || substr('${surnames}', ${h('i', 3, surnames.length)} + 1, 1)
         || printf('%03d', i % 997),
       '5301**********1234', CASE WHEN i < ${VOTERS} THEN ${voter('i')} END, CASE WHEN i < ${VOTERS} THEN '${now}' END,
       '${now}', '${now}'
     FROM seq`,
  );

  // Threads: one deputy is busy (5% of all), one voter writes a lot (0.1%); 10% unread by the deputy, one
  // in 2,000 held for review. Thread 1 is long (its messages below) and the busy deputy's. Each thread's
  // choices are made once, into a scratch table that its messages then join.
  db.exec(`CREATE TEMP TABLE gen_threads (t INTEGER PRIMARY KEY, d INTEGER, ms INTEGER, unread INTEGER,
    held INTEGER, tid TEXT, did TEXT, tw TEXT, du TEXT)`);
  rows(
    n.threads,
    `INSERT INTO gen_threads (t, d, ms, unread, held)
     SELECT i, CASE WHEN i = 1 OR ${h('i', 4, 100)} < 5 THEN 0 ELSE 1 + ${h('i', 5, DEPUTIES - 1)} END,
       ${atMs('i', n.threads)}, ${h('i', 6, 10)} = 0, i % 2000 = 7
     FROM seq`,
  );
  db.exec(`UPDATE gen_threads SET tid = ${id('th', 't', 8)}, did = ${deputy('d')}, tw = ${township('d')},
    du = ${deputyUser('d')}`);
  db.exec(`
    INSERT INTO threads (id, deputyId, countyId, townshipId, voterUserId, voterVerified, voterName, category, status,
      held, lastText, createdAt, lastMessageAt, awaitingSince, firstReplyAt, firstReplySeconds, unreadByDeputy,
      unreadByVoter, openingMessageId, pendingFollowUps)
    SELECT tid, did, '${COUNTY}', tw, CASE WHEN t % 1000 = 3 THEN '${BUSY_VOTER}' ELSE ${voter(h('t', 7, VOTERS))} END,
      1, '选*', '其他', CASE WHEN unread THEN 'new' ELSE 'replied' END, held, '留言', at, at,
      CASE WHEN unread THEN at END, CASE WHEN unread THEN NULL ELSE at END, CASE WHEN unread THEN NULL ELSE 3600 END,
      unread, 0, NULL, 0
    FROM (SELECT *, ${iso('ms')} AS at FROM gen_threads) ORDER BY t`);

  // Messages: every thread has its share, a minute apart; the long thread has many more.
  const per = Math.round((n.messages - n.longThread) / n.threads);
  db.exec('CREATE TEMP TABLE gen_k (k INTEGER PRIMARY KEY)');
  rows(per + n.longThread, 'INSERT INTO gen_k SELECT i FROM seq');
  const messages = (first: string, where: string) =>
    db.exec(`
      INSERT INTO messages (id, threadId, deputyId, countyId, townshipId, authorUserId, authorRole, text, status,
        heldReason, createdAt)
      SELECT ${id('ms', first, 9)}, tid, did, '${COUNTY}', tw, CASE WHEN k % 2 THEN du ELSE '${BUSY_VOTER}' END, CASE WHEN k % 2 THEN 'deputy' ELSE 'voter' END,
        '村口的路灯坏了', CASE WHEN held THEN 'held' ELSE 'visible' END,
        CASE WHEN held THEN CASE WHEN k = 0 THEN 'review' ELSE 'thread' END END, ${iso('ms + k * 60000')}
      FROM gen_threads, gen_k WHERE ${where} ORDER BY t, k`);
  messages(`t * ${per} + k`, `k < ${per}`);
  messages(`${n.threads * per} + k - ${per}`, `t = 1 AND k >= ${per} AND k < ${per + n.longThread}`);
  db.exec(`UPDATE threads SET openingMessageId = printf('ms%09d', CAST(substr(id, 3) AS INTEGER) * ${per})`);
  db.exec('DROP TABLE gen_threads; DROP TABLE gen_k');

  // Notifications: the busy deputy's account gets 5%, the busy voter 0.1%; 10% unread.
  rows(
    n.outbox,
    `INSERT INTO outbox (id, userId, kind, title, body, link, createdAt, status, attempts, sentAt, readAt)
     SELECT ${id('nt', 'i', 9)},
       CASE WHEN ${h('i', 8, 1000)} < 50 THEN '${BUSY_USER}' WHEN ${h('i', 8, 1000)} = 50 THEN '${BUSY_VOTER}'
         ELSE ${voter(h('i', 9, VOTERS))} END,
       'message.received', '您收到一条选民留言', '留言', '/deputy/inbox/index', at, 'sent', 1,
       at, CASE WHEN ${h('i', 10, 10)} = 0 THEN NULL ELSE at END
     FROM seq`,
    at('i', n.outbox),
  );

  // The duty record: the busy deputy has 5%.
  rows(
    n.activities,
    `INSERT INTO activities (id, deputyId, type, refType, refId, summary, points, at)
     SELECT ${id('ac', 'i', 9)}, ${deputy(`CASE WHEN ${h('i', 11, 100)} < 5 THEN 0 ELSE ${h('i', 12, DEPUTIES)} END`)},
       'message.reply', 'thread', 'th', '答复选民留言', 1, ${at('i', n.activities)}
     FROM seq`,
  );

  // Reception days: each station's days one after another back from TODAY (ten ahead), four slots of five
  // seats, 20 or 19 bookings a day (99,000 for 5,000 days; the busy voter has a few), a deputy on each.
  const dayDate = (i: string) => `date('${TODAY}', (10 - (${i}) / ${TOWNSHIPS}) || ' days')`;
  rows(
    n.days,
    `INSERT INTO receptionDays (id, stationId, countyId, townshipId, date, startsAt, endsAt, theme, slotMinutes,
       bookingCutoff, status, publishedAt, createdBy, createdAt)
     SELECT ${id('rd', 'i', 7)}, printf('bs%02d', i % ${TOWNSHIPS} + 1), '${COUNTY}', ${township('i')}, ${dayDate('i')},
       ${dayDate('i')} || 'T01:00:00.000Z', ${dayDate('i')} || 'T03:00:00.000Z', '接待日', 30,
       ${dayDate('i')} || 'T00:00:00.000Z', 'published', ${dayDate('i')} || 'T01:00:00.000Z', 'bu-county',
       ${dayDate('i')} || 'T01:00:00.000Z'
     FROM seq;
     INSERT INTO assignments (id, dayId, deputyId, date, status, createdAt)
     SELECT ${id('rd', 'i', 7)} || ':' || ${deputy('CASE WHEN i % 20 = 0 THEN 0 ELSE i % 500 END')}, ${id('rd', 'i', 7)},
       ${deputy('CASE WHEN i % 20 = 0 THEN 0 ELSE i % 500 END')}, ${dayDate('i')}, 'confirmed', ${dayDate('i')} || 'T00:00:00.000Z'
     FROM seq`,
  );
  // Slot s of day d holds 5 bookings, the fourth 4 on odd days.
  const seats = (d: string, s: string) => `(CASE WHEN (${s}) = 3 AND (${d}) % 2 = 1 THEN 4 ELSE 5 END)`;
  rows(
    n.days * 4,
    `INSERT INTO slots (id, dayId, startsAt, endsAt, capacity, booked, waitlisted, touchedAt, settled)
     SELECT ${id('rd', 'i / 4', 7)} || '-0' || (i % 4 + 1), ${id('rd', 'i / 4', 7)}, ${dayDate('i / 4')} || 'T01:00:00.000Z',
       ${dayDate('i / 4')} || 'T01:30:00.000Z', 5, ${seats('i / 4', 'i % 4')}, 0, NULL, 1
     FROM seq`,
  );
  rows(
    n.days * 20,
    `INSERT INTO bookings (id, dayId, slotId, voterUserId, visitorName, topic, code, status, walkIn, createdAt)
     SELECT ${id('bk', 'i', 8)}, ${id('rd', 'i / 20', 7)}, ${id('rd', 'i / 20', 7)} || '-0' || (i % 20 / 5 + 1),
       CASE WHEN ${h('i', 13, 2000)} = 0 THEN '${BUSY_VOTER}' ELSE ${voter(h('i', 14, VOTERS))} END, '选*', '主题',
       printf('C%07d', i), CASE WHEN (i / 20) / ${TOWNSHIPS} > 10 THEN 'checkedIn' ELSE 'confirmed' END, 0,
       strftime('%Y-%m-%dT%H:%M:%fZ', julianday(${dayDate('i / 20')}) - 1 + (i % 20) / 86400.0)
     FROM seq WHERE (i / 20) % 2 = 0 OR i % 20 < 19`,
  );

  // Register conflicts, mostly resolved.
  rows(
    2_000 * scale,
    `INSERT INTO conflicts (id, entryId, countyId, townshipId, constituencyId, claimantUserId, holderUserId, status,
       createdAt)
     SELECT ${id('cf', 'i', 7)}, ${id('re', 'i', 8)}, '${COUNTY}', ${township('i')}, ${constituency('i')},
       ${voter('i + 1')}, ${voter('i')}, CASE WHEN i % 50 THEN 'resolved' ELSE 'open' END, ${at('i', 2_000 * scale)}
     FROM seq`,
  );

  // The pinyin sort keys the handlers write with every name (core/nameKey.ts), computed once here.
  db.function('name_key', { deterministic: true }, (name: unknown) => nameKey(String(name)));
  db.exec(
    `UPDATE deputies SET nameKey = name_key(name); UPDATE registerEntries SET nameKey = name_key(name);`,
  );

  // The counters the migrations keep (counted as they would be for rows that existed before them).
  db.exec(`
    INSERT OR REPLACE INTO counters (id, count, expiresAt)
      SELECT 'unread:outbox:' || userId, SUM(readAt IS NULL), '${KEPT_COUNTER}' FROM outbox GROUP BY userId;
    INSERT OR REPLACE INTO counters (id, count, expiresAt)
      SELECT 'unread:threads:' || deputyId, SUM(held = 0 AND unreadByDeputy = 1), '${KEPT_COUNTER}'
      FROM threads GROUP BY deputyId;
  `);
}

/** The cache key: the generator (its code and sizes) and every module's migrations. */
export function cacheKey(): string {
  const h = createHash('sha256');
  h.update(String(GENERATOR_VERSION));
  h.update(generate.toString());
  h.update(sizesAt.toString());
  h.update(JSON.stringify({ COUNTY, TOWNSHIPS, CONSTITUENCIES, DEPUTIES, VOTERS, TODAY }));
  for (const s of STORAGES) h.update(`${s.name}\n${s.sqlite.migrations.join('\n')}`);
  return h.digest('hex').slice(0, 12);
}

/** The database of a scale, built once (into a temporary name, then renamed) and reused after. */
export function scaleDatabase(scale: number, key: string): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = join(CACHE_DIR, `scale-${scale}x-${key}.db`);
  if (existsSync(path)) {
    console.log(`  ${scale}× county: reusing ${path} (${(statSync(path).size / 2 ** 20).toFixed(0)} MB)`);
    return path;
  }
  const building = `${path}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const started = Date.now();
  createSqliteStore(building, STORAGES).close(); // the schema, exactly as the migrations make it
  const db = new Database(building);
  // No WAL while building: one INSERT … SELECT is one transaction, which WAL would copy whole (the file is
  // renamed into place only once complete, so no journal on disk is needed either).
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  if (db.pragma('journal_mode', { simple: true }) !== 'memory')
    throw new Error('bench database: journal not in memory');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  // Indexes are made after the rows (the same statements the migrations ran), which is much faster — but
  // those the rows arrive in the order of (messages by thread and time, a day's bookings) are kept.
  const keep = ['messages_thread', 'messages_status', 'bookings_day', 'bookings_slot'];
  const indexes = (
    db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as {
      name: string;
      sql: string;
    }[]
  ).filter((i) => !keep.includes(i.name));
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  const t0 = Date.now();
  generate(db, scale);
  const t1 = Date.now();
  for (const i of indexes) db.exec(i.sql);
  if (process.env.BENCH_DEBUG) console.log('rows', t1 - t0, 'ms; indexes', Date.now() - t1, 'ms');
  db.pragma('journal_mode = DELETE');
  db.close();
  renameSync(building, path);
  console.log(
    `  ${scale}× county: built ${path} in ${((Date.now() - started) / 1000).toFixed(0)} s (${(statSync(path).size / 2 ** 20).toFixed(0)} MB)`,
  );
  return path;
}

/** Removes cached databases of other keys (an older generator or older migrations). */
function dropStale(key: string) {
  if (!existsSync(CACHE_DIR)) return;
  for (const f of readdirSync(CACHE_DIR))
    if (f.startsWith('scale-') && !f.includes(`-${key}.db`)) rmSync(join(CACHE_DIR, f), { force: true });
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

interface Case {
  name: string;
  run: (w: Scaled) => Promise<unknown>;
}

interface Scaled {
  ports: Ports & { store: { close(): void } };
  db: Database.Database;
  deputy: Caller;
  /** Keyset positions of the middle and the end of some lists, found once. */
  mark: Record<string, After>;
}

/** Statements run while `fn` runs (for their query plans). */
async function statementsOf(db: Database.Database, fn: () => Promise<unknown>) {
  const seen: { sql: string; params: unknown[] }[] = [];
  const prepare = db.prepare.bind(db);
  const proto = Object.getPrototypeOf(prepare('SELECT 1'));
  const methods = ['all', 'get', 'run'] as const;
  const original = methods.map((m) => proto[m]);
  methods.forEach((m, i) => {
    proto[m] = function (this: Database.Statement, ...params: unknown[]) {
      seen.push({ sql: this.source, params });
      return original[i].apply(this, params);
    };
  });
  try {
    await fn();
  } finally {
    methods.forEach((m, i) => (proto[m] = original[i]));
  }
  return seen;
}

/** A plan that walks a whole table or index, or sorts: the list then costs more than its page. */
const scans = (plan: string[]) => plan.some((d) => /^SCAN |USE TEMP B-TREE/.test(d));

const PAGE = 20;
const page = (after?: After): ListOptions => ({ after, limit: PAGE + 1 });

/** The middle and the last keyset positions of a list (walked once, by id, outside the timing). */
function marks(db: Database.Database, sql: string, params: unknown[]) {
  const rows = db.prepare(sql).all(...params) as { k: string; id: string }[];
  const at = (i: number) => ({ key: rows[i].k, id: rows[i].id });
  return { middle: at(Math.floor(rows.length / 2)), end: at(Math.max(0, rows.length - PAGE)) };
}

function casesFor(): Case[] {
  const q = (w: Scaled) => ({
    c: w.ports.store.queries(contactStorage),
    s: sharedQueries(w.ports),
    a: w.ports.store.queries(accountStorage),
    r: w.ports.store.queries(receptionStorage),
  });
  const yearAgo = new Date(Date.parse(`${TODAY}T00:00:00.000Z`) - 365 * DAY_MS).toISOString().slice(0, 10);
  return [
    {
      name: 'account.me (busy deputy)',
      run: (w) => serve(account, { action: 'me', data: {} }, w.deputy, w.ports),
    },
    {
      name: 'contact.inbox (busy deputy)',
      run: (w) => serve(contact, { action: 'inbox', data: {} }, w.deputy, w.ports),
    },
    { name: 'unreadThreadsOfDeputy (busy deputy)', run: (w) => q(w).c.unreadThreadsOfDeputy(BUSY_DEPUTY) },
    { name: 'unreadOutbox (busy deputy)', run: (w) => q(w).s.unreadOutbox(BUSY_USER) },
    {
      name: 'threadsOfDeputy first page',
      run: (w) => q(w).c.threadsOfDeputy({ deputyId: BUSY_DEPUTY }, page()),
    },
    {
      name: 'threadsOfDeputy deep page',
      run: (w) => q(w).c.threadsOfDeputy({ deputyId: BUSY_DEPUTY }, page(w.mark.inboxMiddle)),
    },
    {
      name: 'threadsOfDeputy last page',
      run: (w) => q(w).c.threadsOfDeputy({ deputyId: BUSY_DEPUTY }, page(w.mark.inboxEnd)),
    },
    {
      name: 'threadsOfDeputy unread first page',
      run: (w) => q(w).c.threadsOfDeputy({ deputyId: BUSY_DEPUTY, status: 'new' }, page()),
    },
    { name: 'threadsOfVoter (busy voter)', run: (w) => q(w).c.threadsOfVoter(BUSY_VOTER, page()) },
    {
      name: 'messagesOfThread long thread deep page',
      run: (w) => q(w).c.messagesOfThread('th00000001', page(w.mark.threadMiddle)),
    },
    { name: 'heldMessages (county)', run: (w) => q(w).c.heldMessages({ countyId: COUNTY }, page()) },
    {
      name: 'outboxOfUser (busy deputy) deep page',
      run: (w) => q(w).s.outboxOfUser(BUSY_USER, page(w.mark.outboxMiddle)),
    },
    { name: 'outboxOfUser (busy voter)', run: (w) => q(w).s.outboxOfUser(BUSY_VOTER, page()) },
    {
      name: 'activitiesOfDeputy (busy deputy) deep page',
      run: (w) => q(w).s.activitiesOfDeputy(BUSY_DEPUTY, page(w.mark.dutyMiddle)),
    },
    { name: 'deputies (county) deep page', run: (w) => q(w).s.deputies({}, page(w.mark.deputiesMiddle)) },
    {
      name: 'registerEntries deep page',
      run: (w) => q(w).a.registerEntries({ constituencyId: 'bk001' }, page(w.mark.registerMiddle)),
    },
    { name: 'conflicts (county) first page', run: (w) => q(w).a.conflicts({ countyId: COUNTY }, page()) },
    {
      name: 'conflicts (county, open)',
      run: (w) => q(w).a.conflicts({ countyId: COUNTY, status: 'open' }, page()),
    },
    {
      name: 'conflicts open count (county, up to 100)',
      run: (w) => q(w).a.conflicts({ countyId: COUNTY, status: 'open' }, { limit: 100 }),
    },
    {
      name: 'heldMessages count (county, up to 100)',
      run: (w) => q(w).c.heldMessages({ countyId: COUNTY }, { limit: 100 }),
    },
    { name: 'receptionDays (county, all)', run: (w) => q(w).r.receptionDays({ countyId: COUNTY }, page()) },
    {
      name: 'receptionDays (county, last 12 months)',
      run: (w) => q(w).r.receptionDays({ countyId: COUNTY, fromDate: yearAgo }, page()),
    },
    {
      name: 'receptionDays (county, last 12 months) deep page',
      run: (w) => q(w).r.receptionDays({ countyId: COUNTY, fromDate: yearAgo }, page(w.mark.daysMiddle)),
    },
    {
      name: 'receptionDays (upcoming, township)',
      run: (w) => q(w).r.receptionDays({ status: 'published', townshipId: 'bt01', fromDate: TODAY }, page()),
    },
    {
      name: 'receptionDays (station)',
      run: (w) => q(w).r.receptionDays({ stationId: 'bs01', fromDate: yearAgo }, page()),
    },
    {
      name: 'assignmentsOfDeputy (busy deputy)',
      run: (w) => q(w).r.assignmentsOfDeputy(BUSY_DEPUTY, { fromDate: yearAgo }, page()),
    },
    { name: 'bookingsOfVoter (busy voter)', run: (w) => q(w).r.bookingsOfVoter(BUSY_VOTER, page()) },
    { name: 'bookingsOfDay', run: (w) => q(w).r.bookingsOfDay('rd0000100', {}, page()) },
  ];
}

export async function openScaled(path: string): Promise<Scaled> {
  const ports = createLocalPorts({
    dbPath: path,
    filesDir: join(CACHE_DIR, 'files'),
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'bench',
  });
  const db = ports.store.db;
  const deputy = await loadCaller(ports, (await ports.store.get('users', BUSY_USER))!);
  const yearAgo = new Date(Date.parse(`${TODAY}T00:00:00.000Z`) - 365 * DAY_MS).toISOString().slice(0, 10);
  const m = (sql: string, ...params: unknown[]) => marks(db, sql, params);
  const inbox = m(
    'SELECT lastMessageAt AS k, id FROM threads WHERE deputyId = ? AND held = 0 ORDER BY lastMessageAt DESC, id DESC',
    BUSY_DEPUTY,
  );
  const mark: Record<string, After> = {
    inboxMiddle: inbox.middle,
    inboxEnd: inbox.end,
    threadMiddle: m(
      'SELECT createdAt AS k, id FROM messages WHERE threadId = ? ORDER BY createdAt, id',
      'th00000001',
    ).middle,
    outboxMiddle: m(
      'SELECT createdAt AS k, id FROM outbox WHERE userId = ? ORDER BY createdAt DESC, id DESC',
      BUSY_USER,
    ).middle,
    dutyMiddle: m(
      'SELECT at AS k, id FROM activities WHERE deputyId = ? ORDER BY at DESC, id DESC',
      BUSY_DEPUTY,
    ).middle,
    deputiesMiddle: m('SELECT name AS k, id FROM deputies ORDER BY name, id').middle,
    registerMiddle: m(
      'SELECT name AS k, id FROM registerEntries WHERE constituencyId = ? ORDER BY name, id',
      'bk001',
    ).middle,
    daysMiddle: m(
      'SELECT date AS k, id FROM receptionDays WHERE countyId = ? AND date >= ? ORDER BY date, id',
      COUNTY,
      yearAgo,
    ).middle,
  };
  return { ports, db, deputy, mark };
}

/**
 * p95 in ms of each of `runs`, taken in turns (one of each, again and again), so that whatever else the
 * machine is doing weighs on both alike: warmed up, then up to 400 turns or 4 s, whichever comes first.
 */
async function p95s(runs: (() => Promise<unknown>)[]): Promise<number[]> {
  for (const run of runs) for (let i = 0; i < 20; i++) await run();
  const times = runs.map((): number[] => []);
  const until = Date.now() + 4000;
  for (let turn = 0; turn < 400 && (turn < 40 || Date.now() < until); turn++) {
    for (const [i, run] of runs.entries()) {
      const t = process.hrtime.bigint();
      await run();
      times[i].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return times.map((ts) => ts.sort((a, b) => a - b)[Math.ceil(ts.length * 0.95) - 1]);
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

export async function benchScale(scales: [number, number] = [1, 10]): Promise<void> {
  console.log('\nLists and counts at county scale (SQLite, in-process; goal: p95 at 10× ≤ 1.5 × at 1×)');
  if (process.env.BENCH_SCALE === '0') {
    console.log('  (skipped: BENCH_SCALE=0)');
    return;
  }
  const key = cacheKey();
  dropStale(key);
  const worlds = [
    await openScaled(scaleDatabase(scales[0], key)),
    await openScaled(scaleDatabase(scales[1], key)),
  ];
  const plans: string[] = [];
  for (const c of casesFor()) {
    const times = await p95s(worlds.map((w) => () => c.run(w)));
    console.log(
      `scale ${c.name}: p95 1× ${fmt(times[0])} ms, 10× ${fmt(times[1])} ms, ratio ${(times[1] / times[0]).toFixed(1)}`,
    );
    const w = worlds[1];
    for (const s of await statementsOf(w.db, () => c.run(w))) {
      if (!/^\s*SELECT/i.test(s.sql)) continue;
      const plan = (w.db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map(
        (r) => r.detail,
      );
      if (scans(plan))
        plans.push(`  ${c.name}: ${s.sql.replace(/\s+/g, ' ')}\n    plan: ${plan.join(' | ')}`);
    }
  }
  if (plans.length) console.log(`Query plans that scan:\n${[...new Set(plans)].join('\n')}`);
  else console.log('  no list scans (every query plan seeks an index)');
  for (const w of worlds) w.ports.store.close();
}
