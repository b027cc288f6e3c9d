/**
 * `npm run bench`, cases: a queue's first page and the statistics of a year at county scale (200,000
 * cases) and at 10× (2,000,000), in-process through the handlers on SQLite. Goal: the queue near
 * constant (ratio ≤ 1.5) — keyset pages on the indexes the queries name — and the statistics read the
 * counter documents (scopes × months × 4 shards), never the cases, so their cost does not grow with them.
 * For comparison, the GROUP BY scan the counters stand in for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createLocalPorts } from '../cloudfunctions/host/ports';
import { cases as casesModule } from '../cloudfunctions/modules/cases';
import { DEFAULT_CATEGORIES, type CaseStatus } from '../cloudfunctions/modules/cases/constants';
import { contributions, shardOf } from '../cloudfunctions/modules/cases/domain/counters';
import { holderOf, stageOf } from '../cloudfunctions/modules/cases/domain/flow';
import type { Case } from '../cloudfunctions/modules/cases/records';
import { seedDemo } from '../cloudfunctions/modules/registry';
import { ensureUser, forgetGeo, loadCaller, prng, serve } from '../cloudfunctions/modules/shared/public';

const ms = (ns: number) => `${(ns / 1e6).toFixed(2)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TOWNSHIPS = ['tw-qs', 'tw-lx', 'tw-fq'];
const UNITS = ['unit-jt', 'unit-zj', 'unit-jy', 'unit-wj', 'unit-qs'];
/** Where 200,000 cases of two years stand: most are done. */
const MIX: Array<[CaseStatus, number]> = [
  ['closed', 0.62],
  ['declined', 0.05],
  ['replied', 0.06],
  ['answered', 0.03],
  ['inProgress', 0.1],
  ['assigned', 0.04],
  ['forwarded', 0.03],
  ['returned', 0.01],
  ['accepted', 0.02],
  ['submitted', 0.03],
  ['reopened', 0.01],
];

function makeCase(rand: () => number, n: number, now: number): Case {
  let r = rand();
  let status: CaseStatus = 'closed';
  for (const [s, p] of MIX) {
    if (r < p) {
      status = s;
      break;
    }
    r -= p;
  }
  const created = now - Math.floor(rand() * 730 * 86400_000);
  const createdAt = new Date(created).toISOString();
  const updatedAt = new Date(Math.min(now, created + Math.floor(rand() * 60 * 86400_000))).toISOString();
  const tw = TOWNSHIPS[n % 3];
  const constituency = `${tw}-c${1 + (n % 2)}`;
  const handled = !['submitted', 'accepted', 'declined'].includes(status);
  const unitStage = ['assigned', 'inProgress', 'replied', 'closed', 'reopened', 'returned'].includes(status);
  const answered = ['answered', 'replied', 'closed', 'reopened'].includes(status);
  const viaUnit = unitStage && status !== 'returned';
  const f = {
    handledBy: answered ? ((viaUnit ? 'unit' : 'deputy') as 'unit' | 'deputy') : null,
    held: false,
    following: false,
  };
  const overdue = rand() < 0.05 && holderOf(status, f) !== 'none';
  const rated = status === 'closed' && answered && rand() < 0.85;
  const result = rated ? (['满意', '基本满意', '不满意'] as const)[Math.floor(rand() * 3)] : null;
  const stage = stageOf(status, f);
  return {
    id: `b${String(n).padStart(8, '0')}`,
    kind: 'report',
    status,
    version: 3,
    countyId: 'county-yl',
    townshipId: tw,
    constituencyId: constituency,
    intakeKey: constituency,
    category: DEFAULT_CATEGORIES[n % DEFAULT_CATEGORIES.length],
    text: '村里的路灯坏了，晚上出行不便。',
    latitude: null,
    longitude: null,
    images: [],
    consentForward: true,
    consentPublish: n % 2 === 0,
    consentVersion: 'report-2026-12',
    submitterUserId: `bench-user-${n % 50_000}`,
    submitterName: '王小明',
    submitterNameMasked: '王*明',
    filedByDeputyId: null,
    fromThreadId: null,
    fromVisitId: null,
    held: false,
    deputyId:
      handled || status === 'accepted' || status === 'declined'
        ? `dep-${String(1 + (n % 21)).padStart(2, '0')}`
        : null,
    leadUnitId: viaUnit ? UNITS[n % UNITS.length] : null,
    assistingUnitIds: [],
    handledBy: f.handledBy,
    answerCategory: viaUnit && answered ? '列入年度计划' : null,
    answerText: answered ? '已办理' : null,
    answeredAt: answered ? updatedAt : null,
    answerWorkingDays: answered ? 3 + Math.floor(rand() * 60) : null,
    attitude: result,
    result,
    ratedAt: rated ? updatedAt : null,
    reopenCount: status === 'reopened' ? 1 : 0,
    lateStages: overdue ? 1 : 0,
    unitLate: overdue && viaUnit,
    steps: 5,
    holder: holderOf(status, f),
    stage,
    stageStartedAt: stage ? updatedAt : null,
    dueAt: stage ? new Date(Date.parse(updatedAt) + 10 * 86400_000).toISOString() : null,
    overdue,
    followsCaseId: null,
    published: rated && n % 2 === 0,
    publishedAt: rated && n % 2 === 0 ? updatedAt : null,
    publicText: null,
    publicAnswer: null,
    month: new Date(created + 8 * 3600_000).toISOString().slice(0, 7),
    createdAt,
    updatedAt,
    closedAt: ['closed', 'declined'].includes(status) ? updatedAt : null,
  };
}

