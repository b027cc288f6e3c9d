/** Signed session tokens for the local host: `payload.signature`, HMAC-SHA256, 30 days. */
import { createHmac, timingSafeEqual } from 'node:crypto';

const TTL_MS = 30 * 86400_000;

export function issueToken(secret: string, userId: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ uid: userId, exp: now + TTL_MS })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The user id in a valid, unexpired token; null otherwise. */
export function readToken(secret: string, token: string | undefined, now = Date.now()): string | null {
  if (!token) return null;
  const [payload, sig] = token.split('.');
  if (!payload || !sig) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { uid, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof uid === 'string' && typeof exp === 'number' && exp > now ? uid : null;
  } catch {
    return null;
  }
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');
