/**
 * `npm run bench`: sizes that WeChat limits, the cost of the handler stack over the SQL it must run, a
 * booking burst on both engines, and lists and counts at county scale.
 *   1. dist/weapp main package and subpackages (built first when missing or older than the sources; goal:
 *      main ≤ 600 KB; hard limit 2 MB each)
 *   2. each cloud function bundle
 *   3. contact.send in-process on SQLite vs the bare SQL statements it must run (goal ≤ 3×), on disk and on
 *      tmpfs: SQLite commits wait for fsync on disk, so the disk figures say how much of a send is fsync
 *   4. reception.book: the handler vs the bare SQL of a booking, and 1,000 voters on 50 seats on CloudBase
 *      (5–20 ms per call) and on SQLite through the host (scripts/bench-burst.ts)
 *   5. lists and counts at 1× and 10× county scale (scripts/bench-scale.ts; BENCH_SCALE=0 skips it)
 * Every database it makes lives in one temporary folder (one on disk, one on tmpfs), removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalPorts } from '../cloudfunctions/host/ports';
import { contact } from '../cloudfunctions/modules/contact';
import { reception } from '../cloudfunctions/modules/reception';
import { seedDemo } from '../cloudfunctions/modules/registry';
import { ensureUser, forgetGeo, loadCaller, serve } from '../cloudfunctions/modules/shared/public';
import { buildFunctions } from './build-functions';
import { prepareRush } from './booking-rush';
import { burstOnCloudbase, burstThroughHost } from './bench-burst';
import { benchScale } from './bench-scale';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sizeOf = (p: string): number =>
  statSync(p).isDirectory() ? readdirSync(p).reduce((s, f) => s + sizeOf(join(p, f)), 0) : statSync(p).size;

/** Newest modification time under a folder. */
const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

/** The weapp build, made (as `npm test` makes it) when missing or older than src/ and config/. */
function buildWeapp() {
  const app = 'dist/weapp/app.js';
  const stale = !existsSync(app) || Math.max(newest('src'), newest('config')) > statSync(app).mtimeMs;
  if (!stale) return;
  console.log(`  (building dist/weapp: ${existsSync(app) ? 'older than its sources' : 'missing'})`);
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('taro build --type weapp failed');
}

function packages() {
  const root = 'dist/weapp';
  buildWeapp();
  // The subpackages as the built app.json declares them; everything else is the main package.
  const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
  };
  const SUB = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const main = readdirSync(root)
    .filter((f) => !SUB.includes(f))
    .reduce((s, f) => s + sizeOf(join(root, f)), 0);
  console.log(
    `  main package        ${kb(main).padStart(10)}   ${((main / (600 * 1024)) * 100).toFixed(0)}% of the 600 KB goal, ${((main / (2048 * 1024)) * 100).toFixed(0)}% of 2 MB`,
  );
  for (const s of SUB) {
    if (existsSync(join(root, s)))
      console.log(`  subpackage ${s.padEnd(8)} ${kb(sizeOf(join(root, s))).padStart(10)}`);
  }
}

/** The file system a folder is on, as statfs names it. */
function fileSystem(dir: string): string {
  const names: Record<number, string> = {
    0x01021994: 'tmpfs',
    0xef53: 'ext4',
    0x58465342: 'xfs',
    0x9123683e: 'btrfs',
    0x794c7630: 'overlayfs',
  };
  const type = statfsSync(dir).type;
  return names[type] ?? `file system 0x${type.toString(16)}`;
}

