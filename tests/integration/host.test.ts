/**
 * The local host's HTTP contract, which the H5 app, the browser test and outside tools rely on — and what
 * it must hold against a client that does not play along (issue 7): paths, bodies, headers, compression.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, brotliDecompressSync } from 'node:zlib';
import { createHost } from '../../cloudfunctions/host/server';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { seedDemo } from '../../cloudfunctions/modules/registry';

let server: Server;
let base: string;
let port: number;
const root = mkdtempSync(join(tmpdir(), 'dl-host-'));
const staticDir = join(root, 'h5');
const filesDir = join(root, 'files');
const INDEX =
  '<!doctype html><html><head><meta charset="utf-8"/><script>window.x=1</script></head><body><div id="app"></div></body></html>';
const APP_JS = `console.log(${JSON.stringify('代表联络'.repeat(400))})`;
const errors: unknown[] = [];
const consoleError = console.error;

beforeAll(async () => {
  mkdirSync(join(staticDir, 'js'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  writeFileSync(join(staticDir, 'js', 'app.5498250d.js'), APP_JS);
  writeFileSync(join(staticDir, 'js', 'app.5498250d.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(join(staticDir, 'js', 'app.5498250d.js.gz'), gzipSync(APP_JS));
  writeFileSync(join(staticDir, 'logo.png'), 'png');
  mkdirSync(join(filesDir, 'cards'), { recursive: true });
  writeFileSync(join(filesDir, 'cards', 'a.png'), 'png');
  // Siblings whose names start like the served folders' names: never reachable.
  mkdirSync(`${filesDir}-private`, { recursive: true });
  writeFileSync(join(`${filesDir}-private`, 'secret.txt'), 'secret');
  mkdirSync(`${staticDir}-old`, { recursive: true });
  writeFileSync(join(`${staticDir}-old`, 'secret.txt'), 'secret');
  const ports = createLocalPorts({ dbPath: ':memory:', filesDir, publicUrl: 'http://x', idHashSecret: 's' });
  await seedDemo(ports);
  server = createHost({ ports, sessionSecret: 'secret', staticDir, filesDir, demo: true });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  console.error = (...args: unknown[]) => void errors.push(args);
});
afterAll(() => {
  console.error = consoleError;
  return new Promise((r) => server.close(r));
});
afterEach(() => {
  // Nothing a client sends makes the host log a stack (it answers instead).
  expect(errors).toEqual([]);
});

const post = (path: string, body: unknown, token?: string) =>
  fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }).then((r) => r.json());

/** A raw request, exactly as given (fetch would normalise the path). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the HTTP contract (demo mode)', () => {
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
    expect(await fetch(`${base}/api/session/mode`).then((x) => x.json())).toEqual({
      ok: true,
      data: { demo: true },
    });
  });

  it('signs in as a persona and calls a function with the token', async () => {
    const s = await post('/api/session', { personaId: 'deputy' });
    expect(s).toMatchObject({
      ok: true,
      data: { token: expect.any(String), refreshToken: expect.any(String), expiresAt: expect.any(String) },
    });
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
    const card = await fetch(`${base}/files/cards/a.png`);
    expect(await card.text()).toBe('png');
    expect(card.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await fetch(`${base}/pages/card/index?code=X`).then((r) => r.text())).toContain('<div id="app">');
    expect((await fetch(`${base}/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});

describe('paths (issue 7, item 5)', () => {
  it('a sibling folder whose name starts like the files folder is not served', async () => {
    const name = `${filesDir.split('/').pop()}-private`;
    for (const path of [`/files/..%2F${name}%2Fsecret.txt`, `/files/%2E%2E%2F${name}%2Fsecret.txt`]) {
      const r = await raw('GET', path);
      expect(r.status).toBe(404);
      expect(r.body.toString()).not.toContain('secret');
    }
    const old = `${staticDir.split('/').pop()}-old`;
    const r = await raw('GET', `/..%2F${old}%2Fsecret.txt`);
    expect(r.status).toBe(404);
    expect(r.body.toString()).not.toContain('secret');
  });

  it('malformed percent-encoding is a plain 400, not a 500 with a stack in the log', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/files/%zz', '/js/%C0%AF', '/files/a%00.png']) {
      const r = await raw('GET', path);
      expect({ path, status: r.status }).toEqual({ path, status: 400 });
    }
  });

  it('a missing script is a 404 (never index.html, which a browser would try to run)', async () => {
    const r = await raw('GET', '/js/gone.12345678.js');
    expect(r.status).toBe(404);
  });
});

describe('bodies (issue 7, item 6)', () => {
  it('a body that is not a JSON object is INVALID_INPUT, not INTERNAL', async () => {
    for (const body of ['{', 'null', '[]', '"x"', '42', 'true']) {
      const r = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect({ body, status: r.status, json: await r.json() }).toMatchObject({
        body,
        status: 400,
        json: { ok: false, error: { code: 'INVALID_INPUT' } },
      });
    }
    for (const body of ['null', '[]', '7']) {
      expect(await post('/api/account', body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('a body over the limit is answered with the envelope (413), then the connection closes', async () => {
    const big = 'x'.repeat(7 * 1024 * 1024);
    const viaFetch = await fetch(`${base}/api/account`, { method: 'POST', body: big });
    expect(viaFetch.status).toBe(413);
    expect(await viaFetch.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请求过大' },
    });
    // Without a Content-Length (chunked): refused as the body streams past the limit.
    const chunked = await new Promise<{ status: number; body: string; connection?: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/account',
            headers: { 'transfer-encoding': 'chunked' },
          },
          (res) => {
            let t = '';
            res.on('data', (d) => (t += d));
            res.on('end', () =>
              resolve({ status: res.statusCode!, body: t, connection: res.headers.connection }),
            );
          },
        );
        req.on('error', (e: NodeJS.ErrnoException) =>
          e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
        );
        const chunk = Buffer.alloc(256 * 1024, 'x');
        let sent = 0;
        const pump = () => {
          while (sent < 8 * 1024 * 1024) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      },
    );
    expect(chunked.status).toBe(413);
    expect(chunked.connection).toBe('close');
    expect(JSON.parse(chunked.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The host is still there.
    expect((await fetch(`${base}/api/session/mode`)).status).toBe(200);
  });
});

describe('headers (issue 7, item 10)', () => {
  it('the app and the API say nosniff, refuse framing, and the page has a CSP that allows its inline script by hash', async () => {
    const page = await raw('GET', '/pages/home/index');
    const api = await raw(
      'POST',
      '/api/account',
      { 'content-type': 'application/json' },
      '{"action":"regions"}',
    );
    const js = await raw('GET', '/js/app.5498250d.js');
    for (const r of [page, api, js]) {
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
    const csp = String(page.headers['content-security-policy']);
    const hash = createHash('sha256').update('window.x=1').digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.body.toString()).toContain('<meta name="deputylink-mode" content="demo"/>');
  });
});

describe('compression and caching (issue 7, item 11)', () => {
  it('serves the pre-compressed file the browser takes, with Vary, and caches hashed names for good', async () => {
    const br = await raw('GET', '/js/app.5498250d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
    expect(br.body.length).toBeLessThan(APP_JS.length / 5);

    const gz = await raw('GET', '/js/app.5498250d.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const none = await raw('GET', '/js/app.5498250d.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(APP_JS);
    expect(none.headers.vary).toBe('Accept-Encoding');

    const logo = await raw('GET', '/logo.png', { 'accept-encoding': 'br' });
    expect(logo.headers['content-encoding']).toBeUndefined();
    expect(logo.headers['cache-control']).toBe('no-cache');
  });

  it('index.html (and every browser route) is no-cache, compressed, and revalidates with its ETag', async () => {
    for (const path of ['/', '/index.html', '/pages/me/index']) {
      const r = await raw('GET', path, { 'accept-encoding': 'br' });
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-encoding']).toBe('br');
      expect(r.headers.vary).toBe('Accept-Encoding');
      expect(brotliDecompressSync(r.body).toString()).toContain('<div id="app">');
      const again = await raw('GET', path, {
        'accept-encoding': 'br',
        'if-none-match': String(r.headers.etag),
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it('HEAD answers the headers without a body', async () => {
    const r = await raw('HEAD', '/js/app.5498250d.js', { 'accept-encoding': 'br' });
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(0);
    expect(Number(r.headers['content-length'])).toBeGreaterThan(0);
  });
});
