/**
 * `npm run bench` (second part): how the H5 app's first page loads over a slow link, measured in Debian's
 * Chromium driving the real build (dist/h5) served by the real host on a fresh demo database.
 *   - bytes on the wire for the first page (every response until the home page shows its deputies)
 *   - first contentful paint, the home page's heading, the first deputy row
 * on two emulated links (Chrome's network emulation): 150 ms / 1.6 Mbps (Lighthouse's "slow 4G") and
 * 400 ms / 400 kbps ("slow 3G"). Each run starts with an empty cache; the median of three runs is printed.
 * A measurement, not a test: the byte budget is checked by tests/e2e/first-page.e2e.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createLocalPorts } from '../cloudfunctions/host/ports';
import { createHost } from '../cloudfunctions/host/server';
import { seedDemo } from '../cloudfunctions/modules/registry';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LINKS = [
  { name: '150 ms / 1.6 Mbps', latency: 150, down: 1_600_000, up: 750_000 },
  { name: '400 ms / 400 kbps', latency: 400, down: 400_000, up: 400_000 },
];
const RUNS = 3;

interface Run {
  bytes: number;
  jsBytes: number;
  requests: number;
  fcp: number;
  heading: number;
  deputies: number;
}

/** Page-side timestamps (ms since navigation start) of the first moment each selector is in the page. */
const MARKS = `
  window.__marks = {};
  const want = { heading: '.home .h1', deputies: '.deputy-row' };
  const look = () => {
    for (const [k, sel] of Object.entries(want))
      if (!(k in window.__marks) && document.querySelector(sel)) window.__marks[k] = performance.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
`;

async function once(base: string, link: (typeof LINKS)[number]): Promise<Run> {
  const profile = mkdtempSync(join(tmpdir(), 'deputylink-load-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
  });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.addInitScript(MARKS);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: link.latency,
      downloadThroughput: link.down / 8,
      uploadThroughput: link.up / 8,
    });
    const types = new Map<string, string>();
    let bytes = 0;
    let jsBytes = 0;
    let requests = 0;
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      requests++;
      bytes += e.encodedDataLength;
      if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
    });
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    await page.locator('.deputy-row').first().waitFor({ timeout: 60_000 });
    const t = await page.evaluate(() => {
      const w = window as unknown as { __marks: Record<string, number> };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return { fcp, heading: w.__marks.heading ?? NaN, deputies: w.__marks.deputies ?? NaN };
    });
    return { bytes, jsBytes, requests, ...t };
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function h5Load(staticDir = 'dist/h5'): Promise<void> {
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.log(`  (no ${staticDir} — run \`npm run build:h5\` first)`);
    return;
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`  (no Chromium at ${CHROMIUM} — apt-get install -y chromium)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'deputylink-load-host-'));
  const ports = createLocalPorts({
    dbPath: join(dir, 'load.db'),
    filesDir: join(dir, 'files'),
    publicUrl: 'http://localhost',
    idHashSecret: 'load',
  });
  await seedDemo(ports);
  const server: Server = createHost({
    ports,
    sessionSecret: 'load',
    staticDir,
    filesDir: join(dir, 'files'),
    demo: true,
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const link of LINKS) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(base, link));
      const m = (k: keyof Run) => median(runs.map((r) => r[k]));
      console.log(
        `  ${link.name.padEnd(18)} first page ${kb(m('bytes')).padStart(7)} on the wire (JS ${kb(m('jsBytes'))}, ${m('requests')} requests)` +
          `  first paint ${s(m('fcp'))}  heading ${s(m('heading'))}  deputies ${s(m('deputies'))}`,
      );
    }
    console.log('  goal: first page ≤ 150 KB; on 150 ms / 1.6 Mbps the home page shows its content in ≤ 2 s');
  } finally {
    await new Promise((r) => server.close(r));
    ports.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  console.log('\nH5 first page over an emulated slow link (dist/h5, Chromium)');
  void h5Load().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
