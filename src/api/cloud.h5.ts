import { networkError } from './errors';
import { getToken } from './session';
import type { Envelope, Transport } from './types';

const TIMEOUT_MS = 15000;

/** H5: the local host mounts every function at POST /api/<function>. */
export const transport: Transport = async (fn, body) => {
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
};