const JSON_COLS = new Set(['images', 'assistingUnitIds']);
/** Inserts cases with one prepared statement in one transaction, and returns their counter contributions. */
function insertCases(
  db: Database.Database,
  from: number,
  to: number,
  now: number,
  counters: Map<string, Record<string, number>>,
) {
  const rand = prng(from + 7);
  const sample = makeCase(rand, 0, now);
  const cols = Object.keys(sample);
  const stmt = db.prepare(
    `INSERT INTO cases (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`,
  );
  const part = db.prepare(
    'INSERT INTO caseUnits (id, caseId, unitId, role, caseStatus, open, overdue, assignedAt, returnBy, dueAt, updatedAt, countyId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let n = from; n < to; n++) {
      const c = makeCase(rand, n, now);
      const row: Record<string, unknown> = {};
      for (const k of cols) {
        const v = (c as unknown as Record<string, unknown>)[k];
        row[k] = JSON_COLS.has(k) ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v;
      }
      stmt.run(row);
      if (c.leadUnitId) {
        const open = ['assigned', 'inProgress', 'reopened'].includes(c.status);
        part.run(
          `${c.id}:${c.leadUnitId}`,
          c.id,
          c.leadUnitId,
          'lead',
          c.status,
          open ? 1 : 0,
          c.overdue ? 1 : 0,
          c.createdAt,
          c.createdAt,
          c.dueAt,
          c.updatedAt,
          c.countyId,
        );
      }
      const shard = shardOf(c.id);
      for (const scope of [c.countyId, c.townshipId]) {
        const key = `${scope}:${c.month}:${shard}`;
        const counts = counters.get(key) ?? {};
        for (const k of contributions(c)) counts[k] = (counts[k] ?? 0) + 1;
        counters.set(key, counts);
      }
    }
  })();
}

/** The counter documents as the units of work would have left them (the demo's own are added in). */
function writeCounters(
  db: Database.Database,
  counters: Map<string, Record<string, number>>,
  base: Map<string, Record<string, number>>,
) {
  const up = db.prepare(
    'INSERT INTO caseCounters (id, scopeId, month, shard, counts) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET counts = excluded.counts',
  );
  db.transaction(() => {
    for (const [id, counts] of counters) {
      const [scopeId, month, shard] = id.split(':');
      const merged = { ...counts };
      for (const [k, v] of Object.entries(base.get(id) ?? {})) merged[k] = (merged[k] ?? 0) + v;
      up.run(id, scopeId, month, Number(shard), JSON.stringify(merged));
    }
  })();
}

