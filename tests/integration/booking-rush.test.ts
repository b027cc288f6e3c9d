/**
 * Voters book one slot of 50 seats at the same moment, through the real handler: exactly 50 confirmed,
 * 100 waitlisted and the rest FULL — never CONFLICT — on SQLite and on the CloudBase adapter over the
 * double, where the seat is taken by a conditional update (the double aborts transactions that write a
 * document someone else wrote since they began, as MongoDB does). The 1,000-voter bursts with 5–20 ms per
 * database call are in `npm run bench`; here the calls take at most 2 ms, so the test stays cheap.
 */
import { WAITLIST_MAX } from '../../cloudfunctions/modules/reception/constants';
import { rush } from '../../scripts/booking-rush';
import { ENGINES, makeWorld, type EngineName } from './harness';

const VOTERS = 300;
const CAPACITY = 50;

it.each(ENGINES)('on %s: exact counts, the counters equal the bookings', async (engine: EngineName) => {
  const w = await makeWorld({ engine });
  const r = await rush(w.ports, VOTERS, CAPACITY, {
    ready: () => {
      if (w.double) w.double.options.latencyMs = [0, 2];
    },
  });
  expect(r).toMatchObject({
    confirmed: CAPACITY,
    waitlisted: WAITLIST_MAX,
    full: VOTERS - CAPACITY - WAITLIST_MAX,
    other: {},
    booked: CAPACITY,
    waitlistPlaces: WAITLIST_MAX,
    seated: CAPACITY,
    waiting: WAITLIST_MAX,
  });
  if (w.double) expect(w.double.stats.conflicts).toBe(0);
});