/** contact.send through the handler and as bare SQL, on a database in `dir`; µs per send each. */
async function sendVsSql(dir: string): Promise<{ handlerNs: number; sqlNs: number }> {
  const ports = createLocalPorts({
    dbPath: join(mkdtempSync(join(dir, 'dl-bench-send-')), 'bench.db'),
    filesDir: mkdtempSync(join(dir, 'dl-bench-files-')),
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'bench',
    dailyMessageLimit: 1_000_000,
  });
  await seedDemo(ports);
  forgetGeo(ports);
  const caller = await loadCaller(ports, await ensureUser(ports, 'demo:voter'));
  const N = 3000;
  const text = '村口到镇上的路灯坏了三盏，晚上接孩子很不方便，能不能帮忙反映一下？';

  const send = (i: number) =>
    serve(
      contact,
      { action: 'send', data: { deputyId: 'dep-01', text }, requestId: `bench-${i}-xxxxxx` },
      caller,
      ports,
    );
  for (let i = 0; i < 200; i++) await send(-i - 1); // warm up
  let t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await send(i);
  const handlerNs = Number(process.hrtime.bigint() - t) / N;

  // The same reads and writes as bare prepared statements in one transaction.
  const db = ports.store.db;
  const q = {
    deputy: db.prepare('SELECT * FROM deputies WHERE id = ?'),
    idem: db.prepare('SELECT * FROM idempotency WHERE id = ?'),
    entry: db.prepare('SELECT * FROM registerEntries WHERE id = ?'),
    counter: db.prepare('SELECT * FROM counters WHERE id = ?'),
    counterUp: db.prepare('UPDATE counters SET count = count + 1 WHERE id = ?'),
    thread: db.prepare(
      `INSERT INTO threads (id, deputyId, countyId, townshipId, voterUserId, voterVerified, voterName, category, status, outcome, held, lastText, createdAt, lastMessageAt, awaitingSince, firstReplyAt, firstReplySeconds, chasedAt, unreadByDeputy, unreadByVoter) VALUES (?, 'dep-01', 'c', 't', 'u', 1, '王*明', '其他', 'new', NULL, 0, ?, ?, ?, ?, NULL, NULL, NULL, 1, 0)`,
    ),
    message: db.prepare(
      `INSERT INTO messages (id, threadId, deputyId, countyId, townshipId, authorUserId, authorRole, text, status, createdAt, reviewedBy, reviewedAt) VALUES (?, ?, 'dep-01', 'c', 't', 'u', 'voter', ?, 'visible', ?, NULL, NULL)`,
    ),
    outbox: db.prepare(
      `INSERT INTO outbox (id, userId, kind, title, body, link, createdAt, status, attempts, sentAt, readAt) VALUES (?, 'u', 'message.received', 't', ?, 'l', ?, 'pending', 0, NULL, NULL)`,
    ),
    audit: db.prepare(
      `INSERT INTO audit (id, actorUserId, action, entityType, entityId, detail, at) VALUES (?, 'u', 'contact.send', 'thread', ?, '{}', ?)`,
    ),
    idemIns: db.prepare('INSERT INTO idempotency (id, result, at) VALUES (?, ?, ?)'),
    // The deputy's unread-thread and unread-notification counters, kept in the same unit of work.
    unreadGet: db.prepare('SELECT * FROM counters WHERE id = ?'),
    unreadUp: db.prepare('UPDATE counters SET count = count + 1 WHERE id = ?'),
  };
  db.prepare(
    "INSERT OR IGNORE INTO counters (id, count, expiresAt) VALUES ('u:t', 0, 'x'), ('u:n', 0, 'x')",
  ).run();
  const entryId = caller.user.verifiedEntryId!;
  const sql = db.transaction((i: number) => {
    const now = new Date().toISOString();
    q.counter.get('send:u:x');
    q.counterUp.run('send:u:x');
    q.idem.get(`k${i}`);
    const id = `b${i}`;
    q.thread.run(id, text, now, now, now);
    q.message.run(`${id}m`, id, text, now);
    q.outbox.run(`${id}o`, text, now);
    q.audit.run(`${id}a`, id, now);
    q.idemIns.run(`k${i}`, '{"threadId":"x"}', now);
    for (const c of ['u:t', 'u:n']) {
      q.unreadGet.get(c);
      q.unreadUp.run(c);
    }
  });
  q.deputy.get('dep-01');
  t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    q.deputy.get('dep-01');
    q.idem.get(`pre${i}`);
    q.entry.get(entryId);
    sql(i);
  }
  const sqlNs = Number(process.hrtime.bigint() - t) / N;
  ports.store.close();
  return { handlerNs, sqlNs };
}

