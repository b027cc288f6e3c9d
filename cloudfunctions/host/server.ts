/**
 * The local host: the H5 build and the cloud functions' handlers over HTTP.
 *   GET  /api/session/mode                  { demo } — which ways in this host has
 *   GET  /api/session/personas              demo personas (demo mode only)
 *   POST /api/session { personaId | openid | login, password }  → { token, refreshToken, expiresAt, user }
 *                                           (personaId and openid: demo mode only)
 *   POST /api/session/renew { refreshToken }  → a fresh { token, refreshToken, expiresAt }
 *   POST /api/session/signout               ends the session of the Bearer token (or of { refreshToken })
 *   POST /api/session/invite { kind: 'account', role, scopeId?, displayName? } | { kind: 'reset', login }
 *                                           office staff (Bearer) → { code, expiresAt }
 *   POST /api/session/redeem { code, login?, password }  → a new account (or password), signed in
 *   POST /api/<function> { action, data, requestId? } with Authorization: Bearer <token>
 *   POST /api/files  (the image as the body, Bearer)  → { fileId } of an upload (uploads.ts)
 *   GET  /files/…                           locally stored files (contact-card images, uploads)
 *   GET  anything else                      dist/h5, falling back to index.html (browser routing)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SqliteStore } from '../adapters/sqlite/store';
import { AppError } from '../core/errors';
import type { Ports } from '../core/ports';
import { moduleNamed } from '../modules/registry';
import { ensureUser, loadCaller, serve, type User } from '../modules/shared/public';
import { createAccounts, fieldsOf, InviteInput, type Accounts } from './accounts';
import { failure, invalid, isObject, readJson, sendJson, sendText } from './http';
import { demoPersonas } from './personas';
import { bearer, createSessions, type Lifetimes, type Sessions } from './sessions';
import { staticFiles } from './static';
import { uploads } from './uploads';
import { hostDb } from './store';

export interface HostOptions {
  ports: Ports & { store: SqliteStore };
  sessionSecret: string;
  /** Folder of the H5 build; when missing, the API still works. */
  staticDir: string;
  filesDir: string;
  /** Demo mode: persona and raw-openid sign-in, the demo banner. Off: invitations and passwords only. */
  demo: boolean;
  lifetimes?: Lifetimes;
}

export type HostServer = Server & { sessions: Sessions; accounts: Accounts };

/** Bodies of the session routes are small; only function calls carry files. */
const SESSION_BODY = 64 * 1024;

