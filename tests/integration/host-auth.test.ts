/**
 * The host as a real deployment (DEMO=0, issue 7 items 8 and 9): no personas and no raw-openid sign-in;
 * office staff and deputies come in by an invitation and a password, with a lock after repeated failures;
 * sessions are short-lived, renewed, revocable, and a token with anything added to it is refused.
 */
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock } from '../../cloudfunctions/adapters/local';
import { ACCESS_TTL_MS, SESSION_IDLE_MS, SESSION_MAX_MS } from '../../cloudfunctions/host/sessions';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { createHost, type HostServer } from '../../cloudfunctions/host/server';
import { seedDemo } from '../../cloudfunctions/modules/registry';

const clock = manualClock('2026-11-20T02:00:00Z');
let server: HostServer;
let base: string;
let ports: ReturnType<typeof createLocalPorts>;

beforeAll(async () => {
  ports = createLocalPorts({
    dbPath: ':memory:',
    filesDir: mkdtempSync(join(tmpdir(), 'dl-auth-files-')),
    publicUrl: 'https://county.example',
    idHashSecret: 's',
    clock,
  });
  // The demo county's regions and deputies stand in for a county's own (loaded with --load-regions).
  await seedDemo(ports);
  server = createHost({
    ports,
    sessionSecret: 'secret',
    staticDir: mkdtempSync(join(tmpdir(), 'dl-auth-h5-')),
    filesDir: mkdtempSync(join(tmpdir(), 'dl-auth-files-')),
    demo: false,
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

type Envelope = { ok: boolean; data?: any; error?: { code: string; message: string; fields?: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any
const post = (path: string, body: unknown, token?: string): Promise<Envelope> =>
  fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then((r) => r.json());
const me = (token: string) => post('/api/account', { action: 'me' }, token);
const code = (e: Envelope) => (e.ok ? 'ok' : e.error!.code);

/** A county-office account made the way a deployment makes its first one (the command line's invitation). */
async function countyOffice(login = `county${Math.random().toString(36).slice(2, 8)}`) {
  const inv = await server.accounts.invite(
    { kind: 'account', role: 'countyOffice', scopeId: 'county-yl', displayName: '县人大 孙主任' },
    'cli',
  );
  const s = await post('/api/session/redeem', { code: inv.code, login, password: 'correct horse 1' });
  expect(s).toMatchObject({ ok: true, data: { token: expect.any(String), user: { login } } });
  return { login, ...s.data };
}

describe('production mode: no demo sign-in at all (item 8)', () => {
  it('has no personas, and neither personaId nor openid signs anyone in', async () => {
    const personas = await fetch(`${base}/api/session/personas`);
    expect(personas.status).toBe(404);
    expect(await fetch(`${base}/api/session/mode`).then((r) => r.json())).toEqual({
      ok: true,
      data: { demo: false },
    });
    for (const body of [
      { personaId: 'county' },
      { personaId: 'voter' },
      { openid: 'demo:county' },
      { openid: 'x1' },
    ]) {
      const r = await post('/api/session', body);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(r.data).toBeUndefined();
    }
  });
});

describe('invitations and passwords (item 8)', () => {
  it('the first county-office account comes from an invitation; its code works once and expires', async () => {
    const inv = await server.accounts.invite(
      { kind: 'account', role: 'countyOffice', scopeId: 'county-yl', displayName: '孙主任' },
      'cli',
    );
    expect(inv.code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const s = await post('/api/session/redeem', {
      code: inv.code.toLowerCase().replace('-', ' '),
      login: 'Sun.Office',
      password: 'correct horse 1',
    });
    expect(s).toMatchObject({ ok: true, data: { user: { login: 'sun.office', displayName: '孙主任' } } });
    const m = await me(s.data.token);
    expect(m.data.roles).toContainEqual({ role: 'countyOffice', scopeKind: 'county', scopeId: 'county-yl' });
    // The county office reads the register in full (what demo mode gave anyone who asked).
    const reg = await post(
      '/api/account',
      { action: 'register', data: { constituencyId: 'tw-qs-c1' } },
      s.data.token,
    );
    expect(reg.ok).toBe(true);

    expect(
      code(
        await post('/api/session/redeem', { code: inv.code, login: 'other', password: 'correct horse 1' }),
      ),
    ).toBe('NOT_FOUND');
    const late = await server.accounts.invite({ kind: 'account', role: 'voter', displayName: '张三' }, 'cli');
    clock.advance(7 * 86400_000 + 1);
    expect(
      code(
        await post('/api/session/redeem', { code: late.code, login: 'zhang', password: 'correct horse 1' }),
      ),
    ).toBe('NOT_FOUND');
    // Signing in afterwards: account name + password.
    const again = await post('/api/session', { login: 'SUN.OFFICE', password: 'correct horse 1' });
    expect(again.ok).toBe(true);
  });

  it('refuses weak or unusable input with field messages and writes nothing', async () => {
    const inv = await server.accounts.invite({ kind: 'account', role: 'voter', displayName: '李四' }, 'cli');
    const count = () =>
      (ports.store.db.prepare('SELECT COUNT(*) AS n FROM host_accounts').get() as { n: number }).n;
    const before = count();
    for (const body of [
      { code: inv.code, login: 'li', password: 'correct horse 1' },
      { code: inv.code, login: 'lisi', password: 'short' },
      { code: inv.code, login: 'lisi', password: 'aaaaaaaaaa' },
      { code: inv.code, login: 'lisi1234', password: 'lisi1234' },
      { code: inv.code, password: 'correct horse 1' },
      { code: inv.code, login: 'sun.office', password: 'correct horse 1' },
    ]) {
      const r = await post('/api/session/redeem', body);
      expect(['INVALID_INPUT', 'CONFLICT']).toContain(code(r));
      expect(r.error!.fields).toBeDefined();
    }
    expect(count()).toBe(before);
    // The invitation is still good after the refusals.
    expect(
      (await post('/api/session/redeem', { code: inv.code, login: 'lisi', password: 'correct horse 1' })).ok,
    ).toBe(true);
  });

  it('office staff invite within their own scope only; a deputy invitation links the profile', async () => {
    const county = await countyOffice();
    const tw = await post(
      '/api/session/invite',
      { kind: 'account', role: 'townshipOffice', scopeId: 'tw-qs', displayName: '青石镇 周干事' },
      county.token,
    );
    expect(tw).toMatchObject({ ok: true, data: { code: expect.any(String), expiresAt: expect.any(String) } });
    const township = await post('/api/session/redeem', {
      code: tw.data.code,
      login: 'zhou.qs',
      password: 'pass word 22',
    });
    const t = township.data.token;
    expect((await me(t)).data.roles).toContainEqual({
      role: 'townshipOffice',
      scopeKind: 'township',
      scopeId: 'tw-qs',
    });

    expect(
      code(
        await post(
          '/api/session/invite',
          { kind: 'account', role: 'countyOffice', scopeId: 'county-yl', displayName: 'x' },
          t,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await post(
          '/api/session/invite',
          { kind: 'account', role: 'stationStaff', scopeId: 'tw-lx-st', displayName: 'x' },
          t,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await post(
          '/api/session/invite',
          { kind: 'account', role: 'townshipOffice', scopeId: 'nowhere', displayName: 'x' },
          t,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(code(await post('/api/session/invite', { kind: 'account', role: 'king' }, t))).toBe(
      'INVALID_INPUT',
    );
    expect(
      code(await post('/api/session/invite', { kind: 'account', role: 'voter', displayName: 'x' })),
    ).toBe('UNAUTHENTICATED');
    // The demo deputy 李华 is linked already; dep-02 (青石镇) is not.
    expect(
      code(await post('/api/session/invite', { kind: 'account', role: 'deputy', scopeId: 'dep-01' }, t)),
    ).toBe('CONFLICT');
    const dep = await post('/api/session/invite', { kind: 'account', role: 'deputy', scopeId: 'dep-02' }, t);
    const deputy = await post('/api/session/redeem', {
      code: dep.data.code,
      login: '13800000002',
      password: 'deputy pass 2',
    });
    const dm = await me(deputy.data.token);
    expect(dm.data.deputyId).toBe('dep-02');
    expect((await ports.store.get('deputies', 'dep-02'))!.userId).toBe(dm.data.userId);
    // Station staff cannot invite anyone.
    const st = await post(
      '/api/session/invite',
      { kind: 'account', role: 'stationStaff', scopeId: 'tw-qs-st', displayName: '站长' },
      t,
    );
    const staff = await post('/api/session/redeem', {
      code: st.data.code,
      login: 'station.qs',
      password: 'station pass 3',
    });
    expect(
      code(
        await post(
          '/api/session/invite',
          { kind: 'account', role: 'voter', displayName: 'x' },
          staff.data.token,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('repeated wrong passwords lock the account, each further failure doubling the wait', async () => {
    const { login } = await countyOffice();
    const wrong = () => post('/api/session', { login, password: 'wrong password' });
    const lockedUntil = () =>
      (
        ports.store.db.prepare('SELECT locked_until FROM host_accounts WHERE login = ?').get(login) as {
          locked_until: number | null;
        }
      ).locked_until;
    for (let i = 1; i <= 4; i++) expect(code(await wrong())).toBe('UNAUTHENTICATED');
    expect(lockedUntil()).toBeNull();
    const fifth = await wrong();
    expect(fifth).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.stringContaining('之后再试') },
    });
    expect(lockedUntil()! - clock.now().getTime()).toBe(60_000);
    // Locked: even the right password is refused, and is not even checked.
    expect(code(await post('/api/session', { login, password: 'correct horse 1' }))).toBe('RATE_LIMITED');
    clock.advance(60_001);
    expect(code(await wrong())).toBe('RATE_LIMITED');
    expect(lockedUntil()! - clock.now().getTime()).toBe(120_000);
    clock.advance(120_001);
    expect(code(await wrong())).toBe('RATE_LIMITED');
    expect(lockedUntil()! - clock.now().getTime()).toBe(240_000);
    clock.advance(240_001);
    expect((await post('/api/session', { login, password: 'correct horse 1' })).ok).toBe(true);
    // A success clears the count.
    expect(code(await wrong())).toBe('UNAUTHENTICATED');
    // An unknown account answers exactly as a wrong password does.
    expect(await post('/api/session', { login: 'nobody-here', password: 'x' })).toEqual(await wrong());
  });

  it('a reset invitation sets a new password and ends every session of the account', async () => {
    const county = await countyOffice();
    const { login, token } = await countyOffice();
    const reset = await post('/api/session/invite', { kind: 'reset', login }, county.token);
    expect(reset.ok).toBe(true);
    const s = await post('/api/session/redeem', { code: reset.data.code, password: 'a new pass 9' });
    expect(s).toMatchObject({ ok: true, data: { user: { login } } });
    expect(code(await me(token))).toBe('UNAUTHENTICATED');
    expect(code(await post('/api/session', { login, password: 'correct horse 1' }))).toBe('UNAUTHENTICATED');
    expect((await post('/api/session', { login, password: 'a new pass 9' })).ok).toBe(true);
  });
});

describe('sessions (item 9)', () => {
  it('sign-out revokes the token at once', async () => {
    const { token } = await countyOffice();
    expect(code(await me(token))).toBe('ok');
    expect(await post('/api/session/signout', {}, token)).toEqual({ ok: true, data: {} });
    expect(code(await me(token))).toBe('UNAUTHENTICATED');
    // Signing out twice, or with nothing, is not an error.
    expect((await post('/api/session/signout', {}, token)).ok).toBe(true);
    expect((await post('/api/session/signout', {})).ok).toBe(true);
  });

  it('access tokens are short-lived and renewed silently with the refresh token, which rotates', async () => {
    const s = await countyOffice();
    expect(Date.parse(s.expiresAt) - clock.now().getTime()).toBe(ACCESS_TTL_MS);
    expect(ACCESS_TTL_MS).toBeLessThanOrEqual(4 * 3600_000);
    clock.advance(ACCESS_TTL_MS + 1);
    expect(code(await me(s.token))).toBe('UNAUTHENTICATED');
    const r1 = await post('/api/session/renew', { refreshToken: s.refreshToken });
    expect(r1).toMatchObject({
      ok: true,
      data: { token: expect.any(String), refreshToken: expect.any(String) },
    });
    expect(code(await me(r1.data.token))).toBe('ok');
    // The answer to a renewal may be lost on a weak network: the previous refresh token works once more…
    const r2 = await post('/api/session/renew', { refreshToken: s.refreshToken });
    expect(r2.ok).toBe(true);
    const r3 = await post('/api/session/renew', { refreshToken: r2.data.refreshToken });
    expect(r3.ok).toBe(true);
    // …but not one from further back.
    expect(code(await post('/api/session/renew', { refreshToken: s.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await post('/api/session/renew', { refreshToken: 'junk' }))).toBe('UNAUTHENTICATED');
    // Sign-out with only the refresh token (the access token ran out) ends the session too.
    await post('/api/session/signout', { refreshToken: r3.data.refreshToken });
    expect(code(await post('/api/session/renew', { refreshToken: r3.data.refreshToken }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(code(await me(r3.data.token))).toBe('UNAUTHENTICATED');
  });

  it('a session ends when it is not renewed for a while, and in any case after its longest life', async () => {
    const idle = await countyOffice();
    clock.advance(SESSION_IDLE_MS + 1);
    expect(code(await post('/api/session/renew', { refreshToken: idle.refreshToken }))).toBe(
      'UNAUTHENTICATED',
    );

    let s = await countyOffice();
    let renewed = 0;
    for (let t = 0; t + SESSION_IDLE_MS / 2 < SESSION_MAX_MS; t += SESSION_IDLE_MS / 2) {
      clock.advance(SESSION_IDLE_MS / 2);
      const r = await post('/api/session/renew', { refreshToken: s.refreshToken });
      if (!r.ok) break;
      renewed++;
      s = { ...s, ...r.data };
    }
    expect(renewed).toBeGreaterThan(0);
    clock.advance(SESSION_IDLE_MS / 2);
    expect(code(await post('/api/session/renew', { refreshToken: s.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('a token with anything added to it, or anything else in the header, is refused', async () => {
    const { token } = await countyOffice();
    const [payload, sig] = token.split('.');
    for (const bad of [
      `${token}x`,
      `${token}.x`,
      `${token}.`,
      `${payload}A.${sig}`,
      `${payload}.${sig}A`,
      `${payload}.${sig.slice(0, -1)}`,
      `x${token}`,
    ]) {
      expect({ bad, code: code(await me(bad)) }).toEqual({ bad, code: 'UNAUTHENTICATED' });
    }
    const withHeader = (authorization: string) =>
      fetch(`${base}/api/account`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: '{"action":"me"}',
      }).then((r) => r.json());
    for (const h of [`Bearer ${token} x`, `Bearer ${token},${token}`, `Basic ${token}`, token])
      expect(code(await withHeader(h))).toBe('UNAUTHENTICATED');
    expect(code(await withHeader(`Bearer ${token}`))).toBe('ok');
  });
});
