/**
 * The H5 build and the locally stored files, over HTTP.
 *   - A path is percent-decoded once; a malformed one is 400, one that leaves its folder (a `..`, or a
 *     sibling whose name merely starts like the folder's) is 404.
 *   - The build's .br / .gz siblings (written by config/precompress.ts) are served to browsers that accept
 *     them, with `Vary: Accept-Encoding`; hashed file names are cached for a year, everything else
 *     (index.html, the browser routes that fall back to it) is `no-cache` and revalidated by ETag.
 *   - index.html is served with the mode of this host (a meta tag the app reads for its demo banner) and a
 *     Content-Security-Policy that allows its own inline script by hash and nothing from elsewhere.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { API_CSP, SECURITY_HEADERS, sendJson, sendText } from './http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
/** Types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.txt', '.map', '.svg']);
/** A content hash in the name (`app.5498250d.js`): the file never changes, so it may be cached for good. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

/** The percent-decoded path, or null when its encoding is malformed or it holds a NUL. */
export function decodePath(p: string): string | null {
  let out: string;
  try {
    out = decodeURIComponent(p);
  } catch {
    return null;
  }
  return out.includes('\0') ? null : out;
}

/** A path under `root`, or null when it would leave it. `root` itself counts as inside. */
export function inside(root: string, rel: string): string | null {
  const base = resolve(root);
  const full = resolve(base, `.${sep}${rel}`);
  return full === base || full.startsWith(base + sep) ? full : null;
}

const fileStat = (p: string): Stats | null => {
  try {
    const s = statSync(p);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
};

type Encoding = 'br' | 'gzip';
/** Which encodings the client takes, by Accept-Encoding and its q-values (q=0 refuses). */
export function accepted(header: string | string[] | undefined): Set<Encoding> {
  const out = new Set<Encoding>();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br' || name === 'gzip') out.add(name);
    else if (name === '*') {
      out.add('br');
      out.add('gzip');
    }
  }
  return out;
}

const etagOf = (s: Stats, suffix: string) => `"${s.mtimeMs.toString(36)}-${s.size.toString(36)}${suffix}"`;

function notModified(req: IncomingMessage, etag: string): boolean {
  const inm = req.headers['if-none-match'];
  return !!inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** One file, or its pre-compressed sibling when the client takes it. */
function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  stat: Stats,
  headers: Record<string, string>,
) {
  const ext = extname(file).toLowerCase();
  const compressible = COMPRESSIBLE.has(ext);
  let path = file;
  let st = stat;
  let encoding: Encoding | null = null;
  if (compressible) {
    const ok = accepted(req.headers['accept-encoding']);
    for (const [enc, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      const s = ok.has(enc) ? fileStat(file + suffix) : null;
      if (s) {
        path = file + suffix;
        st = s;
        encoding = enc;
        break;
      }
    }
  }
  const etag = etagOf(st, encoding ? `-${encoding}` : '');
  const common: Record<string, string> = {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    etag,
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
  };
  if (notModified(req, etag)) {
    res.writeHead(304, common);
    return res.end();
  }
  res.writeHead(200, {
    ...common,
    'content-length': String(st.size),
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}

interface Page {
  key: string;
  csp: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

/** index.html as this host serves it: the mode meta tag, the CSP with its inline scripts' hashes. */
function renderIndex(html: string, demo: boolean): Omit<Page, 'key'> {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    // Taro's H5 components set inline styles and add <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    // Booking-code QR images are data: URLs; a picked photo is previewed from a blob: URL.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const meta = `<meta name="deputylink-mode" content="${demo ? 'demo' : 'production'}"/>`;
  const doc = html.replace(/<head([^>]*)>/i, (h) => `${h}${meta}`);
  const identity = Buffer.from(doc, 'utf8');
  return {
    csp,
    identity,
    br: brotliCompressSync(identity, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 },
    }),
    gzip: gzipSync(identity, { level: 9 }),
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 16)}"`,
  };
}

export interface StaticOptions {
  staticDir: string;
  filesDir: string;
  demo: boolean;
}

export function staticFiles(o: StaticOptions) {
  let page: Page | null = null;
  const indexPage = (): Page | null => {
    const file = join(o.staticDir, 'index.html');
    const st = fileStat(file);
    if (!st) return null;
    const key = `${st.mtimeMs}:${st.size}`;
    if (page?.key !== key) page = { key, ...renderIndex(readFileSync(file, 'utf8'), o.demo) };
    return page;
  };

  const sendIndex = (req: IncomingMessage, res: ServerResponse) => {
    const p = indexPage();
    if (!p)
      return sendText(res, 503, 'H5 build missing: run `npm run build:h5` (npm start does this for you).');
    const ok = accepted(req.headers['accept-encoding']);
    const [body, encoding] = ok.has('br')
      ? [p.br, 'br']
      : ok.has('gzip')
        ? [p.gzip, 'gzip']
        : [p.identity, ''];
    const etag = p.etag.replace(/"$/, encoding ? `-${encoding}"` : '"');
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'content-security-policy': p.csp,
      'content-type': TYPES['.html'],
      'cache-control': 'no-cache',
      vary: 'Accept-Encoding',
      etag,
    };
    if (notModified(req, etag)) {
      res.writeHead(304, headers);
      return res.end();
    }
    res.writeHead(200, {
      ...headers,
      'content-length': String(body.length),
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  return {
    /** GET /files/<path>: a stored file (contact-card images). */
    file(req: IncomingMessage, res: ServerResponse, rawRest: string) {
      const rel = decodePath(rawRest);
      if (rel === null)
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '地址格式不正确' } });
      const file = rel ? inside(o.filesDir, rel) : null;
      const st = file ? fileStat(file) : null;
      if (!file || !st)
        return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在' } });
      return serveFile(req, res, file, st, {
        'cache-control': 'no-cache',
        'content-security-policy': API_CSP,
        // Contact-card images are public: another site (the county's) may show them.
        'cross-origin-resource-policy': 'cross-origin',
      });
    },

    /** GET anything else: a file of the build, else index.html for the browser routes. */
    app(req: IncomingMessage, res: ServerResponse, rawPath: string) {
      const rel = decodePath(rawPath);
      if (rel === null) return sendText(res, 400, 'Bad request: malformed percent-encoding in the path.');
      const file = inside(o.staticDir, rel);
      if (!file) return sendText(res, 404, 'Not found.');
      if (file === join(resolve(o.staticDir), 'index.html')) return sendIndex(req, res);
      const st = fileStat(file);
      if (st)
        return serveFile(req, res, file, st, {
          'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
          'content-security-policy': API_CSP,
        });
      // A missing script or style is a 404, never the app's page (which the browser would try to run).
      if (extname(rel) && extname(rel) !== '.html') return sendText(res, 404, 'Not found.');
      return sendIndex(req, res);
    },
  };
}
