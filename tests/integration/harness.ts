/**
 * Drives the real handlers in-process, on a real (in-memory) SQLite database or on the CloudBase adapter
 * over the strict double, seeded with the demo county. Every successful answer is checked against its
 * contract's output schema.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import { manualClock, wordListContentCheck } from '../../cloudfunctions/adapters/local';
import type { Envelope } from '../../cloudfunctions/core/contracts/envelope';
import type { ContentCheck, MediaCheck, Verdict } from '../../cloudfunctions/core/ports';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import {
  contracts,
  type ActionName,
  type ActionOutput,
  type FunctionName,
} from '../../cloudfunctions/modules/contracts';
import { COLLECTIONS, INDEXES, moduleNamed, seedDemo } from '../../cloudfunctions/modules/registry';
import {
  ensureUser,
  forgetGeo,
  loadCaller,
  PERSONA_OPENIDS,
  personaUserId,
  serve,
  type PersonaName,
} from '../../cloudfunctions/modules/shared/public';
import type { DbDoc } from '../../cloudfunctions/adapters/cloudbase/db';
import { createCloudbaseDbDouble, type CloudbaseDbDouble } from '../doubles/cloudbase-db';

export { PERSONA_OPENIDS, type PersonaName };
/** Who calls: a persona, any other openid (a fresh user), or nobody. */
export type Who = PersonaName | { openid: string } | null;
export type EngineName = 'sqlite' | 'cloudbase';
export const ENGINES: EngineName[] = ['sqlite', 'cloudbase'];

/** A world's whole state — its database, its stored files and its clock — to start other worlds from. */
export interface WorldImage {
  now: string;
  filesDir: string;
  sqlite?: Buffer;
  docs?: Record<string, DbDoc[]>;
}

export interface WorldOptions {
  seed?: boolean;
  dailyMessageLimit?: number;
  verdict?: (text: string) => Verdict;
  /** The image check (default: the local one, every stored upload passes). */
  media?: (files: { exists(fileId: string): boolean }) => MediaCheck;
  engine?: EngineName;
  /** Start from a copy of another world (same engine) instead of seeding. */
  from?: WorldImage;
}

export async function makeWorld(opts: WorldOptions = {}) {
  const clock = manualClock(opts.from?.now ?? '2026-11-20T02:00:00Z');
  const filesDir = mkdtempSync(join(tmpdir(), 'dl-files-'));
  if (opts.from) cpSync(opts.from.filesDir, filesDir, { recursive: true });
  const content: ContentCheck = opts.verdict
    ? { text: async ({ text }) => opts.verdict!(text) }
    : wordListContentCheck();
  const local = createLocalPorts({
    dbPath: opts.from?.sqlite ?? ':memory:',
    filesDir,
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'test-secret',
    clock,
    content,
    media: opts.media,
    dailyMessageLimit: opts.dailyMessageLimit,
  });
  const engine = opts.engine ?? 'sqlite';
  let double: CloudbaseDbDouble | null = null;
  if (engine === 'cloudbase') {
    double = createCloudbaseDbDouble({
      collections: COLLECTIONS,
      throwOnNotFound: false,
      indexes: INDEXES,
      requireIndexes: true,
    });
  }
  const ports = double ? { ...local, store: createCloudbaseStore(double) } : local;
  if (opts.from?.docs) double!.load(opts.from.docs);
  else if (opts.seed !== false && !opts.from) await seedDemo(ports);
  forgetGeo(ports);

  /** Sends one envelope as it arrived (possibly malformed) to one function. */
  async function send(who: Who, fn: string, envelope: unknown): Promise<Envelope<unknown>> {
    let caller = null;
    if (who) {
      const openid = typeof who === 'string' ? PERSONA_OPENIDS[who] : who.openid;
      caller = await loadCaller(ports, await ensureUser(ports, openid));
    }
    const module = moduleNamed(fn);
    if (!module) throw new Error(`no module ${fn}`);
    return serve(module, envelope, caller, ports);
  }

  async function raw(
    who: Who,
    fn: string,
    action: string,
    data?: unknown,
    requestId?: string,
  ): Promise<Envelope<unknown>> {
    const env = await send(who, fn, { action, data, requestId });
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

  /** Every collection's documents, in id order. */
  function dumpAll(): Record<string, unknown[]> {
    if (double) return Object.fromEntries(COLLECTIONS.map((c) => [c, double!.dump(c)]));
    return Object.fromEntries(
      COLLECTIONS.map((c) => [c, local.store.db.prepare(`SELECT * FROM ${c} ORDER BY id`).all()]),
    );
  }
  /** Document counts per collection: to assert that a refused request wrote nothing. */
  const snapshot = (): Record<string, number> =>
    Object.fromEntries(Object.entries(dumpAll()).map(([c, rows]) => [c, rows.length]));
  /** Whole-database fingerprint, for "nothing changed" (counts miss updates). */
  const fingerprint = (): string => JSON.stringify(dumpAll());
  const image = (): WorldImage => ({
    now: clock.now().toISOString(),
    filesDir,
    ...(double ? { docs: dumpAll() as Record<string, DbDoc[]> } : { sqlite: local.store.db.serialize() }),
  });

  return {
    engine,
    ports,
    /** The SQLite database (SQLite worlds only). */
    db: local.store.db,
    double,
    clock,
    send,
    raw,
    call,
    snapshot,
    fingerprint,
    image,
    userId: (p: PersonaName) => personaUserId(p),
  };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;

/**
 * Fresh worlds for a test file without seeding each: the first call builds one (`prepare` may add to the
 * seeded world), later calls start from a copy of it. A seeded world costs a tenth of a second or more;
 * a copy, a few milliseconds.
 */
export function worlds(opts: Omit<WorldOptions, 'from'> = {}, prepare?: (w: World) => Promise<void>) {
  let image: Promise<WorldImage> | null = null;
  return async (): Promise<World> => {
    image ??= makeWorld(opts).then(async (w) => {
      await prepare?.(w);
      return w.image();
    });
    return makeWorld({ ...opts, from: await image });
  };
}
