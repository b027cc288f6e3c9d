/**
 * Bad input for every action: wrong types, missing fields, oversize text, bad ID check digits.
 * Each answers INVALID_INPUT (never INTERNAL) and writes nothing.
 */
import { contracts } from '../../cloudfunctions/modules/contracts';
import { VERIFY_CONSENT_VERSION } from '../../cloudfunctions/modules/account/constants';
import { DEMO_UNCLAIMED } from '../../cloudfunctions/modules/account/public';
import { makeWorld, type PersonaName, type World } from './harness';

const long = (n: number) => '字'.repeat(n);
const badCheck = DEMO_UNCLAIMED.idNumber.slice(0, 17) + (DEMO_UNCLAIMED.idNumber[17] === '1' ? '2' : '1');

/** Per action: a caller allowed to call it, and inputs that must all be refused. */
const BAD: Record<string, { who: PersonaName; inputs: unknown[] }> = {
  'account.me': { who: 'voter', inputs: [{ extra: 1 }, 'x', 5] },
  'account.regions': { who: 'voter', inputs: [{ extra: 1 }, []] },
  'account.verify': {
    who: 'newcomer',
    inputs: [
      {},
      {
        name: DEMO_UNCLAIMED.name,
        idNumber: badCheck,
        consent: true,
        consentVersion: VERIFY_CONSENT_VERSION,
      },
      { name: DEMO_UNCLAIMED.name, idNumber: '12345', consent: true, consentVersion: VERIFY_CONSENT_VERSION },
      { name: 123, idNumber: DEMO_UNCLAIMED.idNumber, consent: true, consentVersion: VERIFY_CONSENT_VERSION },
      {
        name: DEMO_UNCLAIMED.name,
        idNumber: DEMO_UNCLAIMED.idNumber,
        consent: 'yes',
        consentVersion: VERIFY_CONSENT_VERSION,
      },
      { name: DEMO_UNCLAIMED.name, idNumber: DEMO_UNCLAIMED.idNumber, consent: true, consentVersion: 'old' },
      {
        name: long(31),
        idNumber: DEMO_UNCLAIMED.idNumber,
        consent: true,
        consentVersion: VERIFY_CONSENT_VERSION,
      },
    ],
  },
  'account.importRegister': {
    who: 'township',
    inputs: [
      {},
      { constituencyId: 'tw-qs-c1' },
      { constituencyId: 'tw-qs-c1', rows: [] },
      { constituencyId: 'tw-qs-c1', rows: 'x' },
      { constituencyId: 'tw-qs', rows: [{ name: '赵一', idNumber: '11010519491231002X' }] },
      {
        constituencyId: 'tw-qs-c1',
        rows: Array.from({ length: 1001 }, () => ({ name: '赵一', idNumber: '11010519491231002X' })),
      },
      { constituencyId: 'tw-qs-c1', file: { name: 'a.exe', contentBase64: 'eA==' } },
      {
        constituencyId: 'tw-qs-c1',
        file: { name: 'a.csv', contentBase64: Buffer.from('a,b\n1,2').toString('base64') },
      },
    ],
  },
  'account.register': {
    who: 'township',
    inputs: [{}, { constituencyId: 7 }, { constituencyId: 'tw-qs-c1', cursor: 'garbage' }],
  },
  'account.conflicts': { who: 'township', inputs: [{ status: 'maybe' }, { cursor: 5 }] },
  'account.resolveConflict': { who: 'township', inputs: [{}, { conflictId: 'x', resolution: 'delete' }] },
  'account.notifications': { who: 'voter', inputs: [{ cursor: 'garbage' }] },
  'account.readNotifications': { who: 'voter', inputs: [{}, { ids: [] }, { ids: Array(21).fill('a') }] },
  'account.dutyRecord': { who: 'deputy', inputs: [{ deputyId: 5 }, { cursor: 'garbage' }] },
  'contact.deputies': { who: 'voter', inputs: [{ constituencyId: 5 }, { cursor: 'garbage' }] },
  'contact.card': { who: 'voter', inputs: [{}, { code: 'x' }, { code: long(40) }, { code: 'ab cd' }] },
  'contact.myCard': { who: 'deputy', inputs: [{ code: 'x' }] },
  'contact.saveDeputy': {
    who: 'township',
    inputs: [
      {},
      { name: '新代表', level: 'mayor', constituencyId: 'tw-qs-c1' },
      { name: '新代表', level: 'township', constituencyId: 'tw-qs' },
      { name: '新代表', level: 'township', constituencyId: 'tw-qs-c1', stationId: 'nope' },
      { name: '新代表', level: 'township', constituencyId: 'tw-qs-c1', photoUrl: 'javascript:alert(1)' },
    ],
  },
  'contact.send': {
    who: 'voter',
    inputs: [
      {},
      { deputyId: 'dep-01' },
      { deputyId: 'dep-01', text: '' },
      { deputyId: 'dep-01', text: '   ' },
      { deputyId: 'dep-01', text: long(1001) },
      { deputyId: 'dep-01', text: 42 },
      { deputyId: 'dep-01', text: '你好', category: '无此类别' },
      { text: '你好' },
      { deputyId: 'dep-01', code: 'DL01ABCD', text: '你好' },
    ],
  },
  'contact.inbox': {
    who: 'deputy',
    inputs: [{ status: 'lost' }, { verifiedOnly: 'yes' }, { cursor: 'garbage' }],
  },
  'contact.myThreads': { who: 'voter', inputs: [{ cursor: 'garbage' }] },
  'contact.thread': {
    who: 'voter',
    inputs: [{}, { threadId: '' }, { threadId: 'th-demo-1', cursor: 'garbage' }],
  },
  'contact.reply': {
    who: 'deputy',
    inputs: [{ threadId: 'th-demo-2' }, { threadId: 'th-demo-2', text: long(1001) }],
  },
  'contact.followUp': {
    who: 'voter',
    inputs: [
      { threadId: 'th-demo-2', text: '' },
      { threadId: ['x'], text: '追问' },
    ],
  },
  'contact.close': {
    who: 'voter',
    inputs: [{ threadId: 'th-demo-2' }, { threadId: 'th-demo-2', outcome: 'meh' }],
  },
  'contact.chase': { who: 'voter', inputs: [{}, { threadId: null }] },
  'contact.held': { who: 'township', inputs: [{ cursor: 'garbage' }] },
  'contact.review': { who: 'township', inputs: [{}, { messageId: 'x', decision: 'burn' }] },
  'reception.createStation': {
    who: 'township',
    inputs: [
      {},
      { townshipId: 'tw-qs', name: 'x', address: '地址' },
      { townshipId: 'tw-qs-c1', name: '新站', address: '地址' },
      { townshipId: 'tw-qs', name: '新站', address: '地址', latitude: 91 },
    ],
  },
  'reception.updateStation': {
    who: 'township',
    inputs: [{ stationId: 'tw-qs-st' }, { stationId: 'tw-qs-st', name: '新站', address: long(101) }],
  },
  'reception.stations': { who: 'voter', inputs: [{ townshipId: 3 }] },
  'reception.createDay': {
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
  'reception.day': { who: 'voter', inputs: [{}, { dayId: '' }] },
  'reception.days': {
    who: 'township',
    inputs: [{ status: 'x' }, { fromDate: 'tomorrow' }, { cursor: 'garbage' }],
  },
  'reception.assignDeputy': {
    who: 'township',
    inputs: [{ dayId: 'rd-draft' }, { dayId: 'rd-draft', deputyId: 5 }],
  },
  'reception.respond': {
    who: 'deputy',
    inputs: [
      { dayId: 'rd-draft', decision: 'maybe' },
      { dayId: 'rd-draft', decision: 'decline' },
    ],
  },
  'reception.publish': { who: 'township', inputs: [{}, { dayId: null }] },
  'reception.updateSlot': {
    who: 'township',
    inputs: [
      { slotId: 'rd-next-01' },
      { slotId: 'rd-next-01', capacity: -1 },
      { slotId: 'rd-next-01', capacity: 201 },
    ],
  },
  'reception.upcoming': { who: 'voter', inputs: [{ cursor: 'garbage' }, { townshipId: [] }] },
  'reception.book': {
    who: 'voter',
    inputs: [
      {},
      { slotId: 'rd-next-01' },
      { slotId: 'rd-next-01', topic: '' },
      { slotId: 'rd-next-01', topic: long(201) },
      { slotId: 7, topic: '养老' },
    ],
  },
  'reception.cancel': { who: 'voter', inputs: [{}, { bookingId: 1 }] },
  'reception.myBookings': { who: 'voter', inputs: [{ cursor: 'garbage' }] },
  'reception.checkIn': {
    who: 'station',
    inputs: [
      { dayId: 'rd-today' },
      { dayId: 'rd-today', code: 'ABC' },
      { dayId: 'rd-today', code: 'ABCDEFG0' },
      { dayId: 'rd-today', code: 'OIOIOIOI' },
    ],
  },
  'reception.walkIn': {
    who: 'station',
    inputs: [
      { dayId: 'rd-today', topic: '医保' },
      { dayId: 'rd-today', visitorName: 'x', topic: '医保' },
    ],
  },
  'reception.dayBookings': { who: 'station', inputs: [{}, { dayId: 'rd-today', status: 'gone' }] },
  'reception.markNoShows': { who: 'station', inputs: [{}] },
  'reception.attend': { who: 'station', inputs: [{ dayId: 'rd-today' }] },
  'reception.recordVisit': {
    who: 'deputy',
    inputs: [
      { dayId: 'rd-today' },
      { dayId: 'rd-today', raised: '' },
      { dayId: 'rd-today', raised: long(2001) },
      { dayId: 'rd-today', raised: '路灯', visitorName: '1' },
    ],
  },
  'reception.visits': { who: 'deputy', inputs: [{}, { dayId: 'rd-today', cursor: 'garbage' }] },
  'reception.myDays': { who: 'deputy', inputs: [{ cursor: 'garbage' }] },
  'reception.stats': {
    who: 'township',
    inputs: [
      {},
      { fromDate: '2026-12-31', toDate: '2026-01-01' },
      { fromDate: '2026/01/01', toDate: '2026-12-31' },
    ],
  },
  'reception.rotation': {
    who: 'township',
    inputs: [{}, { year: 1999 }, { year: '2026' }, { year: 2026, cursor: 'garbage' }],
  },
};

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

it('covers every action', () => {
  const all = Object.entries(contracts).flatMap(([fn, actions]) =>
    Object.keys(actions).map((a) => `${fn}.${a}`),
  );
  expect(Object.keys(BAD).sort()).toEqual(all.sort());
});

describe.each(Object.entries(BAD))('%s', (action, { who, inputs }) => {
  const [fn, name] = action.split('.');
  it.each(inputs.map((input, i) => [i, input]))(
    'bad input #%s → INVALID_INPUT, nothing written',
    async (_i, input) => {
      await w.call(who, 'account', 'me', {}); // make sure the caller exists before the snapshot
      const before = w.fingerprint();
      const r = await w.raw(who, fn, name, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
      expect(w.fingerprint()).toBe(before);
    },
  );
});

describe('malformed envelopes', () => {
  it.each([
    ['no action', { data: {} }],
    ['unknown action', { action: 'dropTables' }],
    ['prototype key as action', { action: 'constructor' }],
    ['bad requestId', { action: 'me', requestId: 'x' }],
  ])('%s → INVALID_INPUT', async (_name, env) => {
    const r = await w.send(null, 'account', env);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
