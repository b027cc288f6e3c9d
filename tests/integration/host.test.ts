/** The local host's HTTP contract, which the H5 app, the browser test and outside tools rely on. */
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createHost } from '../../cloudfunctions/host/server';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { seedDemo } from '../../cloudfunctions/modules/registry';

let server: Server;
let base: string;
const staticDir = mkdtempSync(join(tmpdir(), 'dl-static-'));
const filesDir = mkdtempSync(join(tmpdir(), 'dl-files-'));

beforeAll(async () => {
  writeFileSync(join(staticDir, 'index.html'), '<html>app</html>');
  mkdirSync(join(filesDir, 'cards'));
  writeFileSync(join(filesDir, 'cards', 'a.png'), 'png');
  const ports = createLocalPorts({ dbPath: ':memory:', filesDir, publicUrl: 'http://x', idHashSecret: 's' });
  await seedDemo(ports);
  server = createHost({ ports, sessionSecret: 'secret', staticDir, filesDir, demo: true });
  await new Promise<void>((r) => server.listen(0, r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const post = (path: string, body: unknown, token?: string) =>
  fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }).then((r) => r.json());

it("lists personas without their openids, with the deputy's card code", async () => {
  const r = await fetch(`${base}/api/session/personas`).then((x) => x.json());
  expect(r.ok).toBe(true);
  expect(r.data.map((p: { role: string }) => p.role)).toEqual(
    expect.arrayContaining(['voter', 'deputy', 'stationStaff', 'townshipOffice', 'countyOffice']),
  );
  expect(JSON.stringify(r.data)).not.toContain('demo:');
  expect(r.data.find((p: { id: string }) => p.id === 'deputy')).toMatchObject({
    deputyId: 'dep-01',
    code: expect.any(String),
  });
});

it('signs in as a persona and calls a function with the token', async () => {
  const s = await post('/api/session', { personaId: 'deputy' });
  expect(s.ok).toBe(true);
  const me = await post('/api/account', { action: 'me' }, s.data.token);
  expect(me).toMatchObject({ ok: true, data: { deputyId: 'dep-01' } });
});

it('creates a plain unverified user for a new openid (demo mode)', async () => {
  const s = await post('/api/session', { openid: 'load-user-1' });
  const me = await post('/api/account', { action: 'me' }, s.data.token);
  expect(me.data.verification.state).toBe('unverified');
  expect(me.data.roles).toEqual([]);
});

it('answers UNAUTHENTICATED without a token or with a forged one', async () => {
  expect(await post('/api/account', { action: 'me' })).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
  expect(await post('/api/account', { action: 'me' }, 'abc.def')).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
});

it('never crashes on unknown functions, actions or bad JSON', async () => {
  expect(await post('/api/nothing', { action: 'me' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await post('/api/account', { action: 'nothing' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await post('/api/account', '{not json')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await post('/api/session', { personaId: 'nobody' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
});

it('serves files and the app with a fallback for browser routes, and refuses to leave its folders', async () => {
  expect(await fetch(`${base}/files/cards/a.png`).then((r) => r.text())).toBe('png');
  expect(await fetch(`${base}/pages/card/index?code=X`).then((r) => r.text())).toBe('<html>app</html>');
  expect((await fetch(`${base}/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
});
