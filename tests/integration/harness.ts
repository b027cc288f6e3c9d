/** Drives the real handlers in-process over a real (in-memory) SQLite database seeded with the demo county. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  contracts,
  type ActionName,
  type ActionOutput,
  type FunctionName,
} from '../../cloudfunctions/core/contracts';
import type { Envelope } from '../../cloudfunctions/core/contracts/envelope';
import { loadCaller } from '../../cloudfunctions/core/context';
import { dispatch, forgetGeo } from '../../cloudfunctions/core/dispatch';
import { ensureUser, userIdFor } from '../../cloudfunctions/core/identity';
import type { ContentCheck, Verdict } from '../../cloudfunctions/core/ports';
import { manualClock, wordListContentCheck } from '../../cloudfunctions/adapters/local';
import { FUNCTIONS } from '../../cloudfunctions/host/functions';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { seedDemo } from '../../cloudfunctions/host/seed';

export const PERSONA_OPENIDS = {
  voter: 'demo:voter',
  newcomer: 'demo:newcomer',
  deputy: 'demo:deputy',
  station: 'demo:station',
  township: 'demo:township',
  county: 'demo:county',
} as const;
export type PersonaName = keyof typeof PERSONA_OPENIDS;
/** Who calls: a persona, any other openid (a fresh user), or nobody. */
export type Who = PersonaName | { openid: string } | null;

export async function makeWorld(
  opts: { seed?: boolean; dailyMessageLimit?: number; verdict?: (text: string) => Verdict } = {},
) {
  const clock = manualClock('2026-11-20T02:00:00Z');
  const content: ContentCheck = opts.verdict
    ? { text: async ({ text }) => opts.verdict!(text) }
    : wordListContentCheck();
  const ports = createLocalPorts({
    dbPath: ':memory:',
    filesDir: mkdtempSync(join(tmpdir(), 'dl-files-')),
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'test-secret',
    clock,
    content,
    dailyMessageLimit: opts.dailyMessageLimit,
  });
  if (opts.seed !== false) await seedDemo(ports);
  forgetGeo(ports);

  async function raw(
    who: Who,
    fn: string,
    action: string,
    data?: unknown,
    requestId?: string,
  ): Promise<Envelope<unknown>> {
    let caller = null;
    if (who) {
      const openid = typeof who === 'string' ? PERSONA_OPENIDS[who] : who.openid;
      caller = await loadCaller(ports, await ensureUser(ports, openid));
    }
    const handlers = (FUNCTIONS as Record<string, unknown>)[fn] ?? {};
    const env = await dispatch(
      fn as FunctionName,
      handlers as never,
      { action, data, requestId },
      caller,
      ports,
    );
    // Every successful answer must match its contract's output schema.
    if (env.ok) {
      const c = (contracts as Record<string, Record<string, { output: { parse(v: unknown): unknown } }>>)[fn][
        action
      ];
      c.output.parse(env.data);
    }
    return env;
  }

  /** Calls and expects success; throws with the error otherwise. */
  async function call<F extends FunctionName, A extends ActionName<F>>(
    who: Who,
    fn: F,
    action: A,
    data?: unknown,
    requestId?: string,
  ): Promise<ActionOutput<F, A>> {
    const env = await raw(who, fn, action, data, requestId);
    if (!env.ok) throw new Error(`${fn}.${action} failed: ${env.error.code} ${env.error.message}`);
    return env.data as ActionOutput<F, A>;
  }

  /** Row counts of every table: to assert that a refused request wrote nothing. */
  function snapshot(): Record<string, number> {
    const tables = ports.store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (ports.store.db.prepare(`SELECT COUNT(*) AS n FROM ${name}`).get() as { n: number }).n,
      ]),
    );
  }
  /** Whole-database fingerprint, for "nothing changed" (counts miss updates). */
  function fingerprint(): string {
    const tables = Object.keys(snapshot());
    return tables
      .map((t) => JSON.stringify(ports.store.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()))
      .join('\n');
  }

  return {
    ports,
    clock,
    raw,
    call,
    snapshot,
    fingerprint,
    userId: (p: PersonaName) => userIdFor(PERSONA_OPENIDS[p]),
  };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;
