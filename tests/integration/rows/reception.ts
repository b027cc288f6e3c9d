/** The reception module's rows of the authorization and bad-input matrices. */
import { CALLERS, long, ok, OFFICE, SIGNED_IN, type AuthorizationCase, type BadInputCase } from './types';

const DAY = 86400_000;

export const authorization: Record<string, AuthorizationCase> = {
  createStation: {
    allowed: ok(...OFFICE),
    input: () => ({ townshipId: 'tw-qs', name: '新联络站', address: '青石镇新街 2 号' }),
  },
  updateStation: {
    allowed: ok(...OFFICE),
    input: () => ({ stationId: 'tw-qs-st', name: '青石镇人大代表之家', address: '新址' }),
  },
  stations: { allowed: ok(...CALLERS), input: () => ({}) },
  createDay: {
    allowed: ok(...OFFICE),
    input: () => ({
      stationId: 'tw-qs-st',
      date: '2026-12-01',
      startTime: '09:00',
      endTime: '10:00',
      theme: '测试',
      capacityPerSlot: 3,
    }),
  },
  // A draft day: only its own deputy, its station's staff and office staff over it may see it.
  day: { allowed: ok('deputy', 'station', ...OFFICE), input: () => ({ dayId: 'rd-draft' }) },
  days: { allowed: ok('station', ...OFFICE, 'otherTownship'), input: () => ({}) },
  assignDeputy: { allowed: ok(...OFFICE), input: () => ({ dayId: 'rd-draft', deputyId: 'dep-02' }) },
  respond: { allowed: ok('deputy'), input: () => ({ dayId: 'rd-draft', decision: 'confirm' }) },
  publish: {
    allowed: ok(...OFFICE),
    input: async (w) => {
      await w.call('deputy', 'reception', 'respond', { dayId: 'rd-draft', decision: 'confirm' });
      return { dayId: 'rd-draft' };
    },
  },
  updateSlot: { allowed: ok(...OFFICE), input: () => ({ slotId: 'rd-next-02', capacity: 6 }) },
  upcoming: { allowed: ok(...CALLERS), input: () => ({}) },
  book: { allowed: ok('voter'), input: () => ({ slotId: 'rd-next-01', topic: '养老' }) },
  cancel: {
    allowed: ok('voter'),
    input: async (w) => ({
      bookingId: (
        await w.call('voter', 'reception', 'book', { slotId: 'rd-next-02', topic: '养老' }, 'matrix-book-1')
      ).bookingId,
    }),
  },
  myBookings: { allowed: ok(...SIGNED_IN), input: () => ({}) },
  checkIn: {
    // 王小明's own code for today's day.
    allowed: ok('station', ...OFFICE),
    input: async (w) => ({
      dayId: 'rd-today',
      code: (await w.ports.store.get('bookings', 'bk-demo-1'))!.code,
    }),
  },
  walkIn: {
    allowed: ok('station', ...OFFICE),
    input: () => ({ dayId: 'rd-today', visitorName: '刘大爷', topic: '医保' }),
  },
  dayBookings: { allowed: ok('deputy', 'station', ...OFFICE), input: () => ({ dayId: 'rd-today' }) },
  markNoShows: {
    // The day after today's reception day.
    allowed: ok('station', ...OFFICE),
    input: (w) => {
      w.clock.advance(DAY);
      return { dayId: 'rd-today' };
    },
  },
  attend: { allowed: ok('station', ...OFFICE), input: () => ({ dayId: 'rd-today', deputyId: 'dep-01' }) },
  recordVisit: {
    allowed: ok('deputy', 'station', ...OFFICE),
    input: () => ({ dayId: 'rd-today', deputyId: 'dep-01', raised: '路灯' }),
  },
  visits: { allowed: ok('deputy', 'station', ...OFFICE), input: () => ({ dayId: 'rd-today' }) },
  myDays: { allowed: ok('deputy', 'otherDeputy'), input: () => ({}) },
  stats: {
    allowed: ok(...OFFICE, 'otherTownship'),
    input: () => ({ fromDate: '2026-11-01', toDate: '2026-12-31' }),
  },
  rotation: { allowed: ok(...OFFICE, 'otherTownship'), input: () => ({ year: 2026 }) },
};