/** contact.send on disk and on tmpfs, and what the difference says about fsync. */
async function send(disk: string, memory: string | null) {
  const places: [string, string][] = [[disk, `on disk (${fileSystem(disk)}, ${disk})`]];
  if (memory) places.push([memory, `on tmpfs (${memory})`]);
  const got: { handlerNs: number; sqlNs: number }[] = [];
  for (const [dir, where] of places) {
    const r = await sendVsSql(dir);
    got.push(r);
    console.log(`  ${where}`);
    console.log(
      `    contact.send (handler, in-process)  ${(r.handlerNs / 1000).toFixed(1)} µs/op  ${(1e9 / r.handlerNs).toFixed(0)} ops/s`,
    );
    console.log(
      `    bare SQL of the same send           ${(r.sqlNs / 1000).toFixed(1)} µs/op  ${(1e9 / r.sqlNs).toFixed(0)} ops/s`,
    );
    console.log(
      `    ratio                               ${(r.handlerNs / r.sqlNs).toFixed(2)}×  (goal ≤ 3×)`,
    );
  }
  if (got.length < 2) {
    console.log('  (no tmpfs at /dev/shm: cannot tell how much of it is fsync)');
    return;
  }
  const [d, m] = got;
  const bound = d.sqlNs > 1.5 * m.sqlNs;
  console.log(
    `  SQLite figures ${bound ? 'are' : 'are not'} fsync-bound on disk: the bare SQL takes ` +
      `${(d.sqlNs / m.sqlNs).toFixed(1)}× as long on disk as on tmpfs, the handler ${(d.handlerNs / m.handlerNs).toFixed(1)}×` +
      `${bound ? ' — a commit waits for the disk, which the ratio on disk shares out over both; the tmpfs ratio is the handler stack’s own cost' : ''}`,
  );
}

/**
 * One booking after another, each getting a seat: through the handler vs the bare conditional UPDATE that
 * guards capacity, and vs the bare SQL of a whole booking (the seat's UPDATE on its own, then one
 * transaction with the claims, the booking, the audit entry and the idempotency record).
 */
