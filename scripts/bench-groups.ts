/**
 * `npm run bench`, real-name groups: a group of 5,000 members and 100,000 posts, then 1,000,000 (10×), in-process
 * through the handlers on SQLite — the feed's first page and a deep page (half-way down, by its cursor) as a
 * member and as its owner (who also gets 已读 N / 成员 M from the counter shards), p50 and p95, the two sizes in
 * two databases measured in alternating rounds. Goal: ratio ≤ 1.5 between the two sizes (keyset pages on the
 * index the feed names, so the cost follows the page, not the history). And posting to the 5,000: the
 * documents the request writes (one fan-out, not one per member), and what one timer run then writes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Ports } from '../cloudfunctions/core/ports';
import { encodeCursor } from '../cloudfunctions/core/cursor';
import { createLocalPorts } from '../cloudfunctions/host/ports';
import { groups } from '../cloudfunctions/modules/groups';
import { fanOut, FANOUT_BATCH, FANOUT_BATCHES_PER_RUN } from '../cloudfunctions/modules/groups/jobs';
import { seedDemo } from '../cloudfunctions/modules/registry';
import { ensureUser, forgetGeo, loadCaller, serve, userIdFor } from '../cloudfunctions/modules/shared/public';

const MEMBERS = 5000;
const POSTS = 100_000;
const GROUP = 'bench-group';
const ms = (ns: number) => `${(ns / 1e6).toFixed(2)} ms`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Posts `from`..`to`-1 of the group, one a minute back from a fixed time (newest has the highest n). */
function insertPosts(db: Database.Database, from: number, to: number) {
  const base = Date.parse('2026-11-01T00:00:00Z');
  const stmt = db.prepare(
    `INSERT INTO groupPosts (id, groupId, countyId, townshipId, constituencyId, stationId, kind, authorUserId,
       authorDeputyId, authorName, text, images, imagesPending, poll, pollOpen, pollClosesAt, pinned, pinnedAt,
       feedKey, status, hiddenBy, announced, reviewed, reportCount, commentCount, version, editedAt, refId,
       createdAt, updatedAt)
     VALUES (?, ?, 'county-yl', 'tw-qs', 'tw-qs-c1', NULL, 'notice', ?, 'dep-01', '李华代表', ?, '[]', 0, NULL, 0,
       NULL, 0, NULL, ?, ?, NULL, 1, 0, 0, 0, 1, NULL, NULL, ?, ?)`,
  );
  const author = userIdFor('demo:deputy');
  db.transaction(() => {
    for (let n = from; n < to; n++) {
      const at = new Date(base + n * 60_000).toISOString();
      const id = `bp-${String(n).padStart(8, '0')}`;
      // One in 50 held for review: members' pages skip them, owners' do not.
      const status = n % 50 === 7 ? 'held' : 'visible';
      stmt.run(id, GROUP, author, `第 ${n} 条通知：本周村里的安排。`, `0:${at}`, status, at, at);
    }
  })();
  db.prepare('UPDATE groups SET postSeq = ? WHERE id = ?').run(to, GROUP);
  db.prepare('UPDATE groupMembers SET seenSeq = ? WHERE groupId = ?').run(to, GROUP);
}

