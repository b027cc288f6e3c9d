/**
 * The authorization matrix: every action × every role, in and out of scope, through the real handlers.
 * "Allowed" means the policy let the call through (it may still fail for a state reason, e.g. CONFLICT);
 * "denied" means UNAUTHENTICATED for an anonymous caller and FORBIDDEN for anyone else.
 */
import { FUNCTION_MODULES } from '../../cloudfunctions/modules/registry';
import { VERIFY_CONSENT_VERSION } from '../../cloudfunctions/modules/account/constants';
import { userIdFor } from '../../cloudfunctions/modules/shared/public';
import { DEMO_UNCLAIMED, DEMO_VOTER } from '../../cloudfunctions/modules/account/public';
import { makeWorld, type Who, type World } from './harness';

const WHO = [
  'anonymous',
  'voter',
  'newcomer',
  'deputy',
  'otherDeputy',
  'station',
  'township',
  'otherTownship',
  'county',
] as const;
type W = (typeof WHO)[number];

/** Two extra callers out of the demo deputy's scope: another township's office and another township's deputy. */
async function world(): Promise<World> {
  const w = await makeWorld();
  await w.call('county', 'contact', 'saveDeputy', {
    deputyId: 'dep-12',
    name: '外乡代表',
    level: 'township',
    constituencyId: 'tw-lx-c2',
    userId: (await w.call({ openid: 'other-deputy' }, 'account', 'me', {})).userId,
  });
  const other = userIdFor('other-township');
  await w.call({ openid: 'other-township' }, 'account', 'me', {});
  await w.ports.store.transact((tx) =>
    tx.insert('roleGrants', {
      id: `${other}:townshipOffice:tw-lx`,
      userId: other,
      role: 'townshipOffice',
      scopeKind: 'township',
      scopeId: 'tw-lx',
    }),
  );
  return w;
}
const as = (who: W): Who =>
  who === 'anonymous'
    ? null
    : who === 'otherDeputy'
      ? { openid: 'other-deputy' }
      : who === 'otherTownship'
        ? { openid: 'other-township' }
        : who;

const signedIn: W[] = WHO.filter((x) => x !== 'anonymous');
const office: W[] = ['township', 'county'];
const consent = { consent: true, consentVersion: VERIFY_CONSENT_VERSION };

