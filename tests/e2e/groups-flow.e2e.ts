/**
 * Browser test of the H5 build: a real-name group from its creation to 已读 1.
 * The deputy 李华 creates a group for 青石镇第一选区 → the verified voter 王小明 opens 李华's contact card, finds
 * the group there and joins it → 李华 posts a notice → 王小明 sees it in the group → 李华 sees 已读 1 / 成员 1.
 * Plain node script (run by `npm run test:e2e` against its host; BASE_URL defaults to http://localhost:8080).
 */
import type { BrowserContext } from 'playwright-core';
import { confirmModal, expectText, inBrowser, newPage, personas, signIn, step } from './support';

const BASE = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');

async function run(ctx: BrowserContext) {
  const all = await personas(BASE);
  const who = (id: string) => {
    const p = all.find((x) => x.id === id);
    if (!p) throw new Error(`the host lists no persona "${id}"`);
    return p;
  };
  const [deputy, voter] = ['deputy', 'voter'].map(who);
  if (!deputy.code) throw new Error('the deputy persona has no card code');
  const tag = Date.now().toString(36).slice(-5);
  const name = `议事群${tag}`;
  const notice = `本周六上午九点在村委会开议事会（${tag}），欢迎参加。`;
  const page = await newPage(ctx);

  step('the deputy creates a group for his constituency');
  await signIn(page, BASE, deputy, '/deputy/groups/index');
  await page.locator('.group-create-open').click();
  await page.locator('.group-create-name input').fill(name);
  await page.locator('.group-create-submit').click();
  await confirmModal(page, '建立');
  await page.waitForURL((u) => u.pathname === '/deputy/group/index');
  const groupId = new URL(page.url()).searchParams.get('groupId');
  if (!groupId) throw new Error('no groupId after creating the group');

  step('the voter finds it on the deputy’s card and joins');
  await signIn(page, BASE, voter, `/pages/card/index?code=${encodeURIComponent(deputy.code)}`);
  const row = page.locator('.card-group').filter({ hasText: name });
  await row.waitFor();
  await row.locator('.card-group-open').click();
  await page.waitForURL((u) => u.pathname === '/groups/join/index');
  await expectText(page, '.join-name', name);
  await page.locator('.join-button').click();
  await confirmModal(page, '加入');
  await page.waitForURL((u) => u.pathname === '/groups/feed/index');
  await expectText(page, '.feed-group-name', name);

  step('the deputy posts a notice');
  await signIn(page, BASE, deputy, `/deputy/group/index?groupId=${groupId}`);
  await page.locator('.group-post-text textarea').fill(notice);
  await page.locator('.group-post-send').click();
  await confirmModal(page, '发布');
  await page.waitForURL((u) => u.pathname === '/groups/feed/index');

  step('the voter sees it (and has read it)');
  await signIn(page, BASE, voter, `/groups/feed/index?groupId=${groupId}`);
  await expectText(page, '.post-text', notice);
  // The mark of an unread post goes once the read is recorded.
  await page.locator('.post-card').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.post-card--unread').length === 0);

  step('the deputy sees 已读 1 / 成员 1');
  await signIn(page, BASE, deputy, `/groups/feed/index?groupId=${groupId}`);
  await expectText(page, '.post-reach', '已读 1 / 成员 1');
}

async function main() {
  const ok = await inBrowser({ name: 'real-name group flow', slug: 'groups-flow', target: BASE }, run);
  process.exit(ok ? 0 : 1);
}

void main();
