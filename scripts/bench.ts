/**
 * `npm run bench`: sizes that WeChat limits, and the cost of the handler stack over the SQL it must run.
 *   1. dist/weapp main package and subpackages (goal: main ≤ 600 KB; hard limit 2 MB each)
 *   2. each cloud function bundle
 *   3. contact.send in-process on SQLite vs the bare SQL statements it must run (goal ≤ 3×)
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudbaseStore } from '../cloudfunctions/adapters/cloudbase/store';
import { createLocalPorts } from '../cloudfunctions/host/ports';
import { contact } from '../cloudfunctions/modules/contact';
import { reception } from '../cloudfunctions/modules/reception';
import { COLLECTIONS, INDEXES, seedDemo } from '../cloudfunctions/modules/registry';
import { ensureUser, forgetGeo, loadCaller, serve } from '../cloudfunctions/modules/shared/public';
import { buildFunctions } from './build-functions';
import { prepareRush, rush, type RushResult } from './booking-rush';
import { createCloudbaseDbDouble } from '../tests/doubles/cloudbase-db';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sizeOf = (p: string): number =>
  statSync(p).isDirectory() ? readdirSync(p).reduce((s, f) => s + sizeOf(join(p, f)), 0) : statSync(p).size;

function packages() {
  const root = 'dist/weapp';
  if (!existsSync(root)) {
    console.log('  (no dist/weapp — run `npm run build:weapp` first)');
    return;
  }
  const SUB = ['deputy', 'office'];
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

async function sendVsSql() {
  const ports = createLocalPorts({
    dbPath: join(mkdtempSync(join(tmpdir(), 'dl-bench-')), 'bench.db'),
    filesDir: mkdtempSync(join(tmpdir(), 'dl-bench-files-')),
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
  };
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
  console.log(
    `  contact.send (handler, in-process)  ${(handlerNs / 1000).toFixed(1)} µs/op  ${(1e9 / handlerNs).toFixed(0)} ops/s`,
  );
  console.log(
    `  bare SQL of the same send           ${(sqlNs / 1000).toFixed(1)} µs/op  ${(1e9 / sqlNs).toFixed(0)} ops/s`,
  );
  console.log(`  ratio                               ${(handlerNs / sqlNs).toFixed(2)}×  (goal ≤ 3×)`);
}

/** Bookings through the handler vs the bare conditional UPDATE that guards capacity. */
async function booking() {
  const fresh = (tag: string) =>
    createLocalPorts({
      dbPath: join(mkdtempSync(join(tmpdir(), `dl-bench-${tag}-`)), 'bench.db'),
      filesDir: mkdtempSync(join(tmpdir(), 'dl-bench-files-')),
      publicUrl: 'http://localhost:8080',
      idHashSecret: 'bench',
    });
  const show = (label: string, r: RushResult) =>
    console.log(
      `  ${label.padEnd(34)} ${r.confirmed} confirmed, ${r.waitlisted} waitlisted, ${r.full} full, ` +
        `${JSON.stringify(r.other)} other; booked ${r.booked}/50; ${(1000 / r.seconds).toFixed(0)} requests/s`,
    );

  const sqlite = fresh('rush');
  await seedDemo(sqlite);
  show('1,000 at once on SQLite', await rush(sqlite, 1000, 50));

  const db = createCloudbaseDbDouble({
    collections: COLLECTIONS,
    throwOnNotFound: false,
    indexes: INDEXES,
    requireIndexes: true,
  });
  const cloud = { ...fresh('cloud'), store: createCloudbaseStore(db) };
  await seedDemo(cloud);
  show('1,000 at once on the CloudBase double', await rush(cloud, 1000, 50));

  // Throughput: every request gets a seat (capacity N), one after another, against the bare UPDATE.
  const N = 2000;
  const ports = fresh('seq');
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
  const update = db2.prepare('UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked < capacity');
  t = process.hrtime.bigint();
  for (let i = 0; i < N; i++)
    if (update.run(slotId).changes !== 1) throw new Error('bare update refused a seat');
  const bareNs = Number(process.hrtime.bigint() - t) / N;

  // The same reads and writes a booking makes, as bare prepared statements in one transaction.
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
    reads.slot.get(slotId);
    update.run(slotId);
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
  console.log(`  ratio to the bare conditional UPDATE ${(handlerNs / bareNs).toFixed(2)}×  (goal ≤ 3×)`);
  console.log(`  ratio to the bare SQL of a booking   ${(handlerNs / bookSqlNs).toFixed(2)}×`);
}

async function main() {
  console.log('Mini-program packages (dist/weapp)');
  packages();
  console.log('\nCloud function bundles (dist/cloudfunctions)');
  const sizes = await buildFunctions();
  for (const [n, s] of Object.entries(sizes)) console.log(`  ${n.padEnd(10)} ${kb(s).padStart(10)}`);
  console.log('\ncontact.send on SQLite');
  await sendVsSql();
  console.log('\nreception.book: one slot of 50 seats');
  await booking();
  await (await import('./bench-consult')).benchConsult();
  await (await import('./bench-cases')).benchCases();
}

void main();
