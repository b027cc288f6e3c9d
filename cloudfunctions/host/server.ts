/**
 * The local host: the H5 build and the cloud functions' handlers over HTTP.
 *   GET  /api/session/personas            demo personas
 *   POST /api/session { personaId | openid }  → { token, user }   (openid: demo mode only)
 *   POST /api/<function> { action, data, requestId? } with Authorization: Bearer <token>
 *   GET  /files/…                          locally stored files (contact-card images)
 *   GET  anything else                     dist/h5, falling back to index.html (browser routing)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Ports } from '../core/ports';
import { moduleNamed } from '../modules/registry';
import { ensureUser, loadCaller, serve } from '../modules/shared/public';
import { demoPersonas } from './personas';
import { issueToken, readToken } from './sessions';

export interface HostOptions {
  ports: Ports;
  sessionSecret: string;
  /** Folder of the H5 build; when missing, the API still works. */
  staticDir: string;
  filesDir: string;
  demo: boolean;
}

const MAX_BODY = 6 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}
const invalid = (message: string) => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('bad json'));
      }
    });
    req.on('error', reject);
  });
}

function serveFile(res: ServerResponse, file: string, cache: boolean) {
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cache ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

/** A path under `root`, or null when the request tries to leave it. */
function inside(root: string, urlPath: string): string | null {
  const full = normalize(join(root, decodeURIComponent(urlPath)));
  return full.startsWith(normalize(root)) ? full : null;
}

export function createHost(o: HostOptions): Server {
  const { ports } = o;
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/api/session/personas' && req.method === 'GET') {
        const personas = await demoPersonas(ports);
        return send(res, 200, {
          ok: true,
          data: personas.map(({ openid: _o, ...p }) => p),
        });
      }
      if (url.pathname === '/api/session' && req.method === 'POST') {
        const body = (await readBody(req)) as { personaId?: unknown; openid?: unknown };
        let openid: string | undefined;
        if (typeof body.personaId === 'string') {
          openid = (await demoPersonas(ports)).find((p) => p.id === body.personaId)?.openid;
          if (!openid)
            return send(res, 200, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个演示身份' } });
        } else if (o.demo && typeof body.openid === 'string' && /^[A-Za-z0-9_:.-]{1,64}$/.test(body.openid)) {
          openid = body.openid;
        } else {
          return send(res, 200, invalid('请提供 personaId'));
        }
        const user = await ensureUser(ports, openid);
        return send(res, 200, {
          ok: true,
          data: {
            token: issueToken(o.sessionSecret, user.id),
            user: { userId: user.id, displayName: user.displayName },
          },
        });
      }
      const m = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
      if (m && req.method === 'POST') {
        const module = moduleNamed(m[1]);
        if (!module) return send(res, 200, invalid(`未知函数：${m[1]}`));
        let body: unknown;
        try {
          body = await readBody(req);
        } catch (e) {
          return send(
            res,
            200,
            invalid((e as Error).message === 'too large' ? '请求过大' : '请求不是有效的 JSON'),
          );
        }
        const auth = req.headers.authorization?.replace(/^Bearer\s+/i, '');
        const userId = readToken(o.sessionSecret, auth);
        const user = userId ? await ports.store.get('users', userId) : null;
        const caller = user ? await loadCaller(ports, user) : null;
        return send(res, 200, await serve(module, body, caller, ports));
      }
      if (url.pathname.startsWith('/api/')) return send(res, 404, invalid('未知接口'));
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, invalid('不支持的请求方法'));
      if (url.pathname.startsWith('/files/')) {
        const file = inside(o.filesDir, url.pathname.slice('/files/'.length));
        if (file && existsSync(file) && statSync(file).isFile()) return serveFile(res, file, false);
        return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在' } });
      }
      const file = inside(o.staticDir, url.pathname);
      if (file && existsSync(file) && statSync(file).isFile())
        return serveFile(
          res,
          file,
          url.pathname.includes('/static/') || /\.[0-9a-f]{8}\./.test(url.pathname),
        );
      const index = join(o.staticDir, 'index.html');
      if (existsSync(index)) return serveFile(res, index, false);
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('H5 build missing: run `npm run build:h5` (npm start does this for you).');
    } catch (e) {
      console.error('[host]', e);
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } });
    }
  });
}
