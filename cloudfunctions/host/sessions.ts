/**
 * Sessions of the local host. A sign-in starts a session record (`host_sessions`) and hands out two tokens:
 *   - an access token, `payload.signature` (HMAC-SHA256 over the base64url payload `{ sid, uid, exp }`),
 *     good for ACCESS_TTL_MS and sent as `Authorization: Bearer …` with every call;
 *   - a refresh token, `sid.secret`, of which only a hash is stored, exchanged at `POST /api/session/renew`
 *     for a fresh pair (the client does this silently before the access token runs out).
 * Every call checks the session record too, so sign-out (or a password reset) ends a session at once.
 * A session ends when it is not renewed for SESSION_IDLE_MS, and in any case SESSION_MAX_MS after sign-in.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HostDb } from './store';

export const ACCESS_TTL_MS = 2 * 3600_000;
export const SESSION_IDLE_MS = 14 * 86400_000;
export const SESSION_MAX_MS = 30 * 86400_000;

export interface Tokens {
  token: string;
  refreshToken: string;
  /** When the access token runs out (ISO); renew before. */
  expiresAt: string;
}

export interface Lifetimes {
  accessMs: number;
  idleMs: number;
  maxMs: number;
}

interface SessionRow {
  id: string;
  user_id: string;
  refresh_hash: string;
  prev_refresh_hash: string | null;
  created_at: number;
  renewed_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** base64url without padding, exactly: a token with anything else in it (or after it) is refused. */
const B64URL = /^[A-Za-z0-9_-]+$/;
/** An HMAC-SHA256 in base64url is 43 characters. */
const ACCESS = /^([A-Za-z0-9_-]{16,400})\.([A-Za-z0-9_-]{43})$/;
const REFRESH = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secretOf = () => randomBytes(32).toString('base64url');

/** The token of an `Authorization: Bearer <token>` header; anything else (two tokens, junk) is none. */
export function bearer(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer ([A-Za-z0-9_.-]+)$/i.exec(header.trim());
  return m?.[1];
}

export function createSessions(
  host: HostDb,
  secret: string,
  now: () => number,
  life: Lifetimes = { accessMs: ACCESS_TTL_MS, idleMs: SESSION_IDLE_MS, maxMs: SESSION_MAX_MS },
) {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

  const access = (sid: string, uid: string, t: number, end: number) => {
    const exp = Math.min(t + life.accessMs, end);
    const payload = Buffer.from(JSON.stringify({ sid, uid, exp })).toString('base64url');
    return { token: `${payload}.${sign(payload)}`, expiresAt: new Date(exp).toISOString() };
  };

  const get = (sid: string) =>
    host.db.prepare('SELECT * FROM host_sessions WHERE id = ?').get(sid) as SessionRow | undefined;

  /** Whether a session may still be used or renewed at `t`. */
  const alive = (row: SessionRow | undefined, t: number): row is SessionRow =>
    !!row && row.revoked_at === null && row.expires_at > t && t - row.renewed_at < life.idleMs;

  /** The payload of a well-formed, correctly signed access token; null otherwise. */
  function verify(token: string | undefined): { sid: string; uid: string; exp: number } | null {
    const m = token ? ACCESS.exec(token) : null;
    if (!m) return null;
    const [, payload, sig] = m;
    const expected = Buffer.from(sign(payload));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const bytes = Buffer.from(payload, 'base64url');
    // Only the canonical encoding of the signed bytes (no trailing bits or characters).
    if (bytes.toString('base64url') !== payload) return null;
    try {
      const p = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      return typeof p.sid === 'string' && typeof p.uid === 'string' && typeof p.exp === 'number'
        ? { sid: p.sid, uid: p.uid, exp: p.exp }
        : null;
    } catch {
      return null;
    }
  }

  return {
    life,

    /** Starts a session for a user: a record and its first pair of tokens. */
    async start(userId: string, kind: 'demo' | 'password'): Promise<Tokens> {
      const t = now();
      const sid = randomBytes(18).toString('base64url');
      const refresh = secretOf();
      const end = t + life.maxMs;
      await host.write((db) =>
        db
          .prepare(
            `INSERT INTO host_sessions (id, user_id, kind, refresh_hash, created_at, renewed_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(sid, userId, kind, sha256(refresh), t, t, end),
      );
      return { ...access(sid, userId, t, end), refreshToken: `${sid}.${refresh}` };
    },

    /** The user id of a valid access token of a live session; null otherwise. */
    check(token: string | undefined): { userId: string; sid: string } | null {
      const p = verify(token);
      const t = now();
      if (!p || p.exp <= t) return null;
      const row = get(p.sid);
      return alive(row, t) && row.user_id === p.uid ? { userId: p.uid, sid: p.sid } : null;
    },

    /**
     * A fresh pair for a refresh token; null when it is not the session's (or the session ended). The one
     * before the current is taken too: the answer to the last renewal may never have reached a phone on a
     * weak network, and it must not be signed out for that.
     */
    async renew(refreshToken: unknown): Promise<(Tokens & { userId: string }) | null> {
      const m = typeof refreshToken === 'string' ? REFRESH.exec(refreshToken) : null;
      if (!m || !B64URL.test(m[2])) return null;
      const [, sid, secret] = m;
      const presented = sha256(secret);
      const fresh = secretOf();
      const t = now();
      const row = await host.write((db) => {
        const r = get(sid);
        if (!alive(r, t)) return null;
        const current = r.refresh_hash === presented;
        if (!current && r.prev_refresh_hash !== presented) return null;
        db.prepare(
          'UPDATE host_sessions SET refresh_hash = ?, prev_refresh_hash = ?, renewed_at = ? WHERE id = ?',
        ).run(sha256(fresh), current ? r.refresh_hash : r.prev_refresh_hash, t, sid);
        return r;
      });
      if (!row) return null;
      return {
        ...access(sid, row.user_id, t, row.expires_at),
        refreshToken: `${sid}.${fresh}`,
        userId: row.user_id,
      };
    },

    /** Ends one session (sign-out). Ending an ended or unknown one is not an error. */
    async end(sid: string): Promise<void> {
      const t = now();
      await host.write((db) =>
        db.prepare('UPDATE host_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(t, sid),
      );
    },

    /** The session a refresh token names, if the token is its own (for signing out without an access token). */
    sessionOfRefresh(refreshToken: unknown): string | null {
      const m = typeof refreshToken === 'string' ? REFRESH.exec(refreshToken) : null;
      if (!m) return null;
      const row = get(m[1]);
      const h = sha256(m[2]);
      return row && (row.refresh_hash === h || row.prev_refresh_hash === h) ? row.id : null;
    },

    /** Ends every session of a user (a password reset). */
    async endAll(userId: string): Promise<void> {
      const t = now();
      await host.write((db) =>
        db
          .prepare('UPDATE host_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
          .run(t, userId),
      );
    },

    /** Forgets sessions that ended more than a day ago (called by the host's timer). */
    async purge(): Promise<number> {
      const t = now() - 86400_000;
      return host.write(
        (db) =>
          db
            .prepare('DELETE FROM host_sessions WHERE expires_at < ? OR revoked_at < ? OR renewed_at < ?')
            .run(t, t, t - life.idleMs).changes,
      );
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
