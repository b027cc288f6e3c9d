/**
 * Browser test of the register page (issue 9): the import report names rows by their line in what was
 * pasted (as a file import does) and gives office staff the full name; a new import replaces the old report
 * (also when it fails); the chosen 选区 is kept when staff leave the page and come back. Then sign-out ends
 * the session on the host, not only on the phone (issue 7, item 9).
 */
import type { BrowserContext } from 'playwright-core';
import { checkDigit } from '../../cloudfunctions/modules/account/domain/idNumber';
import { confirmModal, expectText, inBrowser, newPage, personas, signIn, step } from './support';

const BASE = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const idOf = (first17: string) => first17 + checkDigit(first17);

async function run(ctx: BrowserContext) {
  const office = (await personas(BASE)).find((p) => p.id === 'township');
  if (!office) throw new Error('the host lists no township persona');
  const tag = Date.now().toString(36).slice(-4);
  const seq = String(Date.now() % 1000).padStart(3, '0');
  const first = `丁一${'梅兰竹菊'[Date.now() % 4]}`;
  const page = await newPage(ctx);

  step(`${office.name} opens the register and picks a 选区`);
  await signIn(page, BASE, office, '/office/register/index');
  await page.locator('.register-constituency').click();
  await page.locator('.weui-picker__action').filter({ hasText: '确定' }).click();
  await expectText(page, '.register-constituency', '第一选区');

  step('pastes a header, a blank line and two rows: the report numbers them by line, with full names');
  await page
    .locator('.register-paste textarea')
    .fill(`姓名,身份证号\n\n${first},${idOf(`53099919700707${seq}`)}\n钱二,12345\n`);
  await page.locator('.btn').filter({ hasText: '导入粘贴的内容' }).click();
  await confirmModal(page, '导入');
  await page.locator('.import-report').waitFor();
  await expectText(page, '.import-report .table-row', '第 3 行');
  await expectText(page, '.import-report .table-row', '第 4 行');
  await expectText(page, '.import-row-name', first);

  step('a failed import does not leave the old report standing');
  await page.route('**/api/account', (r) => r.abort());
  await page
    .locator('.register-paste textarea')
    .fill(`姓名,身份证号\n孙${tag},${idOf(`53099919700708${seq}`)}\n`);
  await page.locator('.btn').filter({ hasText: '导入粘贴的内容' }).click();
  await confirmModal(page, '导入');
  await page.locator('.register-page .error-text').waitFor();
  if (await page.locator('.import-report').count())
    throw new Error('the old report is still shown after a failed import');
  await page.unroute('**/api/account');

  step('leaving the page and coming back keeps the 选区');
  await page.goto(`${BASE}/pages/home/index`);
  await page.locator('.home').waitFor();
  await page.goto(`${BASE}/office/register/index`);
  await expectText(page, '.register-constituency', '第一选区');
  await expectText(page, '.register-page .table-row', first);

  step('sign-out on the login page ends the session on the host');
  const token = await page.evaluate(
    () => JSON.parse(localStorage.getItem('dl.token') ?? '{}').data as string,
  );
  await page.goto(`${BASE}/pages/login/index`);
  await page.locator('.sign-out').click();
  await page.locator('.current-session').waitFor({ state: 'detached' });
  const me = await fetch(`${BASE}/api/account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action: 'me', data: {} }),
  }).then((r) => r.json() as Promise<{ ok: boolean; error?: { code: string } }>);
  if (me.ok || me.error?.code !== 'UNAUTHENTICATED')
    throw new Error(`the signed-out token still works: ${JSON.stringify(me)}`);
}

void inBrowser({ name: 'register import and sign-out', slug: 'register-import', target: BASE }, run).then(
  (ok) => process.exit(ok ? 0 : 1),
);
