/**
 * What the browser flows share: Debian's Chromium in a throwaway profile, the demo personas, the demo
 * sign-in and a few waits. Not a test itself (scripts/e2e.mjs runs only files ending in `.e2e.ts`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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

/** One entry of `GET /api/session/personas`. */
export interface Persona {
  id: string;
  name: string;
  role: string;
  description: string;
  deputyId?: string;
  code?: string;
}

/** A TCP port nobody listens on now: for a test that runs its own host. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => ok(port));
    });
  });
}

export function step(msg: string) {
  console.log(`  · ${msg}`);
}

export async function personas(base: string): Promise<Persona[]> {
  const res = await fetch(`${base}/api/session/personas`);
  const body = (await res.json()) as { ok: boolean; data?: Persona[] };
  if (!body.ok || !body.data) throw new Error('GET /api/session/personas failed');
  return body.data;
}

/** A new tab whose script errors are printed with the steps. */
export async function newPage(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log(`    [pageerror] ${e.message}`));
  return page;
}

/** Signs in through the demo login page and lands on `redirect`. */
export async function signIn(page: Page, base: string, persona: Persona, redirect: string) {
  await page.goto(`${base}/pages/login/index?redirect=${encodeURIComponent(redirect)}`);
  await page.locator('.login-banner').filter({ hasText: '演示模式' }).waitFor();
  await page.locator('.persona').filter({ hasText: persona.name }).first().click();
  const path = redirect.split('?')[0];
  await page.waitForURL((u) => u.pathname === path, { timeout: 15000 });
}

/** Taro's H5 modal (Taro.showModal): press its confirm button. */
export async function confirmModal(page: Page, confirmText: string) {
  const button = page.locator('.taro-model__confirm').filter({ hasText: confirmText });
  await button.waitFor();
  await button.click();
}

export async function expectText(page: Page, selector: string, text: string | RegExp) {
  await page.locator(selector).filter({ hasText: text }).first().waitFor();
}

/**
 * Runs one flow in Chromium with a fresh profile, on a phone-sized screen in Chinese (`bypassCSP` lets
 * it inject scripts, for the accessibility check). On failure it
 * prints the reason and saves a screenshot of the last page to test-results/<slug>-failure.png.
 * Resolves to whether the flow passed.
 */
export async function inBrowser(
  flow: { name: string; slug: string; target: string; bypassCSP?: boolean },
  run: (ctx: BrowserContext) => Promise<void>,
): Promise<boolean> {
  const profile = mkdtempSync(join(tmpdir(), 'deputylink-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    // Only a flow that injects a checker (axe-core, by addScriptTag) asks the host's CSP to step aside.
    bypassCSP: flow.bypassCSP ?? false,
  });
  ctx.setDefaultTimeout(15000);
  let ok = false;
  try {
    console.log(`${flow.name} against ${flow.target}`);
    await run(ctx);
    ok = true;
    console.log(`✔ ${flow.name} passed`);
  } catch (e) {
    console.error(`✘ ${flow.name} failed: ${(e as Error).message}`);
    const page = ctx.pages().at(-1);
    if (page) {
      mkdirSync('test-results', { recursive: true });
      const shot = join('test-results', `${flow.slug}-failure.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      console.error(`  at ${page.url()} (screenshot: ${shot})`);
    }
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return ok;
}