async function booking(dir: string) {
  const N = 2000;
  const ports = createLocalPorts({
    dbPath: join(mkdtempSync(join(dir, 'dl-bench-seq-')), 'bench.db'),
    filesDir: mkdtempSync(join(dir, 'dl-bench-files-')),
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'bench',
  });
  await seedDemo(ports);
  const { slotId, callers } = await prepareRush(ports, N, N, 'seq');
  let t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    await serve(
      reception,
      { action: 'book', data: { slotId, topic: '主题' }, requestId: `seq-req-${i}` },
      callers[i],
      ports,
    );
  }
  const handlerNs = Number(process.hrtime.bigint() - t) / N;
  const db2 = ports.store.db;
  db2.prepare(`UPDATE slots SET booked = 0 WHERE id = ?`).run(slotId);
  const update = db2.prepare(
    'UPDATE slots SET booked = booked + 1, touchedAt = ?, settled = 0 WHERE id = ? AND capacity = ? AND booked < capacity',
  );
  const now0 = new Date().toISOString();
  t = process.hrtime.bigint();
  for (let i = 0; i < N; i++)
    if (update.run(now0, slotId, N).changes !== 1) throw new Error('bare update refused a seat');
  const bareNs = Number(process.hrtime.bigint() - t) / N;

  // The same reads and writes a booking makes, as bare prepared statements.
  db2.prepare(`UPDATE slots SET booked = 0 WHERE id = ?`).run(slotId);
  const q = {
    get: (table: string) => db2.prepare(`SELECT * FROM ${table} WHERE id = ?`),
    claim: db2.prepare('INSERT INTO claims (id, refId, at) VALUES (?, ?, ?)'),
    booking: db2.prepare(
      `INSERT INTO bookings (id, dayId, slotId, voterUserId, visitorName, topic, code, status, walkIn, createdAt, checkedInAt, cancelledAt) VALUES (?, 'seq-day', ?, ?, '选*', '主题', ?, 'confirmed', 0, ?, NULL, NULL)`,
    ),
    audit: db2.prepare(
      `INSERT INTO audit (id, actorUserId, action, entityType, entityId, detail, at) VALUES (?, ?, 'reception.book', 'booking', ?, '{}', ?)`,
    ),
    idem: db2.prepare('INSERT INTO idempotency (id, result, at) VALUES (?, ?, ?)'),
  };
  const reads = {
    slot: q.get('slots'),
    day: q.get('receptionDays'),
    claims: q.get('claims'),
    idem: q.get('idempotency'),
  };
  const bookSql = db2.transaction((i: number) => {
    const now = new Date().toISOString();
    reads.idem.get(`b-${i}`);
    reads.claims.get(`booking:b:${i}`);
    reads.claims.get(`code:b:${i}`);
    q.claim.run(`code:b:${i}`, `b${i}`, now);
    q.claim.run(`booking:b:${i}`, `b${i}`, now);
    q.booking.run(`b${i}`, slotId, `u${i}`, `C${i}`, now);
    q.audit.run(`a${i}`, `u${i}`, `b${i}`, now);
    q.idem.run(`b-${i}`, '{"status":"confirmed"}', now);
  });
  t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    reads.slot.get(slotId);
    reads.day.get('seq-day');
    reads.idem.get(`pre-${i}`);
    reads.claims.get(`booking:pre:${i}`);
    update.run(now0, slotId, N);
    bookSql(i);
  }
  const bookSqlNs = Number(process.hrtime.bigint() - t) / N;
  ports.store.close();
  console.log(
    `  reception.book (handler, in-process)  ${(1e9 / handlerNs).toFixed(0)} bookings/s  ${(handlerNs / 1000).toFixed(1)} µs each`,
  );
  console.log(
    `  bare conditional UPDATE              ${(1e9 / bareNs).toFixed(0)} updates/s  ${(bareNs / 1000).toFixed(1)} µs each`,
  );
  console.log(
    `  bare SQL of a whole booking          ${(1e9 / bookSqlNs).toFixed(0)} bookings/s  ${(bookSqlNs / 1000).toFixed(1)} µs each`,
  );
  console.log(`  ratio to the bare conditional UPDATE ${(handlerNs / bareNs).toFixed(2)}×`);
  console.log(`  ratio to the bare SQL of a booking   ${(handlerNs / bookSqlNs).toFixed(2)}×  (goal ≤ 3×)`);
}

async function main() {
  // Every temporary folder — ours and any other part's that asks os.tmpdir() — goes under one, removed at
  // the end; a second one on tmpfs, for what fsync costs.
  const disk = mkdtempSync(join(tmpdir(), 'dl-bench-'));
  const memory = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/dl-bench-') : null;
  const cleanUp = () => {
    for (const d of [disk, memory]) if (d) rmSync(d, { recursive: true, force: true });
  };
  process.on('exit', cleanUp);
  process.env.TMPDIR = disk;
  try {
    console.log('Mini-program packages (dist/weapp)');
    packages();
    console.log('\nCloud function bundles (dist/cloudfunctions)');
    const sizes = await buildFunctions();
    for (const [n, s] of Object.entries(sizes)) console.log(`  ${n.padEnd(10)} ${kb(s).padStart(10)}`);
    console.log('\ncontact.send on SQLite');
    await send(disk, memory);
    console.log('\nreception.book: one booking after another, on disk');
    await booking(disk);
    console.log('\nreception.book: 1,000 voters on one slot of 50 seats');
    await burstOnCloudbase();
    await burstThroughHost(disk);
    await benchScale();
    await (await import('./bench-consult')).benchConsult();
    await (await import('./bench-cases')).benchCases();
    await (await import('./bench-groups')).benchGroups();
  } finally {
    cleanUp();
  }
  // Timers of the parts measured (the host's session sweep, say) must not keep the bench waiting.
  process.exit(0);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
