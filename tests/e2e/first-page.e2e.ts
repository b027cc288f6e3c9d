/**
 * Browser test of what the first page costs (issue 7, item 11) and what the page policy allows (item 10):
 *   - the home page, from an empty cache, takes at most 150 KB on the wire, its scripts brotli-compressed
 *     and cached for good (hashed names), index.html revalidated;
 *   - a second page reuses the shared chunk from the cache instead of fetching the components again;
 *   - no page the flow visits trips the Content-Security-Policy.
 * Sizes, not times: how fast it shows on a slow link is measured by `npm run bench` (scripts/h5-load.ts).
 */
import type { BrowserContext } from 'playwright-core';
import { inBrowser, newPage, personas, signIn, step } from './support';

const BASE = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const BUDGET = 150 * 1024;

interface Seen {
  url: string;
  type: string;
  bytes: number;
  encoding?: string;
  cache?: string;
  fromCache: boolean;
}

async function run(ctx: BrowserContext) {
  const page = await newPage(ctx);
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = new Map<string, Seen>();
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    seen.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      bytes: 0,
      encoding: h['content-encoding'],
      cache: h['cache-control'],
      fromCache: Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache),
    });
  });
  const fromCache = new Set<string>();
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => {
    const s = seen.get(e.requestId);
    if (s) s.bytes = e.encodedDataLength;
  });

  step('opens the home page with an empty cache');
  await page.goto(`${BASE}/`);
  await page.locator('.deputy-row').first().waitFor();
  const first = [...seen.values()];
  const total = first.reduce((n, s) => n + s.bytes, 0);
  const scripts = first.filter((s) => s.type === 'Script');
  step(
    `first page: ${(total / 1024).toFixed(0)} KB on the wire in ${first.length} responses (${scripts.length} scripts)`,
  );
  if (total > BUDGET) throw new Error(`the first page takes ${total} bytes, over the ${BUDGET}-byte budget`);
  for (const s of scripts) {
    if (s.encoding !== 'br') throw new Error(`${s.url} came ${s.encoding ?? 'uncompressed'}, not brotli`);
    if (!/immutable/.test(s.cache ?? '')) throw new Error(`${s.url} is not cached for good (${s.cache})`);
  }
  const doc = first.find((s) => s.type === 'Document');
  if (doc?.cache !== 'no-cache') throw new Error(`index.html is cached as "${doc?.cache}", not no-cache`);

  step('another page, loaded afresh, takes the app and the shared chunk from the cache');
  seen.clear();
  await page.goto(`${BASE}/pages/receptions/index`);
  await page.locator('.page').first().waitFor();
  const again = [...seen.entries()].filter(
    ([, s]) => s.type === 'Script' && /\/js\/(app|pages)\./.test(s.url),
  );
  const refetched = again.filter(([id, s]) => !s.fromCache && !fromCache.has(id));
  if (!again.length || refetched.length)
    throw new Error(
      `scripts downloaded again: ${refetched.map(([, s]) => s.url).join(', ') || '(none seen)'}`,
    );

  step('signed in as a voter, the pages a voter opens do not trip the Content-Security-Policy');
  const all = await personas(BASE);
  const voter = all.find((p) => p.id === 'voter')!;
  await signIn(page, BASE, voter, '/pages/bookings/index');
  await page.locator('.page').first().waitFor();

  step('no page trips the Content-Security-Policy');
  for (const path of ['/pages/me/index', '/pages/receptions/index', '/pages/login/index']) {
    await page.goto(`${BASE}${path}`);
    await page.locator('.page').first().waitFor();
  }
  const inPage = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  if (violations.length || inPage.length)
    throw new Error(`CSP violations: ${[...violations, ...inPage].join('; ')}`);
}

void inBrowser({ name: 'first page size and page policy', slug: 'first-page', target: BASE }, run).then(
  (ok) => process.exit(ok ? 0 : 1),
);
