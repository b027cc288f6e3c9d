/**
 * A rush on one slot: `voters` verified voters book the same slot of `capacity` seats all at once,
 * through the real `reception.book` handler. Used by the concurrency test (both engines) and the bench.
 */
import type { Caller } from '../cloudfunctions/core/context';
import type { Ports } from '../cloudfunctions/core/ports';
import { addDays, chinaDate, chinaInstant } from '../cloudfunctions/core/time';
import { reception } from '../cloudfunctions/modules/reception';
import { forgetGeo, serve, sharedQueries, type User } from '../cloudfunctions/modules/shared/public';

export interface RushResult {
  confirmed: number;
  waitlisted: number;
  full: number;
  other: Record<string, number>;
  booked: number;
  seconds: number;
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
      waitlist: [],
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
  tag = 'rush',
): Promise<RushResult> {
  const { slotId, callers } = await prepareRush(ports, voters, capacity, tag);
  const started = process.hrtime.bigint();
  const results = await Promise.all(
    callers.map((caller, i) =>
      serve(
        reception,
        { action: 'book', data: { slotId, topic: '同一时段' }, requestId: `${tag}-req-${i}` },
        caller,
        ports,
      ),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const out: RushResult = { confirmed: 0, waitlisted: 0, full: 0, other: {}, booked: 0, seconds };
  for (const r of results) {
    if (r.ok) out[(r.data as { status: 'confirmed' | 'waitlisted' }).status]++;
    else if (r.error.code === 'FULL') out.full++;
    else out.other[r.error.code] = (out.other[r.error.code] ?? 0) + 1;
  }
  out.booked = (await ports.store.get('slots', slotId))!.booked;
  return out;
}
