import Taro from '@tarojs/taro';

/** The demo session of the local host (H5 only; on WeChat the identity is the OPENID). */
const TOKEN_KEY = 'dl.token';
const USER_KEY = 'dl.user';

export interface SessionUser {
  id?: string;
  userId?: string;
  name?: string;
  displayName?: string;
  role?: string;
}

export function getToken(): string {
  try {
    const t: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof t === 'string' ? t : '';
  } catch {
    return '';
  }
}

export function setSession(token: string, user?: SessionUser): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  if (user) Taro.setStorageSync(USER_KEY, user);
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(USER_KEY);
}

export function getSessionUser(): SessionUser | null {
  try {
    const u: unknown = Taro.getStorageSync(USER_KEY);
    return u && typeof u === 'object' ? (u as SessionUser) : null;
  } catch {
    return null;
  }
}

/** Whether the caller has an identity: always on WeChat, with a demo token on H5. */
export function isSignedIn(): boolean {
  return process.env.TARO_ENV !== 'h5' || getToken() !== '';
}
