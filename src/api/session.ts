import Taro from '@tarojs/taro';

/**
 * The session with the local host (H5 only; on WeChat the identity is the OPENID). The host hands out a
 * short-lived access token and a refresh token; `renewSession` trades the refresh token for a fresh pair
 * before the access token runs out (cloud.h5.ts does it silently), and `clearSession` signs out — the host
 * ends the session, so the token is worthless even if it was copied.
 */
const TOKEN_KEY = 'dl.token';
const REFRESH_KEY = 'dl.refresh';
const EXPIRES_KEY = 'dl.expires';
const USER_KEY = 'dl.user';

/** Renew this long before the access token runs out. */
const RENEW_AHEAD_MS = 5 * 60_000;

export interface SessionUser {
  id?: string;
  userId?: string;
  name?: string;
  displayName?: string;
  role?: string;
  login?: string | null;
}

/** What the host's sign-in, redemption and renewal answer with. */
export interface SessionTokens {
  token: string;
  refreshToken?: string;
  expiresAt?: string;
}

const read = (key: string): string => {
  try {
    const v: unknown = Taro.getStorageSync(key);
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
};

export function getToken(): string {
  return read(TOKEN_KEY);
}

export function setSession(tokens: SessionTokens | string, user?: SessionUser): void {
  const t = typeof tokens === 'string' ? { token: tokens } : tokens;
  Taro.setStorageSync(TOKEN_KEY, t.token);
  if (t.refreshToken) Taro.setStorageSync(REFRESH_KEY, t.refreshToken);
  else Taro.removeStorageSync(REFRESH_KEY);
  if (t.expiresAt) Taro.setStorageSync(EXPIRES_KEY, t.expiresAt);
  else Taro.removeStorageSync(EXPIRES_KEY);
  if (user) Taro.setStorageSync(USER_KEY, user);
}

/** Forgets the session on this phone only (the host already refused it). */
export function forgetSession(): void {
  for (const k of [TOKEN_KEY, REFRESH_KEY, EXPIRES_KEY, USER_KEY]) Taro.removeStorageSync(k);
}

/** Signs out: the host ends the session (best effort, even as the page goes away), then this phone forgets it. */
export function clearSession(): void {
  const token = getToken();
  const refreshToken = read(REFRESH_KEY);
  if (process.env.TARO_ENV === 'h5' && (token || refreshToken) && typeof fetch === 'function') {
    void fetch('/api/session/signout', {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(refreshToken ? { refreshToken } : {}),
    }).catch(() => undefined);
  }
  forgetSession();
}

export function getSessionUser(): SessionUser | null {
  try {
    const u: unknown = Taro.getStorageSync(USER_KEY);
    return u && typeof u === 'object' ? (u as SessionUser) : null;
  } catch {
    return null;
  }
}

/** Whether the caller has an identity: always on WeChat, with a token on H5. */
export function isSignedIn(): boolean {
  return process.env.TARO_ENV !== 'h5' || getToken() !== '';
}

/**
 * Whether the host runs the demo (personas, fictional data). The host says so in index.html; a page
 * built without one (the mini-program) is not a demo.
 */
export function isDemoHost(): boolean {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return false;
  return document.querySelector('meta[name="deputylink-mode"]')?.getAttribute('content') !== 'production';
}

/** Whether the access token runs out soon (or has) and there is a refresh token to renew it with. */
export function needsRenewal(now = Date.now()): boolean {
  const expires = Date.parse(read(EXPIRES_KEY));
  return read(REFRESH_KEY) !== '' && Number.isFinite(expires) && expires - now < RENEW_AHEAD_MS;
}

let renewing: Promise<boolean> | null = null;

/**
 * Trades the refresh token for a fresh pair; one renewal at a time however many calls ask. Resolves
 * whether the session goes on. A refusal forgets the session; a network failure keeps it (try again later).
 */
export function renewSession(): Promise<boolean> {
  const refreshToken = read(REFRESH_KEY);
  if (!refreshToken) return Promise.resolve(false);
  renewing ??= (async () => {
    try {
      const res = await fetch('/api/session/renew', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      const body = (await res.json()) as { ok: boolean; data?: SessionTokens };
      if (body.ok && body.data?.token) {
        setSession(body.data);
        return true;
      }
      forgetSession();
      return false;
    } catch {
      return false;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}
