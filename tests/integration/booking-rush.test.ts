/**
 * 1,000 voters book one slot of 50 seats at the same moment, through the real handler:
 * exactly 50 confirmed, the rest waitlisted or refused — on SQLite and on the CloudBase adapter (double).
 */
import { createCloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import { COLLECTIONS, INDEXES, seedDemo } from '../../cloudfunctions/modules/registry';
import { WAITLIST_MAX } from '../../cloudfunctions/modules/reception/constants';
import { rush } from '../../scripts/booking-rush';
import { createCloudbaseDbDouble } from '../doubles/cloudbase-db';
import { makeWorld } from './harness';

// A thousand requests at once: allow for a busy machine.
jest.setTimeout(120_000);

it('on SQLite', async () => {
  const w = await makeWorld();
  const r = await rush(w.ports, 1000, 50);
  expect(r).toMatchObject({
    confirmed: 50,
    waitlisted: WAITLIST_MAX,
    full: 1000 - 50 - WAITLIST_MAX,
    other: {},
    booked: 50,
  });
  const rows = w.db
    .prepare("SELECT status, COUNT(*) AS n FROM bookings WHERE dayId = 'rush-day' GROUP BY status")
    .all();
  expect(rows).toEqual(
    expect.arrayContaining([
      { status: 'confirmed', n: 50 },
      { status: 'waitlisted', n: WAITLIST_MAX },
    ]),
  );
});

it('on CloudBase (the strict database double)', async () => {
  const w = await makeWorld({ seed: false });
  const db = createCloudbaseDbDouble({
    collections: COLLECTIONS,
    throwOnNotFound: false,
    indexes: INDEXES,
    requireIndexes: true,
  });
  const ports = { ...w.ports, store: createCloudbaseStore(db) };
  await seedDemo(ports);
  const r = await rush(ports, 1000, 50);
  // Contention may turn some requests away with CONFLICT after the adapter's retries — never overbook.
  expect(r.confirmed).toBe(50);
  expect(r.booked).toBe(50);
  expect(r.confirmed + r.waitlisted + r.full + Object.values(r.other).reduce((a, b) => a + b, 0)).toBe(1000);
  expect(Object.keys(r.other).every((code) => code === 'CONFLICT')).toBe(true);
  expect(r.waitlisted).toBeLessThanOrEqual(WAITLIST_MAX);
});