export async function benchGroups() {
  console.log(
    `\ngroups: the feed of a group of ${MEMBERS.toLocaleString()} members as it grows (SQLite, in-process)`,
  );
  const options = {
    dbPath: join(mkdtempSync(join(tmpdir(), 'dl-bench-groups-')), 'bench.db'),
    filesDir: mkdtempSync(join(tmpdir(), 'dl-bench-groups-files-')),
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'bench',
  };
  const ports = createLocalPorts(options);
  await seedDemo(ports);
  forgetGeo(ports);
  const db = ports.store.db;
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO groups (id, code, name, description, kind, countyId, townshipId, constituencyId, stationId, joinRule,
       memberCount, pendingCount, postSeq, lastPostAt, lastPostExcerpt, createdBy, createdByDeputyId, codeFileId,
       createdAt, updatedAt)
     VALUES (?, 'GBENCH22', '基准测试群', '', 'constituency', 'county-yl', 'tw-qs', 'tw-qs-c1', NULL, 'auto', ?, 0, 0,
       NULL, '', ?, 'dep-01', NULL, ?, ?)`,
  ).run(GROUP, MEMBERS, userIdFor('demo:deputy'), now, now);
  const member = db.prepare(
    `INSERT INTO groupMembers (id, groupId, userId, status, active, muted, name, maskedName, constituencyId, inArea,
       via, chatId, chatCounted, seenSeq, requestedAt, joinedAt, listedAt, updatedAt)
     VALUES (?, ?, ?, 'member', 1, 0, '选民', '选*', 'tw-qs-c1', 1, 'code', NULL, 0, 0, ?, ?, ?, ?)`,
  );
  const voter = userIdFor('demo:voter');
  db.transaction(() => {
    member.run(`${GROUP}:${voter}`, GROUP, voter, now, now, now, now);
    for (let i = 1; i < MEMBERS; i++) {
      const at = new Date(Date.parse(now) - i * 1000).toISOString();
      member.run(`${GROUP}:bench-u${i}`, GROUP, `bench-u${i}`, at, at, at, at);
    }
  })();
  const caller = async (openid: string) => loadCaller(ports, await ensureUser(ports, openid));
  const asMember = await caller('demo:voter');
  const asOwner = await caller('demo:deputy');
  type Who = typeof asMember;
  const feed = async (on: Ports, who: Who, cursor?: string) => {
    const r = await serve(groups, { action: 'feed', data: { groupId: GROUP, cursor } }, who, on);
    if (!r.ok) throw new Error(`groups.feed: ${r.error.code} ${r.error.message}`);
    return r.data as { items: unknown[] };
  };
  /** A cursor half-way down the feed: the position after post `n` (the feed runs newest first). */
  const deep = (total: number) => {
    const n = Math.floor(total / 2);
    const at = new Date(Date.parse('2026-11-01T00:00:00Z') + n * 60_000).toISOString();
    return encodeCursor({ key: `0:${at}`, id: `bp-${String(n).padStart(8, '0')}` });
  };
  /** Calls `run` n times after a warm-up, into `xs` (ns each). */
  const sample = async (run: () => Promise<{ items: unknown[] }>, xs: number[], n: number) => {
    for (let i = 0; i < 5; i++) await run();
    for (let i = 0; i < n; i++) {
      const t = process.hrtime.bigint();
      const page = await run();
      xs.push(Number(process.hrtime.bigint() - t));
      if (page.items.length !== 20) throw new Error(`a page of ${page.items.length}`);
    }
  };
  const stats = (xs: number[]) => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95) });

  // Two databases, the 100,000 posts and a copy grown to 1,000,000, measured in alternating rounds so that
  // the machine's other work weighs on both sizes alike.
  insertPosts(db, 0, POSTS);
  db.pragma('optimize');
  const bigPath = join(mkdtempSync(join(tmpdir(), 'dl-bench-groups-10x-')), 'bench.db');
  await db.backup(bigPath);
  const bigPorts = createLocalPorts({ ...options, dbPath: bigPath });
  const t0 = process.hrtime.bigint();
  insertPosts(bigPorts.store.db, POSTS, POSTS * 10);
  bigPorts.store.db.pragma('optimize');
  console.log(
    `  (${(POSTS * 9).toLocaleString()} more posts inserted in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`,
  );
  const cases = [
    { label: 'member, first page', who: asMember, cursor: () => undefined },
    { label: 'member, half-way down', who: asMember, cursor: deep },
    { label: 'owner, first page (已读 N)', who: asOwner, cursor: () => undefined },
  ];
  const sizes = [
    { on: ports as Ports, total: POSTS },
    { on: bigPorts as Ports, total: POSTS * 10 },
  ];
  const xs = cases.map(() => sizes.map(() => [] as number[]));
  for (let round = 0; round < 5; round++)
    for (const [c, k] of cases.entries())
      for (const [s, size] of sizes.entries())
        await sample(() => feed(size.on, k.who, k.cursor(size.total)), xs[c][s], 40);
  const row = (label: string, a: { p50: number; p95: number }, b: { p50: number; p95: number }) =>
    console.log(
      `  ${label.padEnd(26)} ${ms(a.p50).padStart(9)} / ${ms(a.p95).padStart(9)}   ${ms(b.p50).padStart(9)} / ${ms(b.p95).padStart(9)}   ratio ${(b.p50 / a.p50).toFixed(2)}× (goal ≤ 1.5)`,
    );
  console.log(
    `  ${''.padEnd(26)} ${`${(POSTS / 1000).toFixed(0)}k posts p50 / p95`.padStart(21)}   ${`${((POSTS * 10) / 1000).toFixed(0)}k posts p50 / p95`.padStart(21)}`,
  );
  for (const [c, k] of cases.entries()) row(k.label, stats(xs[c][0]), stats(xs[c][1]));

  // Posting to the 5,000: one fan-out document in the request; the timer writes what the subscriptions allow
  // (every fifth member holds one, so each batch of members meets some).
  db.prepare(
    `INSERT INTO groupSubscriptions (id, userId, kind, longTerm, oneTime, updatedAt)
     SELECT userId || ':groups.post', userId, 'groups.post', 1, 0, ? FROM groupMembers WHERE groupId = ? AND rowid % 5 = 0`,
  ).run(now, GROUP);
  const rows = () =>
    (
      db.prepare(`SELECT (SELECT COUNT(*) FROM groupFanouts) + (SELECT COUNT(*) FROM outbox) AS n`).get() as {
        n: number;
      }
    ).n;
  const before = rows();
  const t = process.hrtime.bigint();
  const posted = await serve(
    groups,
    { action: 'post', data: { groupId: GROUP, text: '基准测试公告' }, requestId: 'bench-post-0001' },
    asOwner,
    ports,
  );
  const postNs = Number(process.hrtime.bigint() - t);
  if (!posted.ok) throw new Error(`groups.post: ${posted.error.code}`);
  const wrote = rows() - before;
  const ft = process.hrtime.bigint();
  const sent = await fanOut(ports);
  const fanNs = Number(process.hrtime.bigint() - ft);
  console.log(
    `  groups.post to ${MEMBERS.toLocaleString()} members: ${ms(postNs)}, ${wrote} fan-out/outbox document in the request`,
  );
  console.log(
    `  one timer run: ${sent} notices (1 member in 5 holds a subscription; ≤ ${FANOUT_BATCH * FANOUT_BATCHES_PER_RUN} members reached per run) in ${ms(fanNs)}`,
  );
  ports.store.close();
  bigPorts.store.close();
}
