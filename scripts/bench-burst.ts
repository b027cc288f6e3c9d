/**
 * `npm run bench`, a popular reception day opening: 1,000 voters book one slot of 50 seats — all at once,
 * arriving over 10 s and over 60 s — on CloudBase (the adapter over the strict double, every database
 * call taking 5–20 ms, MongoDB's write-conflict rule) and on SQLite through the local host (HTTP, the
 * host in its own process). One line per case, for scripts to read:
 *   reception.book burst on CloudBase (5–20 ms per call, all at once): confirmed 50, waitlisted 100, full 850, conflict 0, p95 1234 ms
 * and under it whether every seat was taken while anyone was refused and the slot's counters equal its
 * bookings. Goal: exactly 50 / 100 / 850 / 0 and p95 under 3 s (the function timeout) in every case.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCloudbaseStore } from '../cloudfunctions/adapters/cloudbase/store';
import { addDays, chinaDate, chinaInstant } from '../cloudfunctions/core/time';
import { createLocalPorts } from '../cloudfunctions/host/ports';
import { WAITLIST_MAX } from '../cloudfunctions/modules/reception/constants';
import { COLLECTIONS, INDEXES, seedDemo } from '../cloudfunctions/modules/registry';
import { userIdFor } from '../cloudfunctions/modules/shared/public';
import { createCloudbaseDbDouble } from '../tests/doubles/cloudbase-db';
import { rush, type RushResult } from './booking-rush';

const VOTERS = 1000;
const CAPACITY = 50;
const SPREADS: [label: string, ms: number][] = [
  ['all at once', 0],
  ['over 10 s', 10_000],
  ['over 60 s', 60_000],
];

interface Outcome {
  confirmed: number;
  waitlisted: number;
  full: number;
  other: Record<string, number>;
  p95Ms: number;
  /** The slot at the end and the bookings that exist. */
  booked: number;
  waitlistPlaces: number;
  seated: number;
  waiting: number;
  capacity: number;
}

function report(where: string, how: string, r: Outcome) {
  const conflict = r.other.CONFLICT ?? 0;
  const others = Object.entries(r.other).filter(([code]) => code !== 'CONFLICT');
  console.log(
    `reception.book burst on ${where} (${how}): confirmed ${r.confirmed}, waitlisted ${r.waitlisted}, ` +
      `full ${r.full}, conflict ${conflict}, p95 ${Math.round(r.p95Ms)} ms`,
  );
  const refused = r.full + conflict + others.reduce((n, [, k]) => n + k, 0);
  const seatsTaken = !refused || r.booked === r.capacity;
  const counted = r.booked === r.seated && r.waitlistPlaces === r.waiting;
  const exact =
    r.confirmed === CAPACITY &&
    r.waitlisted === WAITLIST_MAX &&
    r.full === VOTERS - CAPACITY - WAITLIST_MAX &&
    conflict === 0 &&
    others.length === 0;
  console.log(
    `  ${exact && seatsTaken && counted && r.p95Ms < 3000 ? 'ok' : 'MISSED'}: ` +
      `${seatsTaken ? 'no seat left free while a voter was refused' : `a seat left free while ${refused} were refused`}; ` +
      `counters booked ${r.booked} / waitlisted ${r.waitlistPlaces}, bookings seated ${r.seated} / waiting ${r.waiting}` +
      (others.length ? `; other answers ${JSON.stringify(Object.fromEntries(others))}` : ''),
  );
}

