/**
 * A rush on one slot: `voters` verified voters book the same slot of `capacity` seats — all at once, or
 * arriving evenly over `spreadMs` — through the real `reception.book` handler. Used by the concurrency
 * test (both engines) and the bench.
 */
import type { Caller } from '../cloudfunctions/core/context';
import type { Ports } from '../cloudfunctions/core/ports';
import { addDays, chinaDate, chinaInstant } from '../cloudfunctions/core/time';
import { reception } from '../cloudfunctions/modules/reception';
import { receptionQueries } from '../cloudfunctions/modules/reception/storage';
import { forgetGeo, serve, sharedQueries, type User } from '../cloudfunctions/modules/shared/public';

export interface RushResult {
  confirmed: number;
  waitlisted: number;
  full: number;
  /** Other refusals by code (CONFLICT: 系统繁忙 after the store's retries). */
  other: Record<string, number>;
  /** The slot's counters at the end… */
  booked: number;
  waitlistPlaces: number;
  /** …and the bookings that exist (seats held, waiting). */
  seated: number;
  waiting: number;
  capacity: number;
  seconds: number;
  /** Each answer's time from the voter's arrival, in ms, sorted. */
  latencies: number[];
  p95Ms: number;
}

export interface RushOptions {
  tag?: string;
  /** Arrivals spread evenly over this many ms (0: all at once). */
  spreadMs?: number;
  /** Runs once the day, the slot and the voters exist, just before the first voter arrives. */
  ready?: () => void;
}

/** A published day a week ahead with one slot, and `voters` verified voters (no register entries needed). */
export async function prepareRush(ports: Ports, voters: number, capacity: number, tag = 'rush') {
  const date = addDays(chinaDate(ports.clock.now()), 7);
  const now = ports.clock.now().toISOString();
  const stations = await sharedQueries(ports).stations();
  const station = stations[0];
  const dayId = `${tag}-day`;
  const slotId = `${tag}-slot`;
  const users: User[] = Array.from({ length: voters }, (_, i) => ({
    id: `${tag}-u${i}`,
    openid: `${tag}-openid-${i}`,
    displayName: `选民${i}`,
    createdAt: now,
    verifiedEntryId: `${tag}-entry-${i}`,
    verifiedAt: now,
    constituencyId: null,
    failedVerifications: 0,
    verifyLockedUntil: null,
  }));
  await ports.store.transact(async (tx) => {
    await tx.insert('receptionDays', {
      id: dayId,
      stationId: station.id,
      countyId: station.countyId,
      townshipId: station.townshipId,
      date,
      startsAt: chinaInstant(date, '09:00'),
      endsAt: chinaInstant(date, '10:00'),
      theme: '压力测试',
      slotMinutes: 60,
      bookingCutoff: chinaInstant(addDays(date, -1), '18:00'),
      status: 'published',
      publishedAt: now,
      remindersSentAt: null,
      noShowsMarkedAt: null,
      createdBy: 'bench',
      createdAt: now,
    });
    await tx.insert('slots', {
      id: slotId,
      dayId,
      startsAt: chinaInstant(date, '09:00'),
      endsAt: chinaInstant(date, '10:00'),
      capacity,
      booked: 0,
      waitlisted: 0,
      touchedAt: null,
      settled: true,
    });
  });
  for (let i = 0; i < users.length; i += 100) {
    await ports.store.transact(async (tx) => {
      for (const u of users.slice(i, i + 100)) await tx.insert('users', u);
    });
  }
  forgetGeo(ports);
  const callers: Caller[] = users.map((user) => ({ user, grants: [], deputy: null }));
  return { dayId, slotId, callers };
}

export async function rush(
  ports: Ports,
  voters: number,
  capacity: number,
  opts: RushOptions | string = {},
): Promise<RushResult> {
  const { tag = 'rush', spreadMs = 0, ready } = typeof opts === 'string' ? { tag: opts } : opts;
  const { slotId, callers } = await prepareRush(ports, voters, capacity, tag);
  ready?.();
  const started = process.hrtime.bigint();
  const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
  const latencies: number[] = [];
  const results = await Promise.all(
    callers.map(async (caller, i) => {
      if (spreadMs > 0) await new Promise((r) => setTimeout(r, (i * spreadMs) / voters));
      const arrived = process.hrtime.bigint();
      const r = await serve(
        reception,
        { action: 'book', data: { slotId, topic: '同一时段' }, requestId: `${tag}-req-${i}` },
        caller,
        ports,
      );
      latencies.push(ms(arrived));
      return r;
    }),
  );
  const seconds = ms(started) / 1000;
  latencies.sort((a, b) => a - b);
  const slot = (await ports.store.get('slots', slotId))!;
  const counts = await receptionQueries(ports).slotCounts(slotId);
  const out: RushResult = {
    confirmed: 0,
    waitlisted: 0,
    full: 0,
    other: {},
    booked: slot.booked,
    waitlistPlaces: slot.waitlisted,
    seated: counts.seated,
    waiting: counts.waiting,
    capacity: slot.capacity,
    seconds,
    latencies,
    p95Ms: latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)] ?? 0,
  };
  for (const r of results) {
    if (r.ok) out[(r.data as { status: 'confirmed' | 'waitlisted' }).status]++;
    else if (r.error.code === 'FULL') out.full++;
    else out.other[r.error.code] = (out.other[r.error.code] ?? 0) + 1;
  }
  return out;
}
