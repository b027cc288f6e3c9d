/**
 * `npm run bench`, consultations: consult.results for a consultation with 100,000 responses (goal ≤ 200 ms
 * p95 in-process — it reads the counter shards, never the responses), and the cost of one more response
 * at 10,000 and at 100,000 responses (goal: ratio ≤ 1.5).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalPorts } from '../cloudfunctions/host/ports';
import { consult } from '../cloudfunctions/modules/consult';
import { addToTally, contribution } from '../cloudfunctions/modules/consult/tally';
import { seedDemo } from '../cloudfunctions/modules/registry';
import { ensureUser, forgetGeo, loadCaller, serve } from '../cloudfunctions/modules/shared/public';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (ns: number) => `${(ns / 1e6).toFixed(2)} ms`;

export async function benchConsult() {
  console.log('\nconsult: results and responses as a consultation grows (SQLite, in-process)');
  const ports = createLocalPorts({
    dbPath: join(mkdtempSync(join(tmpdir(), 'dl-bench-consult-')), 'bench.db'),
    filesDir: mkdtempSync(join(tmpdir(), 'dl-bench-consult-files-')),
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'bench',
  });
  await seedDemo(ports);
  forgetGeo(ports);
  const as = async (openid: string) => loadCaller(ports, await ensureUser(ports, openid));
  const county = await as('demo:county');
  const call = async (
    caller: Awaited<ReturnType<typeof as>> | null,
    action: string,
    data: unknown,
    requestId?: string,
  ) => {
    const r = await serve(consult, { action, data, requestId }, caller, ports);
    if (!r.ok) throw new Error(`consult.${action}: ${r.error.code} ${r.error.message}`);
    return r.data as Record<string, unknown>;
  };
  const now = Date.now();
  const created = await call(county, 'create', {
    title: '基准测试征询',
    text: '第一条 甲。\n第二条 乙。\n第三条 丙。',
    questions: [
      { kind: 'single', title: '单选', options: ['甲', '乙', '丙'], required: true },
      { kind: 'scale', title: '评分' },
    ],
    audience: { kind: 'all' },
    opensAt: new Date(now - 3600_000).toISOString(),
    closesAt: new Date(now + 30 * 86400_000).toISOString(),
  });
  const id = created.consultationId as string;
  await call(county, 'publish', { consultationId: id });
  const c = (await ports.store.get('consultations', id))!;
  const [q1, q2] = c.questions.map((q) => q.questionId);
  const a1 = c.articles[0].articleId;

  let seeded = 0;
  /** Responses written straight into the store, with their counts, 5,000 per unit of work. */
  async function grow(to: number) {
    while (seeded < to) {
      const n = Math.min(5000, to - seeded);
      await ports.store.transact(async (tx) => {
        const delta: Record<string, number> = {};
        for (let i = 0; i < n; i++) {
          const k = seeded + i;
          const userId = `bench-${k}`;
          const answers = [
            { questionId: q1, choice: k % 3 },
            { questionId: q2, scale: (k % 5) + 1 },
          ];
          await tx.insert('consultResponses', {
            id: `${id}:${userId}`,
            consultationId: id,
            userId,
            role: 'voter',
            deputyId: null,
            townshipId: 'tw-qs',
            constituencyId: 'tw-qs-c1',
            name: '选民',
            publicName: '选*民',
            anonymous: false,
            answers,
            articleIds: [],
            createdAt: new Date(now - 3600_000 + k).toISOString(),
            updatedAt: new Date(now).toISOString(),
            edits: 0,
          });
          const add = contribution({
            role: 'voter',
            townshipId: 'tw-qs',
            constituencyId: 'tw-qs-c1',
            answers,
            articleIds: [],
            held: 0,
          });
          for (const [key, v] of Object.entries(add)) delta[key] = (delta[key] ?? 0) + v;
        }
        await addToTally(tx, id, delta);
      });
      seeded += n;
    }
  }

  let fresh = 0;
  /** The handler's cost of one more response (new respondents, each with a comment). */
  async function respondCost(n: number) {
    const callers = [];
    for (let i = 0; i < n; i++) callers.push(await as(`bench-new-${fresh++}`));
    const times: number[] = [];
    for (const [i, caller] of callers.entries()) {
      const t = process.hrtime.bigint();
      await call(
        caller,
        'respond',
        {
          consultationId: id,
          answers: [
            { questionId: q1, choice: i % 3 },
            { questionId: q2, scale: 3 },
          ],
          comments: [{ articleId: a1, text: '建议进一步明确适用范围' }],
        },
        `bench-respond-${fresh}-${i}`,
      );
      times.push(Number(process.hrtime.bigint() - t));
    }
    return pct(times, 0.5);
  }

  await respondCost(100); // warm up
  await grow(10_000);
  const at10k = await respondCost(400);
  await grow(100_000);
  const at100k = await respondCost(400);

  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = process.hrtime.bigint();
    const r = await call(county, 'results', { consultationId: id });
    times.push(Number(process.hrtime.bigint() - t));
    if (i === 0 && (r.responses as number) < 100_000)
      throw new Error(`results counted ${String(r.responses)}`);
  }
  ports.store.close();
  console.log(
    `  consult.results, ${seeded.toLocaleString('en')} responses   p50 ${ms(pct(times, 0.5))}  p95 ${ms(pct(times, 0.95))}  (goal p95 ≤ 200 ms)`,
  );
  console.log(`  consult.respond at 10,000 responses        median ${ms(at10k)}`);
  console.log(`  consult.respond at 100,000 responses       median ${ms(at100k)}`);
  console.log(`  ratio at 10×                               ${(at100k / at10k).toFixed(2)}  (goal ≤ 1.5)`);
}

if (require.main === module) void benchConsult();
