/**
 * Browser test of the host as a county's own deployment (DEMO=0; issue 7, item 8): a fresh database with
 * only the county's region tree (loaded as `--load-regions` does) and the first county-office invitation
 * (as `--invite-county` prints it). In the browser: no personas and no demo banner; the invitation opens
 * an account with a password; the county office issues a township-office invitation, which its holder
 * redeems; signing out and in again takes the password; wrong passwords lock the account.
 *
 * Runs its own host (production mode cannot share the demo host of the other flows). Plain node script
 * (run by `npm run test:e2e`); exits non-zero on failure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { loadRegions } from '../../cloudfunctions/host/regions';
import { createHost, type HostServer } from '../../cloudfunctions/host/server';
import { expectText, freePort, inBrowser, newPage, step } from './support';

const STATIC_DIR = resolve(process.env.STATIC_DIR ?? 'dist/h5');
let BASE = '';
let host: HostServer;

async function startHost(dataDir: string) {
  const port = await freePort();
  BASE = `http://localhost:${port}`;
  const ports = createLocalPorts({
    dbPath: join(dataDir, 'deputylink.db'),
    filesDir: join(dataDir, 'files'),
    publicUrl: BASE,
    idHashSecret: 'e2e-production',
  });
  await loadRegions(ports, JSON.parse(readFileSync('cloudfunctions/host/regions.example.json', 'utf8')));
  host = createHost({
    ports,
    sessionSecret: 'e2e-production-session',
    staticDir: STATIC_DIR,
    filesDir: join(dataDir, 'files'),
    demo: false,
  });
  await new Promise<void>((ok) => host.listen(port, '127.0.0.1', ok));
  return () => new Promise<void>((ok) => host.close(() => (ports.store.close(), ok())));
}

async function redeem(page: Page, code: string, login: string, password: string) {
  await page.goto(`${BASE}/pages/login/index`);
  await page.locator('.show-redeem').click();
  await page.locator('.redeem-code input').fill(code);
  await page.locator('.redeem-login input').fill(login);
  await page.locator('.redeem-password input').fill(password);
  await page.locator('.redeem-again input').fill(password);
  await page.locator('.redeem-submit').click();
  await page.waitForURL((u) => u.pathname === '/pages/home/index');
}

/** Taro's H5 picker: a tap on a row of the open column picks it (the column's mask takes the tap), then 确定. */
async function pick(page: Page, trigger: string, text: string) {
  await page.locator(trigger).click();
  const item = page.locator('.weui-picker__item:visible').filter({ hasText: text });
  await item.waitFor();
  // The column slides up: tap it where the row is once it stands still.
  await page
    .locator('.weui-picker:visible')
    .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  const box = (await item.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.weui-picker__action:visible').filter({ hasText: '确定' }).click();
  await expectText(page, trigger, text);
}

async function signInWith(page: Page, login: string, password: string) {
  await page.goto(`${BASE}/pages/login/index`);
  await page.locator('.signin-login input').fill(login);
  await page.locator('.signin-password input').fill(password);
  await page.locator('.signin-submit').click();
}

async function run(ctx: BrowserContext) {
  const page = await newPage(ctx);

  step('the login page has no personas and no demo banner');
  await page.goto(`${BASE}/pages/login/index`);
  await page.locator('.signin-form').waitFor();
  if (await page.locator('.persona, .demo-banner').count())
    throw new Error('a production host shows demo personas or the demo banner');
  const personas = await fetch(`${BASE}/api/session/personas`);
  if (personas.status !== 404) throw new Error(`GET /api/session/personas answered ${personas.status}`);

  step('the first county-office invitation opens an account with a password');
  const first = await host.accounts.invite(
    { kind: 'account', role: 'countyOffice', scopeId: 'county-ex', displayName: '县人大 钱主任' },
    'cli',
  );
  await redeem(page, first.code, 'qian.county', 'county pass 1');
  await page.goto(`${BASE}/pages/me/index`);
  await expectText(page, '.me-name', '钱主任');
  if (await page.locator('.demo-banner').count())
    throw new Error('the demo banner shows on a production host');

  step('the county office issues a township-office invitation on the login page');
  await page.goto(`${BASE}/pages/login/index`);
  await page.locator('.invite-panel').waitFor();
  await pick(page, '.invite-role', '乡镇人大工作人员');
  await pick(page, '.invite-scope', '甲镇');
  await page.locator('.invite-name input').fill('甲镇 吴干事');
  await page.locator('.invite-submit').click();
  const code = (await page.locator('.invite-code').textContent())?.trim() ?? '';
  if (!/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/.test(code))
    throw new Error(`no invitation code shown (${code})`);

  step('signing out, the township officer redeems it and lands signed in');
  await page.locator('.sign-out').click();
  await page.locator('.current-session').waitFor({ state: 'detached' });
  await redeem(page, code, 'wu.jia', 'township pass 2');
  await page.goto(`${BASE}/pages/me/index`);
  await expectText(page, '.me-name', '吴干事');

  step('signing in again takes the password; wrong ones lock the account');
  await page.goto(`${BASE}/pages/login/index`);
  await page.locator('.sign-out').click();
  for (let i = 0; i < 5; i++) {
    await signInWith(page, 'wu.jia', `wrong password ${i}`);
    await page.locator('.signin-form .field-error, .signin-error').first().waitFor();
  }
  await expectText(page, '.signin-error', '之后再试');
  await signInWith(page, 'wu.jia', 'township pass 2');
  await expectText(page, '.signin-error', '之后再试');
  // Another account is not affected.
  await signInWith(page, 'qian.county', 'county pass 1');
  await page.waitForURL((u) => u.pathname === '/pages/home/index');
}

const dataDir = mkdtempSync(join(tmpdir(), 'deputylink-e2e-production-'));
void startHost(dataDir)
  .then(async (stop) => {
    const ok = await inBrowser(
      { name: 'production sign-in', slug: 'production-signin', target: `${BASE} (own host, DEMO=0)` },
      run,
    );
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(ok ? 0 : 1);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
