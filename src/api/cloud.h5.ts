import { networkError } from './errors';
import { getToken, needsRenewal, renewSession } from './session';
import type { Envelope, Transport } from './types';

const TIMEOUT_MS = 15000;

async function post(fn: string, body: unknown): Promise<Envelope> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const ctrl = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = ctrl ? setTimeout(() => ctrl.abort(), TIMEOUT_MS) : null;
  let res: Response;
  try {
    res = await fetch(`/api/${fn}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: ctrl?.signal,
    });
  } catch {
    throw networkError();
  } finally {
    if (timer) clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    // A proxy page or an empty answer: the request did not reach the function.
    throw networkError();
  }
  return json as Envelope;
}

/**
 * H5: the local host mounts every function at POST /api/<function>. The session is renewed silently: before
 * a call when the access token runs out soon, and once after an UNAUTHENTICATED answer (the host refused the
 * call before doing anything, so sending it again cannot do anything twice).
 */
export const transport: Transport = async (fn, body) => {
  if (needsRenewal()) await renewSession();
  const first = await post(fn, body);
  if (!first.ok && first.error.code === 'UNAUTHENTICATED' && getToken() && (await renewSession())) {
    return post(fn, body);
  }
  return first;
};