/** The adapter over the double, 5–20 ms per call once the voters exist. */
export async function burstOnCloudbase() {
  for (const [label, spreadMs] of SPREADS) {
    const db = createCloudbaseDbDouble({
      collections: COLLECTIONS,
      throwOnNotFound: false,
      indexes: INDEXES,
      requireIndexes: true,
    });
    const local = createLocalPorts({
      dbPath: ':memory:',
      filesDir: mkdtempSync(join(tmpdir(), 'dl-bench-files-')),
      publicUrl: 'http://localhost:8080',
      idHashSecret: 'bench',
    });
    const ports = { ...local, store: createCloudbaseStore(db) };
    await seedDemo(ports);
    const r: RushResult = await rush(ports, VOTERS, CAPACITY, {
      tag: `cb${spreadMs}`,
      spreadMs,
      ready: () => {
        db.options.latencyMs = [5, 20];
      },
    });
    local.store.close();
    report('CloudBase', `5–20 ms per call, ${label}`, r);
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/**
 * The local host in a process of its own (as `npm start` runs it) on a fresh database in `dir`; the
 * bench prepares the days, slots and verified voters straight in that database, signs the voters in
 * through the host's HTTP contract (demo sign-in by openid) and books through it.
 */
export async function burstThroughHost(dir: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(dir, 'dl-bench-host-'));
  const host = spawn('npx', ['tsx', 'cloudfunctions/host/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://localhost:${port}`,
      STATIC_DIR: mkdtempSync(join(dir, 'dl-bench-static-')),
      DEMO: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-host.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  try {
    let ready = false;
    for (let i = 0; i < 240 && !ready; i++) {
      await new Promise((r) => setTimeout(r, 250));
      ready = await fetch(`${base}/api/session/personas`).then(
        (r) => r.ok,
        () => false,
      );
    }
    if (!ready) throw new Error('the local host did not start');

    // Days a week ahead with one slot each, and the voters, written beside the running host.
    const db = new Database(join(dataDir, 'deputylink.db'));
    db.pragma('busy_timeout = 5000');
    const station = db.prepare('SELECT id, countyId, townshipId FROM stations ORDER BY id LIMIT 1').get() as {
      id: string;
      countyId: string;
      townshipId: string;
    };
    const now = new Date();
    const date = addDays(chinaDate(now), 7);
    const iso = now.toISOString();
    db.transaction(() => {
      SPREADS.forEach(([, spread]) => {
        const dayId = `host${spread}-day`;
        db.prepare(
          `INSERT INTO receptionDays (id, stationId, countyId, townshipId, date, startsAt, endsAt, theme, slotMinutes,
            bookingCutoff, status, publishedAt, createdBy, createdAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, '压力测试', 60, ?, 'published', ?, 'bench', ?)`,
        ).run(
          dayId,
          station.id,
          station.countyId,
          station.townshipId,
          date,
          chinaInstant(date, '09:00'),
          chinaInstant(date, '10:00'),
          chinaInstant(addDays(date, -1), '18:00'),
          iso,
          iso,
        );
        db.prepare(
          `INSERT INTO slots (id, dayId, startsAt, endsAt, capacity, booked, waitlisted, touchedAt, settled)
           VALUES (?, ?, ?, ?, ?, 0, 0, NULL, 1)`,
        ).run(
          `host${spread}-slot`,
          dayId,
          chinaInstant(date, '09:00'),
          chinaInstant(date, '10:00'),
          CAPACITY,
        );
      });
      const user = db.prepare(
        `INSERT INTO users (id, openid, displayName, createdAt, verifiedEntryId, verifiedAt)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (let i = 0; i < VOTERS; i++)
        user.run(userIdFor(`bench-host-${i}`), `bench-host-${i}`, `选民${i}`, iso, `host-entry-${i}`, iso);
    })();

    const post = async (path: string, body: unknown, token?: string) => {
      const r = await fetch(base + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return (await r.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };
    };
    const tokens: string[] = [];
    for (let i = 0; i < VOTERS; i++) {
      const s = await post('/api/session', { openid: `bench-host-${i}` });
      if (!s.ok) throw new Error(`sign-in failed: ${JSON.stringify(s)}`);
      tokens.push(s.data!.token as string);
    }

    for (const [label, spreadMs] of SPREADS) {
      const slotId = `host${spreadMs}-slot`;
      const latencies: number[] = [];
      const out: Outcome = {
        confirmed: 0,
        waitlisted: 0,
        full: 0,
        other: {},
        p95Ms: 0,
        booked: 0,
        waitlistPlaces: 0,
        seated: 0,
        waiting: 0,
        capacity: CAPACITY,
      };
      await Promise.all(
        tokens.map(async (token, i) => {
          if (spreadMs) await new Promise((r) => setTimeout(r, (i * spreadMs) / VOTERS));
          const t = process.hrtime.bigint();
          const r = await post(
            '/api/reception',
            { action: 'book', data: { slotId, topic: '同一时段' }, requestId: `host-${spreadMs}-req-${i}` },
            token,
          );
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          if (r.ok) out[r.data!.status as 'confirmed' | 'waitlisted']++;
          else if (r.error!.code === 'FULL') out.full++;
          else out.other[r.error!.code] = (out.other[r.error!.code] ?? 0) + 1;
        }),
      );
      latencies.sort((a, b) => a - b);
      out.p95Ms = latencies[Math.ceil(latencies.length * 0.95) - 1];
      const slot = db.prepare('SELECT booked, waitlisted, capacity FROM slots WHERE id = ?').get(slotId) as {
        booked: number;
        waitlisted: number;
        capacity: number;
      };
      const count = (status: string) =>
        (
          db
            .prepare('SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND status = ?')
            .get(slotId, status) as {
            n: number;
          }
        ).n;
      Object.assign(out, {
        booked: slot.booked,
        waitlistPlaces: slot.waitlisted,
        capacity: slot.capacity,
        seated: count('confirmed'),
        waiting: count('waitlisted'),
      });
      report('SQLite through the host', label, out);
    }
    db.close();
  } finally {
    stop();
    process.removeListener('exit', stop);
  }
}