/** For each action: input for a subject in the demo deputy's township (青石镇), and who may act on it. */
const CASES: Record<string, { allowed: W[]; input: (w: World) => Promise<unknown> | unknown }> = {
  'account.me': { allowed: signedIn, input: () => ({}) },
  'account.regions': { allowed: [...WHO], input: () => ({}) },
  'account.verify': {
    allowed: signedIn,
    input: () => ({ name: DEMO_UNCLAIMED.name, idNumber: DEMO_UNCLAIMED.idNumber, ...consent }),
  },
  'account.importRegister': {
    allowed: office,
    input: () => ({ constituencyId: 'tw-qs-c1', rows: [{ name: '赵一', idNumber: '11010519491231002X' }] }),
  },
  'account.register': { allowed: office, input: () => ({ constituencyId: 'tw-qs-c1' }) },
  'account.conflicts': { allowed: [...office, 'otherTownship'], input: () => ({}) },
  'account.resolveConflict': {
    allowed: office,
    input: async (w) => {
      await w.raw('newcomer', 'account', 'verify', {
        name: DEMO_VOTER.name,
        idNumber: DEMO_VOTER.idNumber,
        ...consent,
      });
      return {
        conflictId: (await w.call('county', 'account', 'conflicts', {})).items[0].conflictId,
        resolution: 'keepHolder',
      };
    },
  },
  'account.notifications': { allowed: signedIn, input: () => ({}) },
  'account.readNotifications': { allowed: signedIn, input: () => ({ ids: ['x1'] }) },
  'account.dutyRecord': { allowed: ['deputy', ...office], input: () => ({ deputyId: 'dep-01' }) },
  'contact.deputies': { allowed: [...WHO], input: () => ({}) },
  'contact.card': {
    allowed: [...WHO],
    input: async (w) => ({ code: (await w.ports.store.get('deputies', 'dep-01'))!.code }),
  },
  'contact.myCard': { allowed: ['deputy', 'otherDeputy'], input: () => ({}) },
  'contact.saveDeputy': {
    allowed: office,
    input: () => ({ name: '新代表', level: 'township', constituencyId: 'tw-qs-c1' }),
  },
  'contact.send': { allowed: signedIn, input: () => ({ deputyId: 'dep-01', text: '你好' }) },
  'contact.inbox': { allowed: ['deputy', 'otherDeputy'], input: () => ({}) },
  'contact.myThreads': { allowed: signedIn, input: () => ({}) },
  'contact.thread': { allowed: ['voter', 'deputy', ...office], input: () => ({ threadId: 'th-demo-1' }) },
  'contact.reply': { allowed: ['deputy'], input: () => ({ threadId: 'th-demo-2', text: '答复' }) },
  'contact.followUp': { allowed: ['voter'], input: () => ({ threadId: 'th-demo-2', text: '追问' }) },
  'contact.close': { allowed: ['voter'], input: () => ({ threadId: 'th-demo-2', outcome: 'resolved' }) },
  'contact.chase': { allowed: ['voter'], input: () => ({ threadId: 'th-demo-2' }) },
  'contact.held': { allowed: [...office, 'otherTownship'], input: () => ({}) },
  'contact.review': {
    allowed: office,
    input: async (w) => ({
      messageId: (await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '明天去上访' }))
        .messageId,
      decision: 'release',
    }),
  },
  'reception.createStation': {
    allowed: office,
    input: () => ({ townshipId: 'tw-qs', name: '新联络站', address: '青石镇新街 2 号' }),
  },
  'reception.updateStation': {
    allowed: office,
    input: () => ({ stationId: 'tw-qs-st', name: '青石镇人大代表之家', address: '新址' }),
  },
  'reception.stations': { allowed: [...WHO], input: () => ({}) },
  'reception.createDay': {
    allowed: office,
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
  'reception.day': { allowed: ['deputy', 'station', ...office], input: () => ({ dayId: 'rd-draft' }) },
  'reception.days': { allowed: ['station', ...office, 'otherTownship'], input: () => ({}) },
  'reception.assignDeputy': { allowed: office, input: () => ({ dayId: 'rd-draft', deputyId: 'dep-02' }) },
  'reception.respond': { allowed: ['deputy'], input: () => ({ dayId: 'rd-draft', decision: 'confirm' }) },
  'reception.publish': { allowed: office, input: () => ({ dayId: 'rd-draft' }) },
  'reception.updateSlot': { allowed: office, input: () => ({ slotId: 'rd-next-02', capacity: 6 }) },
  'reception.upcoming': { allowed: [...WHO], input: () => ({}) },
  'reception.book': { allowed: ['voter'], input: () => ({ slotId: 'rd-next-01', topic: '养老' }) },
  'reception.cancel': { allowed: ['voter'], input: () => ({ bookingId: 'bk-demo-1' }) },
  'reception.myBookings': { allowed: signedIn, input: () => ({}) },
  'reception.checkIn': {
    allowed: ['station', ...office],
    input: () => ({ dayId: 'rd-today', code: 'ABCDEFGH' }),
  },
  'reception.walkIn': {
    allowed: ['station', ...office],
    input: () => ({ dayId: 'rd-today', visitorName: '刘大爷', topic: '医保' }),
  },
  'reception.dayBookings': {
    allowed: ['deputy', 'station', ...office],
    input: () => ({ dayId: 'rd-today' }),
  },
  'reception.markNoShows': { allowed: ['station', ...office], input: () => ({ dayId: 'rd-today' }) },
  'reception.attend': {
    allowed: ['station', ...office],
    input: () => ({ dayId: 'rd-today', deputyId: 'dep-01' }),
  },
  'reception.recordVisit': {
    allowed: ['deputy', 'station', ...office],
    input: () => ({ dayId: 'rd-today', deputyId: 'dep-01', raised: '路灯' }),
  },
  'reception.visits': { allowed: ['deputy', 'station', ...office], input: () => ({ dayId: 'rd-today' }) },
  'reception.myDays': { allowed: ['deputy', 'otherDeputy'], input: () => ({}) },
  'reception.stats': {
    allowed: [...office, 'otherTownship'],
    input: () => ({ fromDate: '2026-11-01', toDate: '2026-12-31' }),
  },
  'reception.rotation': { allowed: [...office, 'otherTownship'], input: () => ({ year: 2026 }) },
};

it('covers every action that has a policy', () => {
  expect(Object.keys(CASES).sort()).toEqual(
    FUNCTION_MODULES.flatMap((m) => Object.keys(m.contracts).map((a) => `${m.name}.${a}`)).sort(),
  );
});

describe.each(Object.entries(CASES))('%s', (action, c) => {
  const [fn, name] = action.split('.');
  it.each(WHO.map((who) => [who, c.allowed.includes(who)] as const))(
    '%s → allowed: %s',
    async (who, allowed) => {
      const w = await world();
      const input = await c.input(w);
      const before = w.fingerprint();
      const r = await w.raw(as(who), fn, name, input);
      if (allowed) {
        if (!r.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(r.error.code);
      } else {
        expect(r).toMatchObject({
          ok: false,
          error: { code: who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
        });
        // A refused call writes nothing (auto-created accounts aside, which exist before the call).
        expect(w.fingerprint()).toBe(before);
      }
    },
  );
});

it("office lists show only the caller's own scope", async () => {
  const w = await world();
  await w.raw('newcomer', 'account', 'verify', {
    name: DEMO_VOTER.name,
    idNumber: DEMO_VOTER.idNumber,
    ...consent,
  });
  await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '明天去上访' });
  expect((await w.call('township', 'account', 'conflicts', {})).items).toHaveLength(1);
  expect((await w.call({ openid: 'other-township' }, 'account', 'conflicts', {})).items).toHaveLength(0);
  expect((await w.call('township', 'contact', 'held', {})).items).toHaveLength(1);
  expect((await w.call({ openid: 'other-township' }, 'contact', 'held', {})).items).toHaveLength(0);
});
