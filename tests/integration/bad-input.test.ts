/**
 * Bad input for every action of every module (each module's rows in tests/integration/rows/): wrong types,
 * missing fields, oversize text, bad ID check digits. Each answers INVALID_INPUT (never INTERNAL) and leaves
 * the database byte for byte as it was.
 */
import { FUNCTION_MODULES } from '../../cloudfunctions/modules/registry';
import { makeWorld, type World } from './harness';
import { ROWS } from './rows';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

it('has rows for every action of every module, and for nothing else', () => {
  expect(Object.keys(ROWS).sort()).toEqual(FUNCTION_MODULES.map((m) => m.name).sort());
  for (const m of FUNCTION_MODULES) {
    const rows = ROWS[m.name].badInput;
    expect(Object.keys(rows).sort()).toEqual(Object.keys(m.contracts).sort());
    for (const [action, c] of Object.entries(rows))
      expect([action, c.inputs.length]).not.toEqual([action, 0]);
  }
});

const cases = FUNCTION_MODULES.flatMap((m) =>
  Object.entries(ROWS[m.name]?.badInput ?? {}).map(([action, c]) => [`${m.name}.${action}`, c] as const),
);

describe.each(cases)('%s', (action, { who, inputs }) => {
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
    ['not an object', 'me'],
    ['null', null],
  ])('%s → INVALID_INPUT', async (_name, env) => {
    const r = await w.send(null, 'account', env);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