/** A demo county on its own SQLite file with `n` generated cases and the counters they would have left. */
async function county(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'dl-bench-cases-'));
  const ports = createLocalPorts({
    dbPath: join(dir, 'bench.db'),
    filesDir: join(dir, 'files'),
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'bench',
  });
  await seedDemo(ports);
  forgetGeo(ports);
  const db = ports.store.db;
  // A page cache large enough for the bulk load (the bench's own database; the host keeps SQLite's default).
  db.pragma('cache_size = -1000000');
  const base = new Map(
    (db.prepare('SELECT id, counts FROM caseCounters').all() as { id: string; counts: string }[]).map((r) => [
      r.id,
      JSON.parse(r.counts) as Record<string, number>,
    ]),
  );
  const now = ports.clock.now().getTime();
  const counters = new Map<string, Record<string, number>>();
  const t = Date.now();
  insertCases(db, 0, n, now, counters);
  writeCounters(db, counters, base);
  db.exec('ANALYZE');
  console.log(`  ${n.toLocaleString()} cases inserted in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  const callerOf = async (openid: string) => loadCaller(ports, await ensureUser(ports, openid));
  return {
    ports,
    db,
    dir,
    year: new Date(now + 8 * 3600_000).toISOString().slice(0, 4),
    township: await callerOf('demo:township'),
    county: await callerOf('demo:county'),
    unit: await callerOf('demo:unit'),
  };
}
type County = Awaited<ReturnType<typeof county>>;

/** One call through the whole handler stack, in ns. */
async function timed(c: County, who: County['township'], action: string, data: unknown): Promise<number> {
  const t = process.hrtime.bigint();
  const r = await serve(casesModule, { action, data }, who, c.ports);
  if (!r.ok) throw new Error(`${action}: ${r.error.code} ${r.error.message}`);
  return Number(process.hrtime.bigint() - t);
}

const CALLS: Array<{ label: (c: County) => string; run: (c: County) => Promise<number>; goal: string }> = [
  {
    label: () => "office queue, first page (township's own)",
    run: (c) => timed(c, c.township, 'queue', {}),
    goal: ' (goal ≤ 1.5)',
  },
  {
    label: () => 'county queue by status (inProgress)',
    run: (c) => timed(c, c.county, 'queue', { status: 'inProgress' }),
    goal: ' (goal ≤ 1.5)',
  },
  {
    label: (c) => {
      const n = (
        c.db.prepare("SELECT count(*) AS n FROM caseUnits WHERE unitId = 'unit-jt'").get() as { n: number }
      ).n;
      return `unit's queue (县交通运输局, ${n.toLocaleString()} parts)`;
    },
    run: (c) => timed(c, c.unit, 'queue', {}),
    goal: ' (goal ≤ 1.5)',
  },
  {
    label: (c) => {
      const n = (
        c.db
          .prepare(
            "SELECT count(*) AS n FROM caseCounters WHERE scopeId = 'county-yl' AND month >= ? AND month <= ?",
          )
          .get(`${c.year}-01`, `${c.year}-12`) as { n: number }
      ).n;
      return `cases.stats, ${c.year} (reads ${n} counter docs)`;
    },
    run: (c) => timed(c, c.county, 'stats', { fromDate: `${c.year}-01-01`, toDate: `${c.year}-12-31` }),
    goal: ' (counters only)',
  },
];

export async function benchCases() {
  console.log('\ncases: a queue and the statistics at county scale and at 10× (SQLite, in-process)');
  // BENCH_CASES_N shrinks the run for a quick look; the figures in the README are for 200,000.
  const n = Number(process.env.BENCH_CASES_N ?? 200_000);
  const small = await county(n);
  const large = await county(10 * n);
  // The two sizes take turns, round after round, so a busy machine slows both alike; medians of all rounds.
  const times = CALLS.map(() => ({ small: [] as number[], large: [] as number[] }));
  for (const c of [small, large]) for (const call of CALLS) for (let i = 0; i < 10; i++) await call.run(c);
  for (let round = 0; round < 10; round++) {
    for (const [k, call] of CALLS.entries()) {
      for (let i = 0; i < 20; i++) times[k].small.push(await call.run(small));
      for (let i = 0; i < 20; i++) times[k].large.push(await call.run(large));
    }
  }
  const scan = (c: County) => {
    const t = process.hrtime.bigint();
    c.db
      .prepare(
        "SELECT status, category, count(*) AS n FROM cases WHERE countyId = 'county-yl' AND createdAt >= ? GROUP BY status, category",
      )
      .all(`${c.year}-01-01`);
    return Number(process.hrtime.bigint() - t);
  };
  const row = (label: string, x: number, y: number, goal = '') =>
    console.log(
      `  ${label.padEnd(44)} ${ms(x).padStart(11)} ${ms(y).padStart(11)}   ×${(y / x).toFixed(2)}${goal}`,
    );
  console.log(
    `  ${''.padEnd(44)} ${n.toLocaleString().padStart(11)} ${(10 * n).toLocaleString().padStart(11)}   (median of 200 calls each)`,
  );
  for (const [k, call] of CALLS.entries())
    row(call.label(large), median(times[k].small), median(times[k].large), call.goal);
  row('for comparison: a GROUP BY scan of the cases', scan(small), scan(large));
  for (const c of [small, large]) {
    c.ports.store.close();
    rmSync(c.dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchCases();
