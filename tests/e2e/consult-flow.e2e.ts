/**
 * Browser test of the H5 build: a consultation from draft to adoption feedback.
 * The township office (周干事) pastes a two-article draft with one question and publishes it → the voter
 * 王小明 and the deputy 李华 answer, each commenting on an article → the office closes it, writes what was
 * adopted per article and publishes that → 王小明 sees the outcome beside his own comment.
 * Plain node script (run by `npm run test:e2e` against its host; BASE_URL defaults to http://localhost:8080).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { confirmModal, expectText, inBrowser, newPage, personas, signIn, step } from './support';

const BASE = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');

async function answer(page: Page, url: string, article: number, comment: string, option: string) {
  await page.goto(`${BASE}${url}`);
  await page.locator('.consult-article').nth(1).waitFor();
  await page.locator('.consult-article').nth(article).locator('.article-comment-open').click();
  await page.locator('.article-comment textarea').fill(comment);
  await page
    .locator('.consult-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
  await page.locator('.consult-submit').click();
  await confirmModal(page, '提交');
  await page.locator('.consult-done').waitFor();
}

async function run(ctx: BrowserContext) {
  const all = await personas(BASE);
  const who = (id: string) => {
    const p = all.find((x) => x.id === id);
    if (!p) throw new Error(`the host lists no persona "${id}"`);
    return p;
  };
  const [office, deputy, voter] = ['township', 'deputy', 'voter'].map(who);
  const tag = Date.now().toString(36);
  const title = `青石镇集镇停车管理办法（征求意见稿 ${tag}）`;
  const page = await newPage(ctx);

  step('the township office pastes a two-article draft with one question');
  await signIn(page, BASE, office, '/office/consults/index');
  await page.locator('.consult-new').click();
  await page.waitForURL((u) => u.pathname === '/office/consult-edit/index');
  await page.locator('.consult-edit-title input').fill(title);
  await page
    .locator('.consult-edit-text textarea')
    .fill('第一条 为了规范集镇停车秩序，制定本办法。\n第二条 集镇主街实行限时停车，每次不超过两小时。');
  await page.locator('.consult-edit-add-question').click();
  await page.locator('.consult-edit-question-title input').fill('您是否支持限时停车？');
  await page.locator('.consult-edit-options textarea').fill('支持\n不支持');
  await page.locator('.consult-edit-split').click();
  await page.locator('.consult-edit-article').nth(1).waitFor();

  step('publishes it');
  await page.locator('.consult-edit-publish').click();
  await confirmModal(page, '发布');
  await page.waitForURL((u) => u.pathname === '/office/consult/index');
  const id = new URL(page.url()).searchParams.get('consultationId');
  if (!id) throw new Error('no consultationId after publishing');
  const url = `/consult/answer/index?consultationId=${id}`;

  step('the voter comments on 第一条 and answers');
  await signIn(page, BASE, voter, '/consult/list/index');
  await page.locator('.consult-row').filter({ hasText: tag }).first().waitFor();
  await answer(page, url, 0, '建议写明适用的道路名称', '支持');

  step('the deputy comments on 第二条 and answers');
  await signIn(page, BASE, deputy, '/pages/me/index');
  await answer(page, url, 1, '两小时偏短，建议三小时', '不支持');

  step('the office sees both, closes the consultation and publishes what was adopted');
  await signIn(page, BASE, office, `/office/consult/index?consultationId=${id}`);
  await expectText(page, '.oc-responses', '共 2 人参与：选民 1，代表 1');
  await page.locator('.oc-comment').nth(1).waitFor();
  await page.locator('.oc-close').click();
  await confirmModal(page, '结束');
  await page.locator('.oc-feedback').nth(1).waitFor();
  const outcomes: [string, string][] = [
    ['采纳', '已写明主街和东西两条支路'],
    ['部分采纳', '限时改为三小时，逢集日另行规定'],
  ];
  for (const [i, [outcome, reason]] of outcomes.entries()) {
    const item = page.locator('.oc-feedback').nth(i);
    await item
      .locator('.oc-outcome')
      .filter({ hasText: new RegExp(`^${outcome}$`) })
      .click();
    await item.locator('.oc-reason input').fill(reason);
  }
  await page.locator('.oc-publish-feedback').click();
  await confirmModal(page, '公布');
  await page.locator('.oc-feedback-published').waitFor();

  step('the voter sees the outcome beside his own comment');
  await signIn(page, BASE, voter, url);
  await expectText(page, '.my-comment-text', '建议写明适用的道路名称');
  await expectText(page, '.my-comment-outcome', '这一条采纳：已写明主街和东西两条支路');
}

async function main() {
  const ok = await inBrowser({ name: 'consultation flow', slug: 'consult-flow', target: BASE }, run);
  process.exit(ok ? 0 : 1);
}

void main();
