/**
 * Reception after the first week of use (issue 9), on both engines: notifications name dates as people say
 * them, overlapping days are refused at a station and for a deputy, a visit record marks its deputy present,
 * 到场 only on the day itself, the voter reads what was promised and the slot's end, and a mistyped booking
 * code is told what a code never contains.
 */
import { CODE_ALPHABET } from '../../cloudfunctions/adapters/local/ids';
import { runJobs } from '../../cloudfunctions/core/jobs';
import { addDays, chinaInstant, dateLabel } from '../../cloudfunctions/core/time';
import { JOB_STEPS } from '../../cloudfunctions/modules/registry';
import { ENGINES, worlds, type EngineName, type World } from './harness';

const DAY = 86400_000;
const TODAY = '2026-11-20'; // the worlds' clock: 2026-11-20 10:00 China time; rd-today is that day
const NEXT = addDays(TODAY, 7); // rd-next: 09:00–11:00 at 青石镇人大代表之家, 李华 confirmed
const RAW_DATE = /\d{4}-\d{2}-\d{2}/;

let w: World;
describe.each(ENGINES)('on %s', (engine: EngineName) => {
  const fresh = worlds({ engine });
  beforeEach(async () => {
    w = await fresh();
  });

  const dayAt = (stationId: string, date: string, startTime: string, endTime: string, theme = '测试') => ({
    stationId,
    date,
    startTime,
    endTime,
    theme,
    capacityPerSlot: 2,
  });
  const bodies = async (who: 'deputy' | 'voter' | { openid: string }) =>
    (await w.call(who, 'account', 'notifications', {})).items.map((n) => `${n.kind} ${n.body}`);

  describe('notifications name the date as people say it', () => {
    it('invited, published, reminded: a date label and the hours, never 2026-11-27', async () => {
      const date = addDays(TODAY, 5);
      const day = await w.call(
        'township',
        'reception',
        'createDay',
        dayAt('tw-qs-st', date, '14:00', '16:00'),
      );
      await w.call('township', 'reception', 'assignDeputy', { dayId: day.dayId, deputyId: 'dep-01' });
      await w.call('deputy', 'reception', 'respond', { dayId: day.dayId, decision: 'confirm' });
      await w.call('township', 'reception', 'publish', { dayId: day.dayId });
      const booked = await w.call('voter', 'reception', 'book', {
        slotId: day.slots[1].slotId,
        topic: '路灯',
      });
      w.clock.advance(4 * DAY); // the day before
      expect((await runJobs(w.ports, JOB_STEPS)).receptionReminders).toBe(2);

      const label = dateLabel(date, w.clock.now());
      const deputy = (await bodies('deputy')).filter((b) => b.startsWith('reception.'));
      expect(deputy).toEqual(
        expect.arrayContaining([
          `reception.invited ${label} 14:00–16:00 青石镇人大代表之家：测试`,
          `reception.published ${label} 14:00–16:00 青石镇人大代表之家`,
          `reception.reminder ${label} 14:00–16:00 青石镇人大代表之家：测试`,
        ]),
      );
      // The voter is reminded of their own slot's hours.
      expect(await bodies('voter')).toContain(
        `reception.reminder ${label} 14:30–15:00 青石镇人大代表之家，预约码 ${booked.code}`,
      );
      for (const b of [...deputy, ...(await bodies('voter'))]) expect(b).not.toMatch(RAW_DATE);
    });

    it('a waitlisted voter promoted is told the slot: date label and hours', async () => {
      const slotId = 'rd-next-03'; // 10:00–10:30
      await w.ports.store.transact((tx) => tx.update('slots', slotId, { capacity: 1 }));
      const first = await w.call('voter', 'reception', 'book', { slotId, topic: '一' });
      const other = { openid: 'voter-promoted' };
      const userId = (await w.call(other, 'account', 'me', {})).userId;
      await w.ports.store.transact((tx) =>
        tx.update('users', userId, { verifiedEntryId: 'entry-promoted', constituencyId: 'tw-qs-c2' }),
      );
      expect((await w.call(other, 'reception', 'book', { slotId, topic: '二' })).status).toBe('waitlisted');
      await w.call('voter', 'reception', 'cancel', { bookingId: first.bookingId });
      const [promoted] = await bodies(other);
      expect(promoted).toMatch(
        new RegExp(
          `^reception\\.promoted ${dateLabel(NEXT, w.clock.now())} 10:00–10:30，预约码 [A-Z2-9]{8}$`,
        ),
      );
    });
  });

  describe('overlapping days', () => {
    it('a day overlapping another at the same station is refused, naming it; touching or elsewhere is fine', async () => {
      const before = w.fingerprint();
      const refused = await w.raw(
        'township',
        'reception',
        'createDay',
        dayAt('tw-qs-st', NEXT, '10:30', '12:00'),
      );
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringContaining(`${dateLabel(NEXT, w.clock.now())} 09:00–11:00`),
        },
      });
      expect(!refused.ok && refused.error.message).toContain('养老服务与医疗保障');
      expect(w.fingerprint()).toBe(before);
      // Inside it, and around it, too.
      for (const [from, to] of [
        ['09:30', '10:00'],
        ['08:00', '12:00'],
      ]) {
        expect(
          await w.raw('township', 'reception', 'createDay', dayAt('tw-qs-st', NEXT, from, to)),
        ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      }
      // Right after it ends, and at another station, are not overlaps.
      await w.call('township', 'reception', 'createDay', dayAt('tw-qs-st', NEXT, '11:00', '12:00'));
      await w.call('county', 'reception', 'createDay', dayAt('tw-lx-st', NEXT, '09:00', '11:00'));
      // A retried create still answers its first day, not a refusal of itself.
      const a = await w.call(
        'township',
        'reception',
        'createDay',
        dayAt('tw-qs-st', NEXT, '14:00', '15:00'),
        'rq-overlap-1',
      );
      const again = await w.call(
        'township',
        'reception',
        'createDay',
        dayAt('tw-qs-st', NEXT, '14:00', '15:00'),
        'rq-overlap-1',
      );
      expect(again.dayId).toBe(a.dayId);
    });

    it('two overlapping days created at once: one lands, the other is refused', async () => {
      const date = addDays(TODAY, 9);
      const results = await Promise.all([
        w.raw('township', 'reception', 'createDay', dayAt('tw-qs-st', date, '09:00', '11:00', '甲方案')),
        w.raw('county', 'reception', 'createDay', dayAt('tw-qs-st', date, '10:00', '12:00', '乙方案')),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(1);
      const days = await w.call('county', 'reception', 'days', { fromDate: date });
      expect(days.items.filter((d) => d.date === date)).toHaveLength(1);
    });

    it('a deputy cannot confirm a day overlapping one they have confirmed; declining, or a later hour, is fine', async () => {
      const clash = await w.call(
        'county',
        'reception',
        'createDay',
        dayAt('tw-lx-st', NEXT, '10:00', '12:00'),
      );
      const later = await w.call(
        'county',
        'reception',
        'createDay',
        dayAt('tw-lx-st', NEXT, '14:00', '16:00'),
      );
      for (const d of [clash, later])
        await w.call('county', 'reception', 'assignDeputy', { dayId: d.dayId, deputyId: 'dep-01' });
      const before = w.fingerprint();
      const refused = await w.raw('deputy', 'reception', 'respond', {
        dayId: clash.dayId,
        decision: 'confirm',
      });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringContaining(
            `${dateLabel(NEXT, w.clock.now())} 09:00–11:00 青石镇人大代表之家`,
          ),
        },
      });
      expect(w.fingerprint()).toBe(before);
      const declined = await w.call('deputy', 'reception', 'respond', {
        dayId: clash.dayId,
        decision: 'decline',
        reason: '同一时间在青石镇接待',
      });
      expect(declined.deputies[0].status).toBe('declined');
      const confirmed = await w.call('deputy', 'reception', 'respond', {
        dayId: later.dayId,
        decision: 'confirm',
      });
      expect(confirmed.deputies[0].status).toBe('confirmed');
    });
  });

  describe('present (到场)', () => {
    const rotationOf = async (deputyId: string) => {
      for (let cursor: string | undefined; ;) {
        const p = await w.call('township', 'reception', 'rotation', { year: 2026, cursor });
        const row = p.items.find((r) => r.deputyId === deputyId);
        if (row || !p.nextCursor) return row;
        cursor = p.nextCursor;
      }
    };

    it('a visit recorded marks its deputy present, once, in the statistics and the duty record', async () => {
      expect((await rotationOf('dep-01'))?.attended).toBe(0);
      await w.call('deputy', 'reception', 'recordVisit', { dayId: 'rd-today', raised: '村口路灯坏了' });
      expect((await rotationOf('dep-01'))?.attended).toBe(1);
      const day = await w.call('station', 'reception', 'day', { dayId: 'rd-today' });
      expect(day.deputies.find((d) => d.deputyId === 'dep-01')?.attended).toBe(true);
      // A second visit, and 到场 afterwards, add nothing.
      await w.call('station', 'reception', 'recordVisit', {
        dayId: 'rd-today',
        deputyId: 'dep-01',
        raised: '医保报销慢',
      });
      expect(
        await w.raw('station', 'reception', 'attend', { dayId: 'rd-today', deputyId: 'dep-01' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已登记到场' } });
      const types = (await w.call('deputy', 'account', 'dutyRecord', {})).items.map((a) => a.type);
      expect(types.filter((t) => t === 'reception.attend')).toHaveLength(1);
      expect(types.filter((t) => t === 'reception.visit')).toHaveLength(2);
    });

    it('到场 and visit records are refused before the day, saying so', async () => {
      const before = w.fingerprint();
      expect(
        await w.raw('station', 'reception', 'attend', { dayId: 'rd-next', deputyId: 'dep-01' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: `只能在接待日当天（${dateLabel(NEXT, w.clock.now())}）办理` },
      });
      expect(
        await w.raw('deputy', 'reception', 'recordVisit', { dayId: 'rd-next', raised: '提前记录' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('当天') } });
      expect(w.fingerprint()).toBe(before);
      // On the day itself it works.
      w.clock.advance(7 * DAY);
      const day = await w.call('station', 'reception', 'attend', { dayId: 'rd-next', deputyId: 'dep-01' });
      expect(day.deputies[0].attended).toBe(true);
    });
  });

  describe('我的预约', () => {
    it('shows the slot from start to end, and what the deputy promised — not what was written of the visit', async () => {
      const mine = async () =>
        (await w.call('voter', 'reception', 'myBookings', {})).items.find((b) => b.dayId === 'rd-today')!;
      const booking = await mine();
      expect(booking).toMatchObject({
        slotStartsAt: chinaInstant(TODAY, '09:00'),
        slotEndsAt: chinaInstant(TODAY, '09:30'),
        promises: [],
      });
      await w.call('station', 'reception', 'checkIn', { dayId: 'rd-today', code: booking.code });
      const raised = '村口路灯坏了三盏，王小明家门口最暗';
      await w.call('deputy', 'reception', 'recordVisit', {
        dayId: 'rd-today',
        bookingId: booking.bookingId,
        raised,
        promised: '一周内联系城建办维修并回复',
      });
      // A second record of the visit that promised nothing adds nothing.
      await w.call('station', 'reception', 'recordVisit', {
        dayId: 'rd-today',
        bookingId: booking.bookingId,
        deputyId: 'dep-01',
        raised: '补充：路段在村委会东侧',
      });
      const after = await mine();
      expect(after.promises).toEqual([
        {
          deputyName: '李华',
          promised: '一周内联系城建办维修并回复',
          recordedAt: w.clock.now().toISOString(),
        },
      ]);
      const shown = JSON.stringify(after);
      expect(shown).not.toContain(raised);
      expect(shown).not.toContain('村委会东侧');
      expect(shown).not.toContain(w.userId('station'));
    });
  });

  describe('booking codes', () => {
    it('a code with O, I, 0 or 1 is told that codes never contain them', async () => {
      // What the message says is what the alphabet leaves out.
      const missing = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'].filter((c) => !CODE_ALPHABET.includes(c));
      expect(missing.sort()).toEqual(['0', '1', 'I', 'O']);
      const refused = await w.raw('station', 'reception', 'checkIn', { dayId: 'rd-today', code: 'O0I1ABCD' });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { code: '预约码不含字母 O、I 和数字 0、1，请核对' } },
      });
      expect(
        await w.raw('station', 'reception', 'checkIn', { dayId: 'rd-today', code: 'K7PX3QM' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { code: '预约码是 8 位字母或数字，请核对' } },
      });
    });
  });
});