export const badInput: Record<string, BadInputCase> = {
  createStation: {
    who: 'township',
    inputs: [
      {},
      { townshipId: 'tw-qs', name: 'x', address: '地址' },
      { townshipId: 'tw-qs-c1', name: '新站', address: '地址' },
      { townshipId: 'tw-qs', name: '新站', address: '地址', latitude: 91 },
      { townshipId: 'tw-qs', name: '新站', address: '地址', latitude: 30.5 },
    ],
  },
  updateStation: {
    who: 'township',
    inputs: [{ stationId: 'tw-qs-st' }, { stationId: 'tw-qs-st', name: '新站', address: long(101) }],
  },
  stations: { who: 'voter', inputs: [{ townshipId: 3 }] },
  createDay: {
    who: 'township',
    inputs: [
      {},
      {
        stationId: 'tw-qs-st',
        date: '2026-02-30',
        startTime: '09:00',
        endTime: '10:00',
        theme: '测试',
        capacityPerSlot: 3,
      },
      {
        stationId: 'tw-qs-st',
        date: '2026-11-01',
        startTime: '09:00',
        endTime: '10:00',
        theme: '测试',
        capacityPerSlot: 3,
      },
      {
        stationId: 'tw-qs-st',
        date: '2026-12-01',
        startTime: '10:00',
        endTime: '09:00',
        theme: '测试',
        capacityPerSlot: 3,
      },
      {
        stationId: 'tw-qs-st',
        date: '2026-12-01',
        startTime: '9:00',
        endTime: '10:00',
        theme: '测试',
        capacityPerSlot: 3,
      },
      {
        stationId: 'tw-qs-st',
        date: '2026-12-01',
        startTime: '09:00',
        endTime: '09:20',
        theme: '测试',
        capacityPerSlot: 3,
      },
      {
        stationId: 'tw-qs-st',
        date: '2026-12-01',
        startTime: '09:00',
        endTime: '10:00',
        theme: '测试',
        capacityPerSlot: 0,
      },
      {
        stationId: 'tw-qs-st',
        date: '2026-12-01',
        startTime: '09:00',
        endTime: '10:00',
        theme: '测试',
        capacityPerSlot: 2.5,
      },
    ],
  },
  day: { who: 'voter', inputs: [{}, { dayId: '' }] },
  days: {
    who: 'township',
    inputs: [{ status: 'x' }, { fromDate: 'tomorrow' }, { cursor: 'garbage' }],
  },
  assignDeputy: {
    who: 'township',
    inputs: [{ dayId: 'rd-draft' }, { dayId: 'rd-draft', deputyId: 5 }],
  },
  respond: {
    who: 'deputy',
    inputs: [
      { dayId: 'rd-draft', decision: 'maybe' },
      { dayId: 'rd-draft', decision: 'decline' },
    ],
  },
  publish: { who: 'township', inputs: [{}, { dayId: null }] },
  updateSlot: {
    who: 'township',
    inputs: [
      { slotId: 'rd-next-01' },
      { slotId: 'rd-next-01', capacity: -1 },
      { slotId: 'rd-next-01', capacity: 201 },
    ],
  },
  upcoming: { who: 'voter', inputs: [{ cursor: 'garbage' }, { townshipId: [] }] },
  book: {
    who: 'voter',
    inputs: [
      {},
      { slotId: 'rd-next-01' },
      { slotId: 'rd-next-01', topic: '' },
      { slotId: 'rd-next-01', topic: long(201) },
      { slotId: 7, topic: '养老' },
    ],
  },
  cancel: { who: 'voter', inputs: [{}, { bookingId: 1 }] },
  myBookings: { who: 'voter', inputs: [{ cursor: 'garbage' }] },
  checkIn: {
    who: 'station',
    inputs: [
      { dayId: 'rd-today' },
      { dayId: 'rd-today', code: 'ABC' },
      { dayId: 'rd-today', code: 'ABCDEFG0' },
      { dayId: 'rd-today', code: 'OIOIOIOI' },
    ],
  },
  walkIn: {
    who: 'station',
    inputs: [
      { dayId: 'rd-today', topic: '医保' },
      { dayId: 'rd-today', visitorName: 'x', topic: '医保' },
    ],
  },
  dayBookings: { who: 'station', inputs: [{}, { dayId: 'rd-today', status: 'gone' }] },
  markNoShows: { who: 'station', inputs: [{}] },
  attend: { who: 'station', inputs: [{ dayId: 'rd-today' }] },
  recordVisit: {
    who: 'deputy',
    inputs: [
      { dayId: 'rd-today' },
      { dayId: 'rd-today', raised: '' },
      { dayId: 'rd-today', raised: long(2001) },
      { dayId: 'rd-today', raised: '路灯', visitorName: '1' },
    ],
  },
  visits: { who: 'deputy', inputs: [{}, { dayId: 'rd-today', cursor: 'garbage' }] },
  myDays: { who: 'deputy', inputs: [{ cursor: 'garbage' }] },
  stats: {
    who: 'township',
    inputs: [
      {},
      { fromDate: '2026-12-31', toDate: '2026-01-01' },
      { fromDate: '2026/01/01', toDate: '2026-12-31' },
    ],
  },
  rotation: {
    who: 'township',
    inputs: [{}, { year: 1999 }, { year: '2026' }, { year: 2026, cursor: 'garbage' }],
  },
};
