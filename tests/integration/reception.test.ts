import { runJobs } from '../../cloudfunctions/core/jobs';
import { JOB_STEPS } from '../../cloudfunctions/modules/registry';
import { SETTLE_MS } from '../../cloudfunctions/modules/reception/jobs';
import { receptionQueries } from '../../cloudfunctions/modules/reception/storage';
import { ENGINES, worlds, type EngineName, type World } from './harness';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
let w: World;
describe.each(ENGINES)('on %s', (engine: EngineName) => {
  const fresh = worlds({ engine });
  beforeEach(async () => {
    w = await fresh(); // clock: 2026-11-20 10:00 China time; seeded day rd-today is that day
  });

  /** Office creates a day N days ahead, books 李华 onto it, 李华 confirms, office publishes. */
  async function publishedDay(daysAhead = 5, capacityPerSlot = 2) {
    const date = new Date(w.clock.now().getTime() + 8 * HOUR + daysAhead * DAY).toISOString().slice(0, 10);
    const day = await w.call(
      'township',
      'reception',
      'createDay',
      {
        stationId: 'tw-qs-st',
        date,
        startTime: '14:00',
        endTime: '16:00',
        theme: '老旧小区改造',
        slotMinutes: 30,
        capacityPerSlot,
      },
      'create-day-1',
    );
    expect(day.slots).toHaveLength(4);
    expect(day.status).toBe('draft');
    await w.call('township', 'reception', 'assignDeputy', { dayId: day.dayId, deputyId: 'dep-01' });
    await w.call('deputy', 'reception', 'respond', { dayId: day.dayId, decision: 'confirm' });
    const published = await w.call('township', 'reception', 'publish', { dayId: day.dayId });
    expect(published.deputies).toEqual([expect.objectContaining({ name: '李华', status: 'confirmed' })]);
    return published;
  }

  /** A verified voter other than the persona (bound to a register entry of its own, made up for the test). */
  async function verifiedVoter(n: number) {
    const openid = `voter-${n}`;
    const userId = (await w.call({ openid }, 'account', 'me', {})).userId;
    await w.ports.store.transact((tx) =>
      tx.update('users', userId, { verifiedEntryId: `entry-${n}`, constituencyId: 'tw-qs-c2' }),
    );
    return { openid };
  }

  describe('scheduling', () => {
    it('creates, staffs and publishes a day; voters see it upcoming with the confirmed deputy', async () => {
      const day = await publishedDay();
      const upcoming = await w.call('voter', 'reception', 'upcoming', {});
      expect(upcoming.items.map((d) => d.dayId)).toContain(day.dayId);
      const seen = upcoming.items.find((d) => d.dayId === day.dayId)!;
      expect(seen.deputies.map((d) => d.name)).toEqual(['李华']);
      expect(seen.bookingOpen).toBe(true);
      // A retried create returns the first day.
      const again = await w.call(
        'township',
        'reception',
        'createDay',
        {
          stationId: 'tw-qs-st',
          date: day.date,
          startTime: '14:00',
          endTime: '16:00',
          theme: '老旧小区改造',
          capacityPerSlot: 2,
        },
        'create-day-1',
      );
      expect(again.dayId).toBe(day.dayId);
    });

    it('refuses to publish less than 3 days ahead, or with no confirmed deputy', async () => {
      const soon = await w.call('township', 'reception', 'createDay', {
        stationId: 'tw-qs-st',
        date: '2026-11-22',
        startTime: '09:00',
        endTime: '10:00',
        theme: '测试',
        capacityPerSlot: 3,
      });
      await w.call('township', 'reception', 'assignDeputy', { dayId: soon.dayId, deputyId: 'dep-01' });
      await w.call('deputy', 'reception', 'respond', { dayId: soon.dayId, decision: 'confirm' });
      expect(await w.raw('township', 'reception', 'publish', { dayId: soon.dayId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('3 天') },
      });
      const later = await w.call('township', 'reception', 'createDay', {
        stationId: 'tw-qs-st',
        date: '2026-12-01',
        startTime: '09:00',
        endTime: '10:00',
        theme: '测试',
        capacityPerSlot: 3,
      });
      expect(await w.raw('township', 'reception', 'publish', { dayId: later.dayId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
    });

    it('a deputy declines with a reason; a deputy not booked on a day cannot answer for it', async () => {
      const day = await w.call('township', 'reception', 'createDay', {
        stationId: 'tw-qs-st',
        date: '2026-12-01',
        startTime: '09:00',
        endTime: '10:00',
        theme: '测试',
        capacityPerSlot: 3,
      });
      await w.call('township', 'reception', 'assignDeputy', { dayId: day.dayId, deputyId: 'dep-01' });
      expect(
        await w.raw('deputy', 'reception', 'respond', { dayId: day.dayId, decision: 'decline' }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const declined = await w.call('deputy', 'reception', 'respond', {
        dayId: day.dayId,
        decision: 'decline',
        reason: '当天出差',
      });
      expect(declined.deputies[0]).toMatchObject({ status: 'declined', reason: '当天出差' });
      const other = await w.call('county', 'reception', 'createDay', {
        stationId: 'tw-qs-st',
        date: '2026-12-02',
        startTime: '09:00',
        endTime: '10:00',
        theme: '测试',
        capacityPerSlot: 3,
      });
      const before = w.fingerprint();
      expect(
        await w.raw('deputy', 'reception', 'respond', { dayId: other.dayId, decision: 'confirm' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(w.fingerprint()).toBe(before);
    });

    it('shows the rotation with deputies short of two days a year', async () => {
      const rows = [];
      let cursor: string | undefined;
      do {
        const p = await w.call('county', 'reception', 'rotation', { year: 2026, cursor });
        rows.push(...p.items);
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      expect(rows.find((r) => r.deputyId === 'dep-01')).toMatchObject({ confirmed: 2, short: false });
      expect(rows.filter((r) => r.short).length).toBe(rows.length - 1);
    });
  });

  describe('booking', () => {
    it('books a seat with a readable code; a full slot waitlists; cancelling promotes the earliest at once', async () => {
      const day = await publishedDay(5, 1);
      const slotId = day.slots[0].slotId;
      const first = await w.call('voter', 'reception', 'book', { slotId, topic: '加装电梯' }, 'book-0001');
      expect(first).toMatchObject({ status: 'confirmed', waitlistPosition: null });
      expect(first.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      expect(await w.call('voter', 'reception', 'book', { slotId, topic: '加装电梯' }, 'book-0001')).toEqual(
        first,
      );

      const a = await verifiedVoter(1);
      const b = await verifiedVoter(2);
      expect(await w.call(a, 'reception', 'book', { slotId, topic: '停车难' })).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
      expect(await w.call(b, 'reception', 'book', { slotId, topic: '垃圾分类' })).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 2,
      });

      expect((await w.call(b, 'reception', 'myBookings', {})).items[0]).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 2,
      });
      await w.call('voter', 'reception', 'cancel', { bookingId: first.bookingId });
      const aBookings = await w.call(a, 'reception', 'myBookings', {});
      expect(aBookings.items[0]).toMatchObject({
        status: 'confirmed',
        canCancel: true,
        waitlistPosition: null,
      });
      expect((await w.call(b, 'reception', 'myBookings', {})).items[0]).toMatchObject({
        waitlistPosition: 1,
      });
      expect(aBookings.items[0].qr).toMatch(/^data:image\/png;base64,/);
      expect((await w.call(a, 'account', 'notifications', {})).items[0].kind).toBe('reception.promoted');
      const slot = (await w.call('voter', 'reception', 'day', { dayId: day.dayId })).slots[0];
      expect(slot).toMatchObject({ booked: 1, remaining: 0, waitlisted: 1 });
    });

    it('one active booking per voter per day; booking again after cancelling works', async () => {
      const day = await publishedDay();
      const one = await w.call('voter', 'reception', 'book', { slotId: day.slots[0].slotId, topic: '一' });
      expect(
        await w.raw('voter', 'reception', 'book', { slotId: day.slots[1].slotId, topic: '二' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      await w.call('voter', 'reception', 'cancel', { bookingId: one.bookingId });
      expect(
        (await w.call('voter', 'reception', 'book', { slotId: day.slots[1].slotId, topic: '二' })).status,
      ).toBe('confirmed');
    });

    it('refuses unverified voters, unpublished days, the cut-off, full waitlists — writing nothing', async () => {
      const day = await publishedDay(5, 1);
      const draft = (await w.call('township', 'reception', 'day', { dayId: 'rd-draft' })).slots[0].slotId;
      const before = w.fingerprint();
      expect(
        await w.raw('newcomer', 'reception', 'book', { slotId: day.slots[0].slotId, topic: '问题' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('实名认证') },
      });
      expect(await w.raw('voter', 'reception', 'book', { slotId: draft, topic: '问题' })).toMatchObject({
        ok: false,
        error: { code: 'CLOSED' },
      });
      expect(
        await w.raw('voter', 'reception', 'book', { slotId: 'rd-today-02', topic: '问题' }),
      ).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '预约已截止' } });
      expect(await w.raw('voter', 'reception', 'book', { slotId: 'nope', topic: '问题' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(
        await w.raw('voter', 'reception', 'book', { slotId: day.slots[0].slotId, topic: '代开发票' }),
      ).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
      expect(w.fingerprint()).toBe(before);
      // Someone else's booking cannot be cancelled.
      const mine = await w.call('voter', 'reception', 'book', { slotId: day.slots[0].slotId, topic: '问题' });
      const other = await verifiedVoter(3);
      const snapshot = w.fingerprint();
      expect(await w.raw(other, 'reception', 'cancel', { bookingId: mine.bookingId })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(w.fingerprint()).toBe(snapshot);
    });

    it('answers FULL once the slot and its waitlist are both full', async () => {
      const day = await publishedDay(5, 1);
      const slotId = day.slots[0].slotId;
      await w.ports.store.transact((tx) => tx.update('slots', slotId, { booked: 1, waitlisted: 100 }));
      const before = w.fingerprint();
      expect(await w.raw('voter', 'reception', 'book', { slotId, topic: '问题' })).toMatchObject({
        ok: false,
        error: { code: 'FULL' },
      });
      expect(w.fingerprint()).toBe(before);
    });

    it('capacity cannot drop below seats taken; raising it seats the waitlist', async () => {
      const day = await publishedDay(5, 1);
      const slotId = day.slots[0].slotId;
      await w.call('voter', 'reception', 'book', { slotId, topic: '一' });
      const a = await verifiedVoter(4);
      await w.call(a, 'reception', 'book', { slotId, topic: '二' });
      expect(await w.raw('township', 'reception', 'updateSlot', { slotId, capacity: 0 })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect(await w.call('township', 'reception', 'updateSlot', { slotId, capacity: 3 })).toMatchObject({
        capacity: 3,
        booked: 2,
        waitlisted: 0,
      });
    });

    it('never overbooks: 300 concurrent requests for 50 seats', async () => {
      const day = await publishedDay(5, 50);
      const slotId = day.slots[0].slotId;
      const voters = [];
      for (let i = 0; i < 300; i++) voters.push(await verifiedVoter(100 + i));
      const ready = voters;
      const results = await Promise.all(
        ready.map((v) => w.raw(v, 'reception', 'book', { slotId, topic: '同一时段' })),
      );
      const ok = results.filter((r) => r.ok).map((r) => (r as { data: { status: string } }).data.status);
      expect(ok.filter((s) => s === 'confirmed')).toHaveLength(50);
      expect(ok.filter((s) => s === 'waitlisted')).toHaveLength(Math.min(100, ready.length - 50));
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'FULL')).toBe(true);
      const slot = (await w.call('township', 'reception', 'day', { dayId: day.dayId })).slots[0];
      expect(slot).toMatchObject({ booked: 50, capacity: 50 });
    });
  });

  describe('seats and places', () => {
    const q = () => receptionQueries(w.ports);
    const slotOf = async (id: string) => (await w.ports.store.get('slots', id))!;
    /** The slot's counters and what its bookings say. */
    async function counters(slotId: string) {
      const s = await slotOf(slotId);
      return { booked: s.booked, waitlisted: s.waitlisted, ...(await q().slotCounts(slotId)) };
    }

    it('the same request twice at once books once: the twin gives its seat back', async () => {
      const day = await publishedDay(5, 3);
      const slotId = day.slots[0].slotId;
      const [a, b] = await Promise.all([
        w.call('voter', 'reception', 'book', { slotId, topic: '一' }, 'twin-0001'),
        w.call('voter', 'reception', 'book', { slotId, topic: '一' }, 'twin-0001'),
      ]);
      expect(a).toEqual(b);
      expect(await counters(slotId)).toEqual({ booked: 1, waitlisted: 0, seated: 1, waiting: 0 });
    });

    it('one voter, two slots of a day at once: one booking, one CONFLICT, and the other seat goes back', async () => {
      const day = await publishedDay(5, 1);
      const [s1, s2] = [day.slots[0].slotId, day.slots[1].slotId];
      const results = await Promise.all([
        w.raw('voter', 'reception', 'book', { slotId: s1, topic: '一' }),
        w.raw('voter', 'reception', 'book', { slotId: s2, topic: '二' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(1);
      const c1 = await counters(s1);
      const c2 = await counters(s2);
      expect([c1.booked + c2.booked, c1.seated + c2.seated]).toEqual([1, 1]);
      expect(c1.booked).toBe(c1.seated);
      // The seat that went back is free for someone else.
      const other = await verifiedVoter(7);
      const free = c1.booked ? s2 : s1;
      expect((await w.call(other, 'reception', 'book', { slotId: free, topic: '三' })).status).toBe(
        'confirmed',
      );
    });

    it('cancelling a waitlisted booking gives its place back; the others keep their order', async () => {
      const day = await publishedDay(5, 1);
      const slotId = day.slots[0].slotId;
      await w.call('voter', 'reception', 'book', { slotId, topic: '一' });
      const [a, b, c] = [await verifiedVoter(11), await verifiedVoter(12), await verifiedVoter(13)];
      const ba = await w.call(a, 'reception', 'book', { slotId, topic: '二' });
      await w.call(b, 'reception', 'book', { slotId, topic: '三' });
      w.clock.advance(1000);
      await w.call(c, 'reception', 'book', { slotId, topic: '四' });
      await w.call(a, 'reception', 'cancel', { bookingId: ba.bookingId });
      expect(await counters(slotId)).toEqual({ booked: 1, waitlisted: 2, seated: 1, waiting: 2 });
      expect((await w.call(b, 'reception', 'myBookings', {})).items[0].waitlistPosition).toBe(1);
      expect((await w.call(c, 'reception', 'myBookings', {})).items[0].waitlistPosition).toBe(2);
    });

    it('cancellations and bookings at once: the counters end equal to the bookings, no seat free while anyone waits', async () => {
      const day = await publishedDay(5, 5);
      const slotId = day.slots[0].slotId;
      const voters: { openid: string }[] = [];
      for (let i = 0; i < 30; i++) voters.push(await verifiedVoter(200 + i));
      const first = await Promise.all(
        voters.slice(0, 15).map((v) => w.call(v, 'reception', 'book', { slotId, topic: '先' })),
      );
      await Promise.all([
        ...first
          .slice(0, 8)
          .map((b, i) => w.call(voters[i], 'reception', 'cancel', { bookingId: b.bookingId })),
        ...voters.slice(15).map((v) => w.raw(v, 'reception', 'book', { slotId, topic: '后' })),
      ]);
      const c = await counters(slotId);
      expect(c.booked).toBe(c.seated);
      expect(c.waitlisted).toBe(c.waiting);
      expect(c.seated).toBe(5); // 22 active bookings for 5 seats
      expect(c.waiting).toBe(17);
    });

    it('the timer recounts a slot left wrong by a request that died, once nothing can be under way on it', async () => {
      const day = await publishedDay(5, 2);
      const slotId = day.slots[0].slotId;
      await w.call('voter', 'reception', 'book', { slotId, topic: '一' });
      const waiting = await verifiedVoter(31);
      // A request took the last seat and died before writing its booking.
      expect(await q().takeSeat(slotId, 2, w.clock.now().toISOString())).toBe(true);
      expect((await w.call(waiting, 'reception', 'book', { slotId, topic: '二' })).status).toBe('waitlisted');
      expect(await counters(slotId)).toEqual({ booked: 2, waitlisted: 1, seated: 1, waiting: 1 });
      // Nothing happens while a request could still be under way on the slot.
      w.clock.advance(SETTLE_MS - 60_000);
      expect((await runJobs(w.ports, JOB_STEPS)).receptionSeats).toBe(0);
      expect((await slotOf(slotId)).booked).toBe(2);
      w.clock.advance(2 * 60_000);
      expect((await runJobs(w.ports, JOB_STEPS)).receptionSeats).toBe(1);
      // The seat found free went to the waitlist.
      expect(await counters(slotId)).toEqual({ booked: 2, waitlisted: 0, seated: 2, waiting: 0 });
      expect((await w.call(waiting, 'reception', 'myBookings', {})).items[0].status).toBe('confirmed');
      // Settled: the next runs find nothing, and a slot whose counters agree is settled without a change.
      w.clock.advance(SETTLE_MS + 1000);
      expect((await runJobs(w.ports, JOB_STEPS)).receptionSeats).toBe(0);
      expect((await slotOf(slotId)).settled).toBe(true);
    });
  });

  describe('on the day', () => {
    it('staff check a code in once; unknown and reused codes are refused; walk-ins are recorded', async () => {
      const mine = await w.call('voter', 'reception', 'myBookings', {});
      const code = mine.items.find((b) => b.dayId === 'rd-today')!.code;
      const checked = await w.call('station', 'reception', 'checkIn', {
        dayId: 'rd-today',
        code: code.toLowerCase(),
      });
      expect(checked).toMatchObject({ status: 'checkedIn', visitorName: '王*明' });
      expect(await w.raw('station', 'reception', 'checkIn', { dayId: 'rd-today', code })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: '该预约码已签到' },
      });
      expect(
        await w.raw('station', 'reception', 'checkIn', { dayId: 'rd-today', code: 'ABCDEFGH' }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const walk = await w.call('station', 'reception', 'walkIn', {
        dayId: 'rd-today',
        visitorName: '刘大爷',
        topic: '医保报销',
      });
      expect(walk).toMatchObject({ walkIn: true, status: 'checkedIn', visitorName: '刘*爷' });
      // Not on another day.
      expect(await w.raw('station', 'reception', 'checkIn', { dayId: 'rd-next', code })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
    });

    it('the deputy attends and records visits; both land in the duty record', async () => {
      const booking = (await w.call('deputy', 'reception', 'dayBookings', { dayId: 'rd-today' })).items[0];
      await w.call('station', 'reception', 'checkIn', { dayId: 'rd-today', code: booking.code });
      await w.call('station', 'reception', 'attend', { dayId: 'rd-today', deputyId: 'dep-01' });
      expect(
        await w.raw('station', 'reception', 'attend', { dayId: 'rd-today', deputyId: 'dep-01' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const visit = await w.call('deputy', 'reception', 'recordVisit', {
        dayId: 'rd-today',
        bookingId: booking.bookingId,
        raised: '村口路灯坏了三盏',
        promised: '一周内联系城建办维修并回复',
      });
      expect(visit).toMatchObject({ visitorName: '王*明', deputyName: '李华' });
      const staffVisit = await w.call('station', 'reception', 'recordVisit', {
        dayId: 'rd-today',
        deputyId: 'dep-01',
        visitorName: '刘大爷',
        raised: '医保报销慢',
      });
      expect(staffVisit.visitorName).toBe('刘*爷');
      const record = await w.call('deputy', 'account', 'dutyRecord', {});
      expect(
        record.items
          .slice(0, 3)
          .map((a) => a.type)
          .sort(),
      ).toEqual(['reception.attend', 'reception.visit', 'reception.visit']);
      const days = await w.call('deputy', 'reception', 'myDays', {});
      expect(days.items.find((d) => d.day.dayId === 'rd-today')).toMatchObject({
        status: 'confirmed',
        visitors: 2,
      });
    });

    it('after the day, no-shows are marked and the figures show it', async () => {
      const day = await publishedDay(5, 2);
      await w.call('voter', 'reception', 'book', { slotId: day.slots[0].slotId, topic: '一' });
      const a = await verifiedVoter(5);
      const booked = await w.call(a, 'reception', 'book', { slotId: day.slots[0].slotId, topic: '二' });
      expect(await w.raw('township', 'reception', 'markNoShows', { dayId: day.dayId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      w.clock.advance(5 * DAY);
      await w.call('station', 'reception', 'checkIn', { dayId: day.dayId, code: booked.code });
      w.clock.advance(DAY);
      expect((await runJobs(w.ports, JOB_STEPS)).receptionNoShows).toBeGreaterThanOrEqual(1);
      const stats = await w.call('township', 'reception', 'stats', { fromDate: day.date, toDate: day.date });
      expect(stats.days[0]).toMatchObject({
        booked: 2,
        checkedIn: 1,
        noShows: 1,
        checkInRate: 0.5,
        capacity: 8,
      });
      expect(stats.stations[0]).toMatchObject({
        stationName: '青石镇人大代表之家',
        days: 1,
        checkInRate: 0.5,
      });
    });

    it('the timer reminds booked voters and confirmed deputies the day before, once', async () => {
      w.clock.advance(6 * DAY); // the day before rd-next
      const first = await runJobs(w.ports, JOB_STEPS);
      expect(first.receptionReminders).toBe(1); // 李华; nobody booked rd-next yet
      expect((await runJobs(w.ports, JOB_STEPS)).receptionReminders).toBe(0);
      expect((await w.call('deputy', 'account', 'notifications', {})).items[0].kind).toBe(
        'reception.reminder',
      );
    });
  });
});
