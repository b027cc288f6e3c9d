/**
 * Reception days on every Store adapter: the new records' round trips, the reception queries (filters,
 * order, keyset pages across ties, inclusive date ranges) and booking a slot under contention.
 */
import type { Store } from '../../cloudfunctions/core/ports';
import type { CollectionName, Collections } from '../../cloudfunctions/core/records';
import type {
  DayAssignment as Assignment,
  Booking,
  ReceptionDay,
  Visit,
} from '../../cloudfunctions/modules/reception/records';
import { aBooking, aClaim, anAssignment, aReceptionDay, aSlot, aStation, at, aVisit } from './fixtures';
import { codeOf, type Engine, engines, ordered, readAll, seed as seedInto } from './harness';
import { receptionStorage, type DayFilter } from '../../cloudfunctions/modules/reception/storage';

describe.each(engines)('Store contract, reception — %s', (_name, open) => {
  let engine: Engine;
  let store: Store;

  beforeEach(() => {
    engine = open();
    store = engine.store;
  });
  afterEach(() => engine.close());

  const seed = <C extends CollectionName>(collection: C, docs: Collections[C][]) =>
    seedInto(store, collection, docs);

  describe('records', () => {
    it('stations keep their map point (or nulls) and opening notes; updates replace them', async () => {
      const plain = aStation();
      const mapped = aStation({ latitude: 30.5728, longitude: 104.0668, openingNotes: '每月 10 日接待' });
      await seed('stations', [plain, mapped]);
      expect(await store.get('stations', plain.id)).toEqual(plain);
      expect(await store.get('stations', mapped.id)).toEqual(mapped);
      await store.transact((tx) =>
        tx.update('stations', plain.id, { latitude: -33.5, longitude: 151.25, openingNotes: '周二' }),
      );
      await store.transact((tx) => tx.update('stations', mapped.id, { latitude: null, longitude: null }));
      expect(await store.get('stations', plain.id)).toEqual({
        ...plain,
        latitude: -33.5,
        longitude: 151.25,
        openingNotes: '周二',
      });
      expect(await store.get('stations', mapped.id)).toEqual({ ...mapped, latitude: null, longitude: null });
    });

    it('slots keep their counters, touch time (or null) and settled flag; updates change them', async () => {
      const fresh = aSlot();
      const busy = aSlot({ capacity: 2, booked: 2, waitlisted: 3, touchedAt: at(4), settled: false });
      await seed('slots', [fresh, busy]);
      expect(await store.get('slots', fresh.id)).toEqual(fresh);
      expect(await store.transact((tx) => tx.get('slots', busy.id))).toEqual(busy);
      await store.transact((tx) => tx.update('slots', fresh.id, { touchedAt: at(5), settled: false }));
      await store.transact((tx) => tx.update('slots', busy.id, { touchedAt: null, settled: true }));
      expect(await store.get('slots', fresh.id)).toEqual({ ...fresh, touchedAt: at(5), settled: false });
      expect(await store.get('slots', busy.id)).toEqual({ ...busy, touchedAt: null, settled: true });
    });

    it('bookings: walk-in flag both ways, null slot and voter, and updates to and from null', async () => {
      const booked = aBooking({ walkIn: false, slotId: 'slot-1', voterUserId: 'user-1' });
      const walkIn = aBooking({ walkIn: true, slotId: null, voterUserId: null, status: 'checkedIn' });
      await seed('bookings', [booked, walkIn]);
      expect(await store.get('bookings', booked.id)).toEqual(booked);
      expect(await store.get('bookings', walkIn.id)).toEqual(walkIn);
      await store.transact(async (tx) => {
        await tx.update('bookings', booked.id, {
          slotId: null,
          status: 'cancelled',
          cancelledAt: at(3),
        });
        await tx.update('bookings', walkIn.id, { walkIn: false, slotId: 'slot-2', checkedInAt: at(4) });
      });
      expect(await store.get('bookings', booked.id)).toEqual({
        ...booked,
        slotId: null,
        status: 'cancelled',
        cancelledAt: at(3),
      });
      expect(await store.get('bookings', walkIn.id)).toEqual({
        ...walkIn,
        walkIn: false,
        slotId: 'slot-2',
        checkedInAt: at(4),
      });
    });

    it('a booking code is unique within its day: a second one that day is CONFLICT, another day is fine', async () => {
      const first = aBooking({ dayId: 'day-1', code: 'ABCDEFGH' });
      await seed('bookings', [first]);
      expect(
        await codeOf(seed('bookings', [aBooking({ dayId: 'day-1', code: 'ABCDEFGH', voterUserId: 'u-2' })])),
      ).toBe('CONFLICT');
      await seed('bookings', [aBooking({ dayId: 'day-2', code: 'ABCDEFGH' })]);
      // Many walk-ins (no voter, no slot) on one day never collide.
      await seed('bookings', [
        aBooking({ dayId: 'day-1', walkIn: true, slotId: null, voterUserId: null }),
        aBooking({ dayId: 'day-1', walkIn: true, slotId: null, voterUserId: null }),
      ]);
    });

    it('a claim id is taken once: the second claim is CONFLICT and rolls back its unit of work', async () => {
      const claim = aClaim({ id: 'booking:day-1:user-1', refId: 'booking-a' });
      await seed('claims', [claim]);
      const b = aBooking({ dayId: 'day-1', voterUserId: 'user-1' });
      const again = store.transact(async (tx) => {
        await tx.insert('bookings', b);
        await tx.insert('claims', { ...claim, refId: b.id });
      });
      expect(await codeOf(again)).toBe('CONFLICT');
      expect(await store.get('bookings', b.id)).toBeNull();
      expect(await store.get('claims', claim.id)).toEqual(claim);
    });
  });

  describe('queries', () => {
    it('receptionDays(): every allowed filter combination, by date then id, paged across ties', async () => {
      // Three stations in two townships of one county, one in another county; ties on date throughout.
      const places = [
        { stationId: 'st-a', townshipId: 'tw-1', countyId: 'ct-1' },
        { stationId: 'st-b', townshipId: 'tw-1', countyId: 'ct-1' },
        { stationId: 'st-c', townshipId: 'tw-2', countyId: 'ct-1' },
        { stationId: 'st-d', townshipId: 'tw-9', countyId: 'ct-2' },
      ];
      const dates = ['2026-03-02', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05', '2026-03-02'];
      const statuses = ['published', 'draft', 'published', 'cancelled', 'published'] as const;
      const rows: ReceptionDay[] = [];
      let k = 0;
      for (const place of places) {
        for (const date of dates) {
          // Ids out of insertion order, so "by id" is not "as inserted".
          const id = `rd-${String((k * 7) % 24).padStart(2, '0')}`;
          rows.push(aReceptionDay({ id, ...place, date, status: statuses[k % statuses.length] }));
          k++;
        }
      }
      await seed('receptionDays', rows);
      const key = (d: ReceptionDay) => d.date;

      type Filter = DayFilter;
      const scopes: Filter[] = [
        {},
        { countyId: 'ct-1' },
        { townshipId: 'tw-1' },
        { stationId: 'st-c' },
        { countyId: 'ct-none' },
      ];
      const statusFilters: Filter[] = [{}, { status: 'published' }, { status: 'draft' }];
      const ranges: Filter[] = [
        {},
        { fromDate: '2026-03-02' },
        { toDate: '2026-03-02' },
        { fromDate: '2026-03-02', toDate: '2026-03-03' },
        { fromDate: '2026-03-05', toDate: '2026-03-05' },
        { fromDate: '2026-03-04', toDate: '2026-03-04' },
      ];
      const matches = (d: ReceptionDay, f: Filter) =>
        (f.status === undefined || d.status === f.status) &&
        (f.countyId === undefined || d.countyId === f.countyId) &&
        (f.townshipId === undefined || d.townshipId === f.townshipId) &&
        (f.stationId === undefined || d.stationId === f.stationId) &&
        (f.fromDate === undefined || d.date >= f.fromDate) &&
        (f.toDate === undefined || d.date <= f.toDate);
      for (const scope of scopes) {
        for (const status of statusFilters) {
          for (const range of ranges) {
            const filter = { ...scope, ...status, ...range };
            const expected = ordered(
              rows.filter((d) => matches(d, filter)),
              key,
              'asc',
            );
            for (const size of [1, 3, 100]) {
              const got = await readAll(
                (o) => store.queries(receptionStorage).receptionDays(filter, o),
                key,
                size,
              );
              expect({ filter, size, got }).toEqual({ filter, size, got: expected });
            }
          }
        }
      }
    });

    it('receptionDays(): date bounds are inclusive at both ends', async () => {
      const rows = ['2026-02-28', '2026-03-01', '2026-03-01', '2026-03-02', '2026-03-03'].map((date, i) =>
        aReceptionDay({ id: `rdi-${i}`, date }),
      );
      await seed('receptionDays', rows);
      const ids = async (fromDate?: string, toDate?: string) =>
        (await store.queries(receptionStorage).receptionDays({ fromDate, toDate }, { limit: 100 })).map(
          (d) => d.id,
        );
      expect(await ids('2026-03-01', '2026-03-01')).toEqual(['rdi-1', 'rdi-2']);
      expect(await ids('2026-03-01', '2026-03-02')).toEqual(['rdi-1', 'rdi-2', 'rdi-3']);
      expect(await ids('2026-03-03')).toEqual(['rdi-4']);
      expect(await ids(undefined, '2026-02-28')).toEqual(['rdi-0']);
      expect(await ids('2026-03-02', '2026-03-01')).toEqual([]);
      // A keyset position on the last date of the range still ends inside it.
      const first = await store
        .queries(receptionStorage)
        .receptionDays({ fromDate: '2026-03-01', toDate: '2026-03-01' }, { limit: 1 });
      const rest = await store
        .queries(receptionStorage)
        .receptionDays(
          { fromDate: '2026-03-01', toDate: '2026-03-01' },
          { limit: 100, after: { key: first[0].date, id: first[0].id } },
        );
      expect([...first, ...rest].map((d) => d.id)).toEqual(['rdi-1', 'rdi-2']);
    });

    it('slotsOfDay(): the day’s slots by start time then id, all 48 of a full day', async () => {
      const day = 'day-slots';
      const start = Date.parse('2026-03-10T00:00:00.000Z');
      const slots = Array.from({ length: 48 }, (_, i) =>
        aSlot({
          id: `sl-${String((i * 17) % 48).padStart(2, '0')}`,
          dayId: day,
          // Pairs share a start time, so the id breaks ties.
          startsAt: new Date(start + Math.floor(i / 2) * 15 * 60_000).toISOString(),
          endsAt: new Date(start + (Math.floor(i / 2) + 1) * 15 * 60_000).toISOString(),
          waitlisted: i % 5 ? 0 : i,
        }),
      );
      await seed('slots', [...slots, aSlot({ dayId: 'day-other' })]);
      const got = await store.queries(receptionStorage).slotsOfDay(day);
      expect(got.map((s) => s.id)).toEqual(ordered(slots, (s) => s.startsAt, 'asc'));
      expect(got.find((s) => s.id === slots[5].id)).toEqual(slots[5]);
      expect(await store.queries(receptionStorage).slotsOfDay('day-none')).toEqual([]);
    });

    it('assignmentsOfDay(): the day’s deputies by id', async () => {
      const rows = ['d-3', 'd-1', 'd-2'].map((deputyId, i) =>
        anAssignment({
          dayId: 'day-a',
          deputyId,
          status: (['invited', 'confirmed', 'declined'] as const)[i],
        }),
      );
      await seed('assignments', [...rows, anAssignment({ dayId: 'day-b', deputyId: 'd-1' })]);
      const got = await store.queries(receptionStorage).assignmentsOfDay('day-a');
      expect(got.map((a) => a.id)).toEqual(['day-a:d-1', 'day-a:d-2', 'day-a:d-3']);
      expect(got[0]).toEqual(rows[1]);
    });

    it('assignmentsOfDeputy(): by date then id, inclusive range, paged across ties', async () => {
      const dates = ['2026-04-02', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-02', '2026-04-05'];
      const rows = dates.map((date, i) =>
        anAssignment({ id: `as-${[4, 0, 5, 2, 1, 3][i]}`, dayId: `day-${i}`, deputyId: 'dep-1', date }),
      );
      await seed('assignments', [...rows, anAssignment({ deputyId: 'dep-2', date: '2026-04-02' })]);
      const key = (a: Assignment) => a.date;
      const pick = (f: (a: Assignment) => boolean) => ordered(rows.filter(f), key, 'asc');
      for (const size of [1, 2, 4]) {
        expect(
          await readAll(
            (o) => store.queries(receptionStorage).assignmentsOfDeputy('dep-1', {}, o),
            key,
            size,
          ),
        ).toEqual(pick(() => true));
        expect(
          await readAll(
            (o) =>
              store
                .queries(receptionStorage)
                .assignmentsOfDeputy('dep-1', { fromDate: '2026-04-02', toDate: '2026-04-03' }, o),
            key,
            size,
          ),
        ).toEqual(pick((a) => a.date >= '2026-04-02' && a.date <= '2026-04-03'));
      }
      expect(
        await readAll(
          (o) => store.queries(receptionStorage).assignmentsOfDeputy('dep-1', { fromDate: '2026-04-03' }, o),
          key,
          1,
        ),
      ).toEqual(pick((a) => a.date >= '2026-04-03'));
      expect(
        await readAll(
          (o) => store.queries(receptionStorage).assignmentsOfDeputy('dep-1', { toDate: '2026-04-01' }, o),
          key,
          1,
        ),
      ).toEqual(pick((a) => a.date <= '2026-04-01'));
      expect(await store.queries(receptionStorage).assignmentsOfDeputy('nobody', {}, { limit: 10 })).toEqual(
        [],
      );
    });

    it('bookingsOfDay(): oldest first, ties by id, status filter, paged', async () => {
      const spec: Array<[number, Booking['status'], boolean]> = [
        [3, 'confirmed', false],
        [1, 'waitlisted', false],
        [3, 'confirmed', true],
        [2, 'cancelled', false],
        [3, 'checkedIn', true],
        [1, 'confirmed', false],
        [5, 'noShow', false],
      ];
      const rows = spec.map(([m, status, walkIn], i) =>
        aBooking({
          id: `bk-${[6, 2, 0, 5, 3, 1, 4][i]}`,
          dayId: 'day-1',
          createdAt: at(m),
          status,
          walkIn,
          slotId: walkIn ? null : 'slot-1',
          voterUserId: walkIn ? null : `user-${i}`,
        }),
      );
      await seed('bookings', [...rows, aBooking({ dayId: 'day-2', createdAt: at(0) })]);
      const key = (b: Booking) => b.createdAt;
      const pick = (f: (b: Booking) => boolean) => ordered(rows.filter(f), key, 'asc');
      for (const size of [1, 2, 3]) {
        expect(
          await readAll((o) => store.queries(receptionStorage).bookingsOfDay('day-1', {}, o), key, size),
        ).toEqual(pick(() => true));
        expect(
          await readAll(
            (o) => store.queries(receptionStorage).bookingsOfDay('day-1', { status: 'confirmed' }, o),
            key,
            size,
          ),
        ).toEqual(pick((b) => b.status === 'confirmed'));
      }
      expect(
        await readAll(
          (o) => store.queries(receptionStorage).bookingsOfDay('day-1', { status: 'noShow' }, o),
          key,
          1,
        ),
      ).toEqual(pick((b) => b.status === 'noShow'));
      expect(
        await store.queries(receptionStorage).bookingsOfDay('day-1', { status: 'waitlisted' }, { limit: 10 }),
      ).toEqual([rows[1]]);
    });

    it('bookingsOfVoter(): the voter’s own, newest first, ties by id desc, paged; walk-ins never show', async () => {
      const rows = [4, 1, 4, 2, 4].map((m, i) =>
        aBooking({
          id: `bv-${[1, 4, 3, 0, 2][i]}`,
          dayId: `day-${i}`,
          voterUserId: 'voter-1',
          createdAt: at(m),
          status: i === 3 ? 'cancelled' : 'confirmed',
        }),
      );
      await seed('bookings', [
        ...rows,
        aBooking({ voterUserId: 'voter-2', createdAt: at(3) }),
        aBooking({ voterUserId: null, walkIn: true, slotId: null, createdAt: at(3) }),
      ]);
      const key = (b: Booking) => b.createdAt;
      for (const size of [1, 2, 5]) {
        expect(
          await readAll((o) => store.queries(receptionStorage).bookingsOfVoter('voter-1', o), key, size),
        ).toEqual(ordered(rows, key, 'desc'));
      }
      expect(await store.queries(receptionStorage).bookingsOfVoter('voter-none', { limit: 5 })).toEqual([]);
    });

    it('visitsOfDay(): oldest first, ties by id, paged', async () => {
      const rows = [2, 0, 2, 1, 2].map((m, i) =>
        aVisit({
          id: `vs-${[3, 1, 0, 4, 2][i]}`,
          dayId: 'day-1',
          createdAt: at(m),
          bookingId: i ? null : 'bk-1',
        }),
      );
      await seed('visits', [...rows, aVisit({ dayId: 'day-2' })]);
      const key = (v: Visit) => v.createdAt;
      for (const size of [1, 2, 10]) {
        expect(
          await readAll((o) => store.queries(receptionStorage).visitsOfDay('day-1', o), key, size),
        ).toEqual(ordered(rows, key, 'asc'));
      }
    });
  });

  describe('slot counters', () => {
    const q = () => store.queries(receptionStorage);
    const slotOf = async (id: string) => (await store.get('slots', id))!;

    it('takeSeat: while seats are free and the capacity is the one given; it touches the slot', async () => {
      const slot = aSlot({ capacity: 2, booked: 1 });
      await seed('slots', [slot]);
      expect(await q().takeSeat(slot.id, 3, at(1))).toBe(false); // capacity changed since it was read
      expect(await slotOf(slot.id)).toEqual(slot);
      expect(await q().takeSeat(slot.id, 2, at(2))).toBe(true);
      expect(await slotOf(slot.id)).toEqual({ ...slot, booked: 2, touchedAt: at(2), settled: false });
      expect(await q().takeSeat(slot.id, 2, at(3))).toBe(false); // full
      expect(await q().takeSeat('no-such-slot', 2, at(3))).toBe(false);
      expect(await q().giveSeatBack(slot.id, at(4))).toBe(true);
      expect(await q().giveSeatBack(slot.id, at(5))).toBe(true);
      expect(await q().giveSeatBack(slot.id, at(6))).toBe(false); // never below zero
      expect(await slotOf(slot.id)).toMatchObject({ booked: 0, touchedAt: at(5) });
    });

    it('waitlist places: up to the maximum, given back never below zero; touchSlot marks the slot', async () => {
      const slot = aSlot({ capacity: 1, booked: 1, waitlisted: 1 });
      await seed('slots', [slot]);
      expect(await q().takeWaitlistPlace(slot.id, 2, at(1))).toBe(true);
      expect(await q().takeWaitlistPlace(slot.id, 2, at(2))).toBe(false);
      expect((await slotOf(slot.id)).waitlisted).toBe(2);
      expect(await q().giveWaitlistPlaceBack(slot.id, at(3))).toBe(true);
      expect(await q().giveWaitlistPlaceBack(slot.id, at(4))).toBe(true);
      expect(await q().giveWaitlistPlaceBack(slot.id, at(5))).toBe(false);
      const other = aSlot();
      await seed('slots', [other]);
      expect(await q().touchSlot(other.id, at(7))).toBe(true);
      expect(await slotOf(other.id)).toEqual({ ...other, touchedAt: at(7), settled: false });
    });

    it.each([0, 2])(
      'a burst of 300 on 50 seats and 100 places (latency %i ms on CloudBase): exactly 50 seats, 100 places, 150 refused',
      async (latency) => {
        if (engine.double && latency) engine.double.options.latencyMs = [0, latency];
        const slot = aSlot({ capacity: 50 });
        await seed('slots', [slot]);
        const outcomes = await Promise.all(
          Array.from({ length: 300 }, async (_, i) => {
            if (await q().takeSeat(slot.id, 50, at(i))) return 'seat';
            if (await q().takeWaitlistPlace(slot.id, 100, at(i))) return 'place';
            return 'full';
          }),
        );
        const tally = (o: string) => outcomes.filter((x) => x === o).length;
        expect([tally('seat'), tally('place'), tally('full')]).toEqual([50, 100, 150]);
        expect(await slotOf(slot.id)).toMatchObject({ booked: 50, waitlisted: 100, capacity: 50 });
        if (engine.double) expect(engine.double.stats.conflicts).toBe(0);
      },
    );

    it('a burst of bookings: each takes a place, then writes its booking in a unit of work; counters equal bookings', async () => {
      if (engine.double) engine.double.options.latencyMs = [0, 2];
      const day = aReceptionDay();
      const slot = aSlot({ dayId: day.id, capacity: 20 });
      await seed('receptionDays', [day]);
      await seed('slots', [slot]);
      const book = async (i: number) => {
        let place: Booking['status'];
        if (await q().takeSeat(slot.id, 20, at(1))) place = 'confirmed';
        else if (await q().takeWaitlistPlace(slot.id, 30, at(1))) place = 'waitlisted';
        else return 'full';
        await store.transact(async (tx) => {
          await tx.insert('claims', aClaim({ id: `booking:${day.id}:voter-${i}` }));
          await tx.insert(
            'bookings',
            aBooking({ dayId: day.id, slotId: slot.id, voterUserId: `voter-${i}`, status: place }),
          );
        });
        return place;
      };
      const outcomes = await Promise.all(Array.from({ length: 80 }, (_, i) => book(i)));
      const tally = (o: string) => outcomes.filter((x) => x === o).length;
      expect([tally('confirmed'), tally('waitlisted'), tally('full')]).toEqual([20, 30, 30]);
      expect(await q().slotCounts(slot.id)).toEqual({ seated: 20, waiting: 30 });
      expect(await slotOf(slot.id)).toMatchObject({ booked: 20, waitlisted: 30 });
      if (engine.double) expect(engine.double.stats.conflicts).toBe(0);
    });

    it('a capacity change in a unit of work during a burst: never above either capacity, every seat counted', async () => {
      if (engine.double) engine.double.options.latencyMs = [0, 2];
      const slot = aSlot({ capacity: 30 });
      await seed('slots', [slot]);
      const take = async (i: number) => {
        for (let tries = 0; tries < 8; tries++) {
          const s = await slotOf(slot.id);
          if (s.booked >= s.capacity) return false;
          if (await q().takeSeat(slot.id, s.capacity, at(i))) return true;
        }
        return false;
      };
      const lower = store.transact(async (tx) => {
        const s = (await tx.get('slots', slot.id))!;
        await tx.update('slots', slot.id, { capacity: Math.max(s.booked, 10) });
        return Math.max(s.booked, 10);
      });
      const [taken, capacity] = await Promise.all([
        Promise.all(Array.from({ length: 60 }, (_, i) => take(i))),
        lower,
      ]);
      const s = await slotOf(slot.id);
      expect(s.capacity).toBe(capacity);
      expect(s.booked).toBe(taken.filter(Boolean).length);
      expect(s.booked).toBeLessThanOrEqual(30);
      expect(s.booked).toBe(s.capacity); // 60 voters for at most 30 seats: every seat is taken
    });

    it('waitlistOfSlot / waitlistPosition: a slot’s waitlisted bookings by (createdAt, id), 1-based places', async () => {
      const rows = [
        [2, 'waitlisted', 'w-3'],
        [1, 'waitlisted', 'w-9'],
        [2, 'waitlisted', 'w-1'],
        [1, 'confirmed', 'w-0'],
        [3, 'cancelled', 'w-5'],
        [4, 'waitlisted', 'w-4'],
      ] as const;
      const bookings = rows.map(([m, status, id]) =>
        aBooking({ id, slotId: 'slot-w', createdAt: at(m), status, voterUserId: `v-${id}` }),
      );
      await seed('bookings', [...bookings, aBooking({ slotId: 'slot-other', status: 'waitlisted' })]);
      const key = (b: Booking) => b.createdAt;
      const waiting = bookings.filter((b) => b.status === 'waitlisted');
      for (const size of [1, 2, 10])
        expect(await readAll((o) => q().waitlistOfSlot('slot-w', o), key, size)).toEqual(
          ordered(waiting, key, 'asc'),
        );
      const order = ordered(waiting, key, 'asc');
      for (const b of waiting) expect(await q().waitlistPosition(b)).toBe(order.indexOf(b.id) + 1);
    });

    it('slotCounts / unsettledSlots / settleSlot: seats held and places by status; settled only if untouched', async () => {
      const statuses: Booking['status'][] = [
        'confirmed',
        'checkedIn',
        'noShow',
        'waitlisted',
        'waitlisted',
        'cancelled',
        'confirmed',
      ];
      await seed(
        'bookings',
        statuses.map((status, i) => aBooking({ slotId: 'slot-c', status, voterUserId: `v-${i}` })),
      );
      expect(await q().slotCounts('slot-c')).toEqual({ seated: 4, waiting: 2 });
      expect(await q().slotCounts('slot-none')).toEqual({ seated: 0, waiting: 0 });

      const stray = aSlot({
        id: 'slot-c',
        capacity: 9,
        booked: 5,
        waitlisted: 2,
        touchedAt: at(2),
        settled: false,
      });
      const recent = aSlot({ touchedAt: at(20), settled: false });
      const older = aSlot({ touchedAt: at(1), settled: false });
      const quiet = aSlot({ touchedAt: at(0), settled: true });
      await seed('slots', [stray, recent, older, quiet]);
      expect((await q().unsettledSlots(at(10), 10)).map((s) => s.id)).toEqual([older.id, stray.id]);
      expect((await q().unsettledSlots(at(10), 1)).map((s) => s.id)).toEqual([older.id]);
      // Touched since it was read: not settled.
      expect(await q().settleSlot(stray.id, at(1), { seated: 4, waiting: 2 })).toBe(false);
      expect(await q().settleSlot(stray.id, at(2), { seated: 4, waiting: 2 })).toBe(true);
      expect(await slotOf(stray.id)).toEqual({ ...stray, booked: 4, settled: true });
      expect(await q().settleSlot(stray.id, at(2), { seated: 4, waiting: 2 })).toBe(false);
      expect((await q().unsettledSlots(at(10), 10)).map((s) => s.id)).toEqual([older.id]);
    });
  });
});