export function createHost(o: HostOptions): HostServer {
  const { ports } = o;
  const host = hostDb(ports.store);
  const sessions = createSessions(host, o.sessionSecret, () => ports.clock.now().getTime(), o.lifetimes);
  const accounts = createAccounts(host, ports);
  const files = staticFiles(o);
  const upload = uploads(ports, async (req) => {
    const s = sessions.check(bearer(req.headers.authorization));
    return s ? ports.store.get('users', s.userId) : null;
  });

  const signedIn = async (res: ServerResponse, user: User, kind: 'demo' | 'password') =>
    sendJson(res, 200, {
      ok: true,
      data: {
        ...(await sessions.start(user.id, kind)),
        user: { userId: user.id, displayName: user.displayName, login: accounts.loginOf(user.id) },
      },
    });

  /** The body of a session route, or null when it has been answered already (bad or too large). */
  async function body(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | null> {
    const b = await readJson(req, res, SESSION_BODY);
    if (!b.ok) {
      sendJson(res, b.status, b.error);
      return null;
    }
    if (!isObject(b.value)) {
      sendJson(res, 400, invalid('请求应为 JSON 对象'));
      return null;
    }
    return b.value;
  }

  async function session(req: IncomingMessage, res: ServerResponse, route: string) {
    if (route === '/api/session/mode' && req.method === 'GET')
      return sendJson(res, 200, { ok: true, data: { demo: o.demo } });
    if (route === '/api/session/personas' && req.method === 'GET') {
      if (!o.demo) return sendJson(res, 404, failure('NOT_FOUND', '此服务器没有演示身份'));
      const personas = await demoPersonas(ports);
      return sendJson(res, 200, { ok: true, data: personas.map(({ openid: _o, ...p }) => p) });
    }
    if (req.method !== 'POST') return sendJson(res, 405, invalid('不支持的请求方法'));
    const b = await body(req, res);
    if (!b) return;

    if (route === '/api/session') {
      if (o.demo && typeof b.personaId === 'string') {
        const openid = (await demoPersonas(ports)).find((p) => p.id === b.personaId)?.openid;
        if (!openid) return sendJson(res, 200, failure('NOT_FOUND', '没有这个演示身份'));
        return signedIn(res, await ensureUser(ports, openid), 'demo');
      }
      if (o.demo && typeof b.openid === 'string') {
        if (!/^[A-Za-z0-9_:.-]{1,64}$/.test(b.openid) || b.openid.startsWith('host:'))
          return sendJson(res, 200, invalid('openid 格式不正确', { openid: '格式不正确' }));
        return signedIn(res, await ensureUser(ports, b.openid), 'demo');
      }
      if ('login' in b || 'password' in b) return signedIn(res, await accounts.signIn(b), 'password');
      return sendJson(
        res,
        200,
        invalid(o.demo ? '请提供 personaId，或账号名和密码' : '请填写账号名和密码', {
          login: '请填写账号名',
        }),
      );
    }
    if (route === '/api/session/renew') {
      const renewed = await sessions.renew(b.refreshToken);
      if (!renewed) return sendJson(res, 200, failure('UNAUTHENTICATED', '登录已过期，请重新登录'));
      const { userId: _u, ...tokens } = renewed;
      return sendJson(res, 200, { ok: true, data: tokens });
    }
    if (route === '/api/session/signout') {
      const sid =
        sessions.check(bearer(req.headers.authorization))?.sid ?? sessions.sessionOfRefresh(b.refreshToken);
      if (sid) await sessions.end(sid);
      return sendJson(res, 200, { ok: true, data: {} });
    }
    if (route === '/api/session/invite') {
      const s = sessions.check(bearer(req.headers.authorization));
      const user = s ? await ports.store.get('users', s.userId) : null;
      if (!user) return sendJson(res, 200, failure('UNAUTHENTICATED', '请先登录'));
      const input = InviteInput.safeParse(b);
      if (!input.success) return sendJson(res, 200, invalid('请检查填写的内容', fieldsOf(input.error)));
      const caller = await loadCaller(ports, user);
      return sendJson(res, 200, { ok: true, data: await accounts.invite(input.data, caller) });
    }
    if (route === '/api/session/redeem') return signedIn(res, await accounts.redeem(b), 'password');
    return sendJson(res, 404, invalid('未知接口'));
  }

  async function call(req: IncomingMessage, res: ServerResponse, name: string) {
    const module = moduleNamed(name);
    if (!module) return sendJson(res, 200, invalid(`未知函数：${name}`));
    const b = await readJson(req, res);
    if (!b.ok) return sendJson(res, b.status, b.error);
    const s = sessions.check(bearer(req.headers.authorization));
    const user = s ? await ports.store.get('users', s.userId) : null;
    const caller = user ? await loadCaller(ports, user) : null;
    return sendJson(res, 200, await serve(module, b.value, caller, ports));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return sendText(res, 400, 'Bad request.');
    }
    if (path === '/api/session' || path.startsWith('/api/session/')) return session(req, res, path);
    if (path === '/api/files' && req.method === 'POST') return upload(req, res);
    const m = /^\/api\/([A-Za-z]+)$/.exec(path);
    if (m && req.method === 'POST') return call(req, res, m[1]);
    if (path.startsWith('/api/')) return sendJson(res, 404, invalid('未知接口'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, invalid('不支持的请求方法'));
    if (path.startsWith('/files/')) return files.file(req, res, path.slice('/files/'.length));
    return files.app(req, res, path);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof AppError) return sendJson(res, 200, failure(e.code, e.message, e.fields));
      console.error('[host]', e);
      sendJson(res, 500, failure('INTERNAL', '系统繁忙，请稍后重试'));
    });
  });
  // A register file over a weak link may take a minute to arrive; a stalled request does not hold a socket forever.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  return Object.assign(server, { sessions, accounts });
}
