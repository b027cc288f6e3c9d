/**
 * The authorization matrix: every action of every module × every caller, in and out of scope, through the
 * real handlers. Each module contributes its rows (tests/integration/rows/). An allowed cell must reach
 * the outcome its row states (success, or the one state error it must hit); a refused cell answers
 * UNAUTHENTICATED to an anonymous caller and FORBIDDEN to anyone else, and writes nothing.
 */
import { FUNCTION_MODULES } from '../../cloudfunctions/modules/registry';
import { VERIFY_CONSENT_VERSION } from '../../cloudfunctions/modules/account/constants';
import { DEMO_VOTER } from '../../cloudfunctions/modules/account/public';
import { userIdFor } from '../../cloudfunctions/modules/shared/public';
import { worlds, type World } from './harness';
import { ROWS } from './rows';
import { asWho, CALLERS } from './rows/types';

/** Two extra callers out of the demo deputy's scope: another township's office and another township's deputy. */
const world: () => Promise<World> = worlds({}, async (w) => {
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
});

const consent = { consent: true, consentVersion: VERIFY_CONSENT_VERSION };

it('has rows for every action of every module, and for nothing else', () => {
  expect(Object.keys(ROWS).sort()).toEqual(FUNCTION_MODULES.map((m) => m.name).sort());
  for (const m of FUNCTION_MODULES) {
    expect(Object.keys(ROWS[m.name].authorization).sort()).toEqual(Object.keys(m.contracts).sort());
  }
});

const cells = FUNCTION_MODULES.flatMap((m) =>
  Object.entries(ROWS[m.name]?.authorization ?? {}).map(([action, c]) => [`${m.name}.${action}`, c] as const),
);

describe.each(cells)('%s', (action, c) => {
  const [fn, name] = action.split('.');
  it.each(CALLERS.map((who) => [who, c.allowed[who] ?? 'refused'] as const))(
    '%s → %s',
    async (who, expected) => {
      const w = await world();
      const input = await c.input(w);
      const before = w.fingerprint();
      const r = await w.raw(asWho(who), fn, name, input);
      if (expected === 'refused') {
        expect(r).toMatchObject({
          ok: false,
          error: { code: who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
        });
        // A refused call writes nothing (auto-created accounts aside, which exist before the call).
        expect(w.fingerprint()).toBe(before);
      } else if (expected === 'ok') {
        expect(r).toMatchObject({ ok: true });
      } else {
        expect(r).toMatchObject({ ok: false, error: { code: expected } });
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
  // The newcomer's claim and the demo county's own waiting conflict (刘桂英's entry), both in 青石镇.
  expect((await w.call('township', 'account', 'conflicts', {})).items).toHaveLength(2);
  expect((await w.call({ openid: 'other-township' }, 'account', 'conflicts', {})).items).toHaveLength(0);
  expect((await w.call('township', 'contact', 'held', {})).items).toHaveLength(1);
  expect((await w.call({ openid: 'other-township' }, 'contact', 'held', {})).items).toHaveLength(0);
});
