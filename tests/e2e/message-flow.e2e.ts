/**
 * Browser test of the H5 build against the local host: a voter messages a deputy from the deputy's
 * contact card, the deputy replies from the inbox, the voter reads the reply.
 *
 * Plain node script (run by `npm run test:e2e`, or `npx tsx tests/e2e/message-flow.e2e.ts`);
 * exits non-zero on failure. BASE_URL defaults to http://localhost:8080.
 */
import type { BrowserContext } from 'playwright-core';
import { inBrowser, newPage, personas, signIn, step } from './support';

const BASE = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');

async function run(ctx: BrowserContext) {
  const all = await personas(BASE);
  const voter = all.find((p) => p.id === 'voter') ?? all.find((p) => p.role === 'voter');
  const deputy = all.find((p) => p.role === 'deputy' && p.code);
  if (!voter || !deputy?.code) throw new Error('the host lists no voter or no deputy persona with a code');
  const text = `e2e 村口路灯坏了，请代表关注 ${Date.now().toString(36)}`;
  const reply = `e2e 已联系镇里维修，本周内修好 ${Date.now().toString(36)}`;
  const cardUrl = `/pages/card/index?code=${encodeURIComponent(deputy.code)}`;

  const page = await newPage(ctx);

  step(`voter ${voter.name} signs in and opens the card of ${deputy.name} (${deputy.code})`);
  await signIn(page, BASE, voter, cardUrl);
  await page.locator('.card-name').filter({ hasText: deputy.name }).waitFor();

  step('writes and sends a message');
  await page.locator('.card-write-button').click();
  await page.waitForURL((u) => u.pathname === '/pages/write/index');
  await page.locator('.write-textarea textarea').fill(text);
  await page
    .locator('.write-counter')
    .filter({ hasText: `${text.length} / ` })
    .waitFor();
  await page.locator('.write-send').click();
  await page
    .locator('.write-result')
    .filter({ hasText: /已送达|已提交/ })
    .waitFor();

  step('lands on the thread and sees the message');
  await page.waitForURL((u) => u.pathname === '/pages/thread/index', { timeout: 15000 });
  await page.locator('.bubble-text').filter({ hasText: text }).waitFor();
  const threadId = new URL(page.url()).searchParams.get('threadId');
  if (!threadId) throw new Error('the thread page has no threadId');

  step(`deputy ${deputy.name} signs in and opens the inbox`);
  await signIn(page, BASE, deputy, '/deputy/inbox/index');
  const row = page.locator('.thread-row').filter({ hasText: text.slice(0, 20) });
  await row.first().waitFor();
  await row.first().click();
  await page.waitForURL((u) => u.pathname === '/deputy/thread/index');
  await page.locator('.bubble-text').filter({ hasText: text }).waitFor();

  step('replies');
  await page.locator('.reply-textarea textarea').fill(reply);
  await page.locator('.reply-send').click();
  await page.locator('.bubble-text').filter({ hasText: reply }).waitFor();

  step('voter signs back in and reads the reply in the thread');
  await signIn(page, BASE, voter, '/pages/threads/index');
  // The thread's last text is now the reply.
  const mine = page.locator('.thread-row').filter({ hasText: reply.slice(0, 20) });
  await mine.first().waitFor();
  await mine.first().click();
  await page.waitForURL(
    (u) => u.pathname === '/pages/thread/index' && u.searchParams.get('threadId') === threadId,
  );
  await page.locator('.bubble-text').filter({ hasText: text }).waitFor();
  await page.locator('.bubble-text').filter({ hasText: reply }).waitFor();
  const status = await page.locator('.tag--replied').count();
  if (status < 1) throw new Error('the thread is not marked 已回复');
}

async function main() {
  const ok = await inBrowser({ name: 'message flow', slug: 'message-flow', target: BASE }, run);
  process.exit(ok ? 0 : 1);
}

void main();
