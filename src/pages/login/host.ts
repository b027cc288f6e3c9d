/** The local host's session routes (H5 only), as the login page uses them. */
import { toApiError } from '../../api';
import type { SessionTokens, SessionUser } from '../../api/session';

export interface Persona {
  id: string;
  name: string;
  role: string;
  description: string;
}

export interface SignedIn extends SessionTokens {
  user?: SessionUser;
}

/** What `POST /api/session/invite` takes: an account for a role over a scope, or a password reset. */
export type InviteRequest =
  | { kind: 'account'; role: string; scopeId?: string; displayName?: string }
  | { kind: 'reset'; login: string };

export async function hostJson<T>(url: string, body?: unknown, token?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw toApiError({ code: 'NETWORK', message: '网络不给力，请稍后重试' });
  }
  let parsed: { ok?: boolean; data?: T; error?: { code: string; message: string; fields?: unknown } };
  try {
    parsed = (await res.json()) as typeof parsed;
  } catch {
    throw toApiError({ code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' });
  }
  if (!parsed.ok)
    throw toApiError(parsed.error ?? { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' });
  return parsed.data as T;
}

export const personas = () => hostJson<Persona[]>('/api/session/personas');
export const signInPersona = (personaId: string) => hostJson<SignedIn>('/api/session', { personaId });
export const signInPassword = (login: string, password: string) =>
  hostJson<SignedIn>('/api/session', { login, password });
export const redeem = (code: string, login: string, password: string) =>
  hostJson<SignedIn>('/api/session/redeem', { code, ...(login ? { login } : {}), password });
export const invite = (req: InviteRequest, token: string) =>
  hostJson<{ code: string; expiresAt: string }>('/api/session/invite', req, token);
