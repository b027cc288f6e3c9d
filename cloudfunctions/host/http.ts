/** What every answer of the local host shares: the envelope, the security headers, and reading a JSON body. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../core/errors';

/** Largest request body: a register file of 4,000,000 base64 characters and its envelope. */
export const MAX_BODY = 6 * 1024 * 1024;

/**
 * On every answer, the app's and the API's: no MIME sniffing, never framed (clickjacking), no referrer
 * leaves the site (card links carry codes). The page CSP is added by static.ts; API answers get the
 * strictest one, as they are never rendered.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-security-policy': API_CSP,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

export const failure = (code: ErrorCode, message: string, fields?: Record<string, string>) => ({
  ok: false as const,
  error: { code, message, ...(fields ? { fields } : {}) },
});
export const invalid = (message: string, fields?: Record<string, string>) =>
  failure('INVALID_INPUT', message, fields);

/** Plain text for what is not the API (a bad path, the missing H5 build). */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-security-policy': API_CSP,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export type Body =
  { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: ReturnType<typeof invalid> };

/**
 * Reads a raw body of at most `limit` bytes. Over it, the answer is 'tooLarge' at once — the caller answers
 * 413, and the connection is closed after that answer (not torn down before it), the rest of the upload
 * discarded unread. 'broken': the client went away mid-upload, nobody is left to answer.
 */
export function readRaw(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<Buffer | 'tooLarge' | 'broken'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    res.setHeader('connection', 'close');
    req.resume();
    return Promise.resolve('tooLarge');
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        res.setHeader('connection', 'close');
        resolve('tooLarge');
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', () => {
      over = true;
      resolve('broken');
    });
  });
}

/**
 * Reads a JSON body (`readRaw`): over `limit` the error envelope with 413. Bad JSON is INVALID_INPUT. An
 * empty body reads as `{}` (a GET-like call with no data).
 */
export async function readJson(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY): Promise<Body> {
  const raw = await readRaw(req, res, limit);
  if (raw === 'tooLarge')
    return {
      ok: false,
      status: 413,
      error: invalid('请求过大', { body: `不超过 ${Math.floor(limit / 1024 / 1024)}MB` }),
    };
  if (raw === 'broken') return { ok: false, status: 400, error: invalid('请求未传完') };
  const text = raw.toString('utf8');
  if (!text.trim()) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, error: invalid('请求不是有效的 JSON') };
  }
}

/** A JSON object body (not null, an array or a string): what every route of the host takes. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
