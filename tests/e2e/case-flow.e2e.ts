/**
 * Browser test of the H5 build against the local host: a public opinion report from filing to
 * publication. The voter 王小明 files it (both consents) → 李华 accepts and forwards it → 周干事 assigns
 * 县交通运输局 → 钱科长 replies → the voter rates 不满意 and it reopens → the unit replies again → the voter
 * rates 满意 → the office publishes it → an anonymous visitor reads it without personal details.
 *
 * Plain node script (run by `npm run test:e2e`); exits non-zero on failure. BASE_URL defaults to
 * http://localhost:8080.
 */
import type { BrowserContext, Page } from 'playwright-core';
import {
  confirmModal,
  expectText,
  inBrowser,
  newPage,
  personas,
  signIn,
  step,
  type Persona,
} from './support';

const BASE = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');

/** Taro's H5 picker: a tap on a row of the open column picks it, then 确定. */
async function pick(page: Page, trigger: string, text: string) {
  await page.locator(trigger).click();
  const item = page.locator('.weui-picker__item:visible').filter({ hasText: text });
  await item.first().waitFor();
  await page
    .locator('.weui-picker:visible')
    .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  const box = (await item.first().boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.weui-picker__action:visible').filter({ hasText: '确定' }).click();
  await expectText(page, trigger, text);
}

async function run(ctx: BrowserContext) {
  const all = await personas(BASE);
  const who = (id: string): Persona => {
    const p = all.find((x) => x.id === id);
    if (!p) throw new Error(`the host lists no ${id} persona`);
    return p;
  };
  const [voter, deputy, office, unit] = ['voter', 'deputy', 'township', 'unit'].map(who);
  const tag = Date.now().toString(36).slice(-5);
  const text = `我是王小明，电话13800138000。青石镇中心小学门前路口没有红绿灯，上学时很危险 ${tag}`;
  const page = await newPage(ctx);
  const detail = (caseId: string) => `/cases/detail/index?caseId=${caseId}`;
  const act = async (button: string, confirm: string) => {
    await page.locator(`.case-action--${button}`).click();
    if (confirm) await confirmModal(page, confirm);
  };
  const status = (label: string) => expectText(page, '.case-status-line', label);

  step(`voter ${voter.name} files a report with both consents`);
  await signIn(page, BASE, voter, '/cases/submit/index');
  await expectText(page, '.case-place', '青石镇第一选区');
  await pick(page, '.case-category', '交通出行');
  await page.locator('.case-text textarea').fill(text);
  await page.locator('.case-consent-forward').click();
  await page.locator('.case-consent-publish').click();
  await page.locator('.case-submit-button').click();
  await confirmModal(page, '提交');
  await page.waitForURL((u) => u.pathname === '/cases/detail/index');
  const caseId = new URL(page.url()).searchParams.get('caseId');
  if (!caseId) throw new Error('the case page has no caseId');
  await status('已提交，等待代表受理');
  await expectText(page, '.timeline-text', '您提交了这件社情民意');

  step(`deputy ${deputy.name} finds it waiting, accepts it and forwards it`);
  await signIn(page, BASE, deputy, '/deputy/cases/index');
  const waiting = page.locator('.case-row').filter({ hasText: tag });
  await waiting.first().waitFor();
  await waiting.first().click();
  await page.waitForURL((u) => u.pathname === '/cases/detail/index');
  await act('accept', '受理');
  await status('代表已受理');
  await act('forward', '');
  await page.locator('.case-action-text textarea').fill('请交通部门办理');
  await page.locator('.case-confirm--forward').click();
  await confirmModal(page, '确定');
  await status('已转交人大办，等待交办');

  step(`${office.name} assigns it to 县交通运输局`);
  await signIn(page, BASE, office, '/office/cases/index');
  await page.locator('.case-row').filter({ hasText: '青石镇' }).first().waitFor();
  await page.goto(`${BASE}${detail(caseId)}&staff=1`);
  await act('assign', '');
  await pick(page, '.case-lead', '县交通运输局');
  await page.locator('.case-confirm--assign').click();
  await confirmModal(page, '确定');
  await status('已交办承办单位');

  const reply = async (category: string, answer: string) => {
    await act('reply', '');
    await page.locator('.case-answer-category').filter({ hasText: category }).click();
    await page.locator('.case-action-text textarea').fill(answer);
    await page.locator('.case-confirm--reply').click();
    await confirmModal(page, '确定');
  };
  step(`${unit.name} (县交通运输局) sees it in the unit's queue and replies`);
  await signIn(page, BASE, unit, '/unit/index/index');
  const row = page.locator('.case-row').filter({ hasText: tag });
  await row.first().waitFor();
  await row.first().click();
  await page.waitForURL((u) => u.pathname === '/cases/detail/index');
  await reply('列入年度计划', '明年安装红绿灯');
  await status('承办单位已答复，请评价');

  const rate = async (attitude: number, result: number) => {
    await act('rate', '');
    await page.locator('.case-rate-attitude').nth(attitude).click();
    await page.locator('.case-rate-result').nth(result).click();
    await page.locator('.case-confirm--rate').click();
    await confirmModal(page, '确定');
  };
  step('the voter rates the result 不满意: the case reopens');
  await signIn(page, BASE, voter, '/cases/mine/index');
  await page.locator('.case-row').filter({ hasText: tag }).first().click();
  await page.waitForURL((u) => u.pathname === '/cases/detail/index');
  await expectText(page, '.case-answer-text', '明年安装红绿灯');
  await rate(0, 2);
  await status('不满意，重新办理中');
  await expectText(page, '.timeline-text', '重新办理');

  step('the unit replies again');
  await signIn(page, BASE, unit, `${detail(caseId)}&staff=1`);
  await reply('已解决或采纳', '已安装临时信号灯并安排交警值守');
  await status('承办单位已答复，请评价');

  step('the voter rates 满意: closed, and the rating says so');
  await signIn(page, BASE, voter, detail(caseId));
  await rate(0, 0);
  await status('已办结');
  await expectText(page, '.case-outcome', '满意');

  step(`${office.name} publishes it`);
  await signIn(page, BASE, office, `${detail(caseId)}&staff=1`);
  await act('publish', '');
  await page.locator('.case-confirm--publish').click();
  await confirmModal(page, '确定');
  await expectText(page, '.timeline-text', '公开了这件事');

  step('an anonymous visitor reads it without personal details');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(`${BASE}/cases/published/index`);
  const pub = page.locator('.published-row').filter({ hasText: tag });
  await pub.first().waitFor();
  const shown = await pub.first().innerText();
  for (const secret of ['王小明', '13800138000'])
    if (shown.includes(secret)) throw new Error(`the published case shows ${secret}`);
  if (!shown.includes('红绿灯')) throw new Error('the published case lost its substance');
  await pub.first().click();
  await page.waitForURL((u) => u.pathname === '/cases/detail/index');
  await expectText(page, '.case-text-shown', '红绿灯');
  const body = await page.locator('.case-detail').innerText();
  for (const secret of ['王小明', '13800138000'])
    if (body.includes(secret)) throw new Error(`the public case page shows ${secret}`);
}

async function main() {
  const ok = await inBrowser({ name: 'case flow', slug: 'case-flow', target: BASE }, run);
  process.exit(ok ? 0 : 1);
}

void main();
