/**
 * Browser test of the H5 build: what a newcomer, a voter, a deputy, a township clerk, station staff and
 * the county office tripped on in their first week (issue 9), each kept fixed on a phone-sized screen.
 * The contact card's QR is whole on screen at normal and 1.5× type and in the saved image; 我的 fits
 * each role; office staff edit only the deputies in their scope; a disabled button never acts and says
 * what is missing; form problems are brought into view; a long paste is kept and said; closing a thread
 * waits for a reply; notifications, reception days, bookings and today's check-in read as people say
 * them; there is a way on from an unknown card, an unknown address and a page opened first. Then every
 * main screen is checked at 1.5× root font size (nothing wider than the phone, no number or code broken)
 * and by axe-core.
 *
 * Plain node script (run by `npm run test:e2e`, against the host it starts on a fresh database);
 * exits non-zero on failure. BASE_URL defaults to http://localhost:8080.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { addDays, chinaDate, dateLabel } from '../../cloudfunctions/core/time';
import { axeViolations, layoutProblems, qrProblems, setRootFont } from './checks';
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

/** One action through the host's HTTP contract as a persona (for the data a screen needs). */
async function api<T>(personaId: string, fn: string, action: string, data: unknown, requestId?: string) {
  const session = (await (
    await fetch(`${BASE}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personaId }),
    })
  ).json()) as { ok: boolean; data: { token: string } };
  if (!session.ok) throw new Error(`no session for ${personaId}`);
  const res = (await (
    await fetch(`${BASE}/api/${fn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.data.token}` },
      body: JSON.stringify({ action, data, ...(requestId ? { requestId } : {}) }),
    })
  ).json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!res.ok) throw new Error(`${fn}.${action} as ${personaId}: ${res.error?.message}`);
  return res.data as T;
}

function expect(ok: unknown, what: string) {
  if (!ok) throw new Error(what);
}

/** Lets the handlers of an event already dispatched run, for asserting that something did NOT happen. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The text of what is shown (Taro keeps earlier pages in the document, hidden). */
const shownText = (page: Page) => page.locator('.page:visible').first().innerText();

/** Waits until the element's box lies within the viewport. */
async function inView(page: Page, selector: string) {
  await page.waitForFunction((sel) => {
    const el = Array.from(document.querySelectorAll(sel)).find((e) => e.getBoundingClientRect().height > 0);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, selector);
}

/** WCAG contrast ratio of an element's text against its own background (0 when either is see-through). */
async function contrastOf(el: Locator): Promise<number> {
  return el.evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const cs = getComputedStyle(el);
    const fg = rgb(cs.color);
    const bg = rgb(cs.backgroundColor);
    if ((fg[3] ?? 1) < 1 || Number(cs.opacity) < 1) return 0;
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
}

async function contactCard(page: Page, deputy: Persona) {
  step(`deputy ${deputy.name}: 我的 opens on the workbench; 我的联系卡 from there`);
  await signIn(page, BASE, deputy, '/pages/me/index');
  await page.locator('.me-name').waitFor();
  expect((await page.locator('.verify-form').count()) === 0, 'a deputy is shown the voter verification form');
  const order = await page.evaluate(() => {
    const menus = Array.from(document.querySelectorAll('.me-page .menu'));
    return menus.findIndex((m) => m.querySelector('.deputy-link'));
  });
  expect(order === 0, `the deputy workbench is menu ${order + 1} on 我的, not the first`);
  await page.locator('.deputy-card-link').click();
  await page.waitForURL((u) => u.pathname === '/deputy/card/index');
  await page.locator('.card-code img').waitFor();
  expect((await page.locator('.home-link:visible').count()) === 0, 'a page opened from 我的 offers 返回首页');

  for (const scale of [1, 1.5]) {
    step(`the card's QR is whole on screen at ${scale}× type`);
    await setRootFont(page, scale);
    await page.locator('.card-code img').evaluate((img: HTMLImageElement) => img.decode());
    const [box, img] = await Promise.all(
      ['.card-code', '.card-code img'].map((s) =>
        page.locator(s).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      ),
    );
    const off = Math.max(
      ...(['left', 'right', 'top', 'bottom'] as const).map((k) => Math.abs(box[k] - img[k])),
    );
    expect(off <= 1, `the QR image sits ${Math.round(off)}px off its box at ${scale}×`);
    expect(box.right <= 390, `the QR box reaches ${Math.round(box.right)}px on a 390px screen at ${scale}×`);
    const shot = await page.locator('.card-code').screenshot();
    const { problems } = await qrProblems(page, `data:image/png;base64,${shot.toString('base64')}`);
    expect(problems.length === 0, `the QR on screen at ${scale}×: ${problems.join('; ')}`);
    const layout = await layoutProblems(page);
    expect(layout.length === 0, `the card at ${scale}×: ${layout.join('; ')}`);
  }
  step('and in the saved image (保存图片)');
  const href = await page.locator('.save-link').getAttribute('href');
  expect(href, 'the card has no 保存图片 link');
  const saved = await qrProblems(page, new URL(href ?? '', BASE).toString(), 4);
  expect(saved.problems.length === 0, `the saved card image: ${saved.problems.join('; ')}`);
}

async function meByRole(page: Page, all: Persona[]) {
  const cases: Array<{ id: string; link?: string; form: boolean }> = [
    { id: 'voter', form: false },
    { id: 'newcomer', form: true },
    { id: 'township', link: '.office-link', form: false },
    { id: 'station', link: '.station-link', form: false },
    { id: 'county', link: '.office-link', form: false },
  ];
  for (const c of cases) {
    const p = all.find((x) => x.id === c.id);
    if (!p) throw new Error(`the host lists no persona "${c.id}"`);
    step(
      `我的 as ${p.name}: ${c.link ? 'workbench first, ' : ''}verification form ${c.form ? 'shown' : 'not shown'}`,
    );
    await signIn(page, BASE, p, '/pages/me/index');
    await page.locator('.me-name').waitFor();
    const text = await shownText(page);
    expect(
      !/账号\s*ID/.test(text) && !/\bu[0-9a-f]{6,}/.test(text),
      `我的 shows a raw account id to ${p.name}`,
    );
    expect(
      (await page.locator('.verify-form').count()) === (c.form ? 1 : 0),
      `verification form on 我的 of ${p.name}`,
    );
    if (c.link) {
      const first = await page.evaluate(
        (sel) =>
          Array.from(document.querySelectorAll('.me-page .menu')).findIndex((m) => m.querySelector(sel)),
        c.link,
      );
      expect(first === 0, `the workbench is not the first menu on 我的 of ${p.name}`);
      if (await page.locator('.verify-open').count()) {
        await page.locator('.verify-open').click();
        await page.locator('.verify-form').waitFor();
      }
    }
  }
}

async function verification(page: Page, newcomer: Persona) {
  step('newcomer: a wrong check digit is said once; problems are brought into view at 1.5× type');
  await signIn(page, BASE, newcomer, '/pages/me/index');
  await page.locator('.verify-form').waitFor();
  await setRootFont(page, 1.5);
  await page.locator('.verify-submit').scrollIntoViewIfNeeded();
  await page.locator('.verify-submit').click();
  await page.locator('.verify-form .field-error').first().waitFor();
  await inView(page, '.field--error');
  await expectText(page, '.verify-error', '需要改正');
  await page.locator('.verify-name input').fill('陈晓梅');
  await page.locator('.verify-id input').fill('530999198506150025');
  await page.locator('.verify-consent').click();
  await page.locator('.verify-submit').click();
  await expectText(page, '.verify-form .field-error', '最后一位');
  const said = (await page.locator('.verify-form').innerText()).split('最后一位').length - 1;
  expect(said === 1, `the check-digit problem is said ${said} times`);
}

async function officeDeputies(page: Page, office: Persona) {
  step(`office ${office.name}: deputies of the township are editable, the others read-only`);
  await signIn(page, BASE, office, '/office/deputies/index');
  const rows = page.locator('.deputy-row-item');
  await rows.first().waitFor();
  for (const t of await rows.allInnerTexts())
    expect(t.includes('青石镇'), `an editable deputy outside 青石镇: ${t}`);
  await page.locator('.others-open').click();
  const readOnly = page.locator('.deputy-readonly');
  await readOnly.first().waitFor();
  await expectText(page, '.deputy-readonly', '只读');
  await readOnly.first().click();
  await settle(page);
  expect((await page.locator('.deputy-form').count()) === 0, 'a read-only deputy opened the form');

  step('新增代表 starts in the office’s constituency');
  await page.locator('.new-deputy').click();
  await expectText(page, '.deputy-constituency', '青石镇');
  await page.locator('.deputy-cancel').click();

  step('a problem found at 保存 is brought into view and said beside the button');
  await rows.first().click();
  await page.locator('.deputy-form').waitFor();
  const name = await page.locator('.deputy-name input').inputValue();
  await page.locator('.deputy-name input').fill('');
  await page.locator('.deputy-save').scrollIntoViewIfNeeded();
  await page.locator('.deputy-save').click();
  await inView(page, '.field--error');
  await expectText(page, '.deputy-form-error', '需要改正');

  step('saving says what was saved');
  await page.locator('.deputy-name input').fill(name);
  await page.locator('.deputy-work-unit input').fill(`青石镇中心小学 ${Date.now().toString(36)}`);
  await page.locator('.deputy-save').click();
  await confirmModal(page, '保存');
  await expectText(page, '.deputy-saved', `已保存：${name}`);
}

async function disabledButtons(page: Page, office: Persona) {
  step('a disabled 发布接待日 never acts and says what is missing');
  await signIn(page, BASE, office, '/office/day/index?dayId=rd-draft');
  await page.locator('.publish-button').waitFor();
  await expectText(page, '.publish .btn-missing', '还没有代表确认参加');
  expect(
    await page.locator('.publish-button').evaluate((b) => b.classList.contains('btn--disabled')),
    'not greyed',
  );
  await page.locator('.publish-button').click({ force: true });
  await settle(page);
  expect((await page.locator('.taro-model__confirm:visible').count()) === 0, 'it opened a dialog');
  expect((await contrastOf(page.locator('.publish-button'))) >= 4.5, 'the disabled label is hard to read');

  step('the register’s disabled buttons (no constituency chosen) are readable and inert');
  await page.goto(`${BASE}/office/register/index`);
  const buttons = page.locator('.register-page .btn[disabled]');
  await buttons.first().waitFor();
  let chooser = false;
  page.on('filechooser', () => (chooser = true));
  for (let i = 0; i < (await buttons.count()); i++) {
    const ratio = await contrastOf(buttons.nth(i));
    expect(ratio >= 4.5, `disabled button ${i + 1} on the register page has contrast ${ratio.toFixed(2)}`);
    await buttons.nth(i).click({ force: true });
  }
  await settle(page);
  expect(!chooser, 'a disabled 选择文件 opened the file picker');
}

async function threadAndPaste(page: Page, voter: Persona, deputy: Persona) {
  step(`voter ${voter.name}: a pasted 1,100 characters are kept and said to be over`);
  await signIn(page, BASE, voter, `/pages/write/index?code=${encodeURIComponent(deputy.code ?? '')}`);
  const long = '村'.repeat(1100);
  await page.locator('.write-textarea textarea').fill(long);
  await expectText(page, '.write-counter', '1100 / 1000');
  await expectText(page, '.write-counter', '超出 100 字');
  const kept = await page.locator('.write-textarea textarea').inputValue();
  expect(kept.length === 1100, `the text box cut the paste to ${kept.length}`);
  await page.locator('.write-textarea textarea').fill('');

  step('before the deputy answers, the thread offers no closing');
  const sent = await api<{ threadId: string }>(
    'voter',
    'contact',
    'send',
    { deputyId: deputy.deputyId, text: `e2e 田间道路需要硬化 ${Date.now().toString(36)}` },
    `e2e${Date.now().toString(36)}`,
  );
  await page.goto(`${BASE}/pages/thread/index?threadId=${encodeURIComponent(sent.threadId)}`);
  await page.locator('.close-later').waitFor();
  expect(
    (await page.locator('.close-resolved, .close-unresolved').count()) === 0,
    'closing is offered before a reply',
  );
}

async function bookingRepeatsSlot(page: Page, voter: Persona) {
  const next = addDays(chinaDate(), 7);
  step(`voter ${voter.name} books ${next}: the success screen repeats date, hours and station`);
  await signIn(page, BASE, voter, '/pages/reception/index?dayId=rd-next');
  await page.locator('.slot').first().click();
  await page.locator('.book-topic textarea').fill('路'.repeat(250));
  await expectText(page, '.book-counter', '超出 50 字');
  await page.locator('.book-topic textarea').fill('e2e 村里的老人看病难，希望增加巡回医疗');
  await page.locator('.book-submit').click();
  await expectText(page, '.book-result', '预约成功');
  await expectText(page, '.book-when', dateLabel(next));
  await expectText(page, '.book-when', '09:00–09:30');
  await expectText(page, '.book-where', '青石镇人大代表之家');

  step('我的预约 shows each slot from start to end, today named 今天');
  await page.locator('.book-mine').click();
  await page.waitForURL((u) => u.pathname === '/pages/bookings/index');
  await expectText(page, '.booking-when', `${dateLabel(next)} 09:00–09:30`);
  await expectText(page, '.booking-when', /今天.*09:00–09:30/);
  await setRootFont(page, 1.5);
  const layout = await layoutProblems(page);
  expect(layout.length === 0, `我的预约 at 1.5×: ${layout.join('; ')}`);
}

async function receptionDays(page: Page, station: Persona) {
  step('代表接待日 names today 今天');
  await page.goto(`${BASE}/pages/receptions/index`);
  await expectText(page, '.day-row', /今天.*09:00–11:00/);

  step(`station staff ${station.name}: 今日接待签到 one tap from the workbench`);
  await signIn(page, BASE, station, '/office/index/index');
  await page.locator('.today-checkin-item').filter({ hasText: '今日接待签到' }).click();
  await page.waitForURL(
    (u) => u.pathname === '/office/day/index' && u.searchParams.get('dayId') === 'rd-today',
  );
  await page.locator('.checkin-input').waitFor();
  await page.locator('.day-tab--checkin.chip--on').waitFor();
}

async function notifications(page: Page, deputy: Persona) {
  const date = addDays(chinaDate(), 10);
  step(`an invitation to ${date} reaches ${deputy.name}: the notification reads ${dateLabel(date)}`);
  const day = await api<{ dayId: string }>(
    'township',
    'reception',
    'createDay',
    {
      stationId: 'tw-qs-st',
      date,
      startTime: '14:00',
      endTime: '16:00',
      theme: 'e2e 通知里的日期',
      capacityPerSlot: 3,
    },
    `e2eday${Date.now().toString(36)}`,
  );
  await api('township', 'reception', 'assignDeputy', { dayId: day.dayId, deputyId: deputy.deputyId });
  await signIn(page, BASE, deputy, '/pages/notifications/index');
  const item = page.locator('.notification').filter({ hasText: 'e2e 通知里的日期' }).first();
  await item.waitFor();
  const text = await item.innerText();
  expect(!/\d{4}-\d{2}-\d{2}/.test(text), `a notification shows a raw date: ${text}`);
  expect(text.includes(dateLabel(date)), `the notification does not say ${dateLabel(date)}: ${text}`);
}

async function deadEnds(page: Page) {
  step('an unknown card code offers the deputies, not only 重试');
  await page.goto(`${BASE}/pages/card/index?code=ZZZZ9999`);
  await page.locator('.state--error').waitFor();
  expect((await page.locator('.retry-button:visible').count()) === 0, 'an unknown card offers 重试');
  await page.locator('.card-deputies-link').click();
  await page.waitForURL((u) => u.pathname === '/pages/home/index');

  step('an unknown address is a page that says so, with a way home');
  await page.goto(`${BASE}/pages/nothing/here`);
  await page.locator('.notfound-home').click();
  await page.waitForURL((u) => u.pathname === '/pages/home/index');
  await page.locator('.deputy-row-item').first().waitFor();

  step('a page that is not a tab, opened first, offers 返回首页');
  await page.goto(`${BASE}/pages/receptions/index`);
  await page.locator('.home-link').click();
  await page.waitForURL((u) => u.pathname === '/pages/home/index');
}

/** The main screens of each role, at 1.5× root font size and through axe-core. */
async function sweep(page: Page, all: Persona[], deputy: Persona) {
  const screens: Array<{ who: string | null; url: string; ready: string }> = [
    { who: null, url: '/pages/home/index', ready: '.deputy-row-item' },
    {
      who: null,
      url: `/pages/card/index?code=${encodeURIComponent(deputy.code ?? '')}`,
      ready: '.card-name',
    },
    { who: null, url: '/pages/receptions/index', ready: '.day-row' },
    { who: null, url: '/pages/reception/index?dayId=rd-next', ready: '.slot' },
    { who: 'voter', url: '/pages/me/index', ready: '.me-name' },
    { who: 'voter', url: '/pages/bookings/index', ready: '.booking-code' },
    { who: 'voter', url: '/pages/threads/index', ready: '.thread-row' },
    {
      who: 'voter',
      url: `/pages/write/index?code=${encodeURIComponent(deputy.code ?? '')}`,
      ready: '.write-textarea',
    },
    { who: 'newcomer', url: '/pages/me/index', ready: '.verify-form' },
    { who: 'deputy', url: '/pages/me/index', ready: '.deputy-link' },
    { who: 'deputy', url: '/pages/notifications/index', ready: '.notification' },
    { who: 'deputy', url: '/deputy/card/index', ready: '.card-code img' },
    { who: 'deputy', url: '/deputy/inbox/index', ready: '.thread-row' },
    { who: 'deputy', url: '/deputy/receptions/index', ready: '.my-day' },
    { who: 'township', url: '/office/index/index', ready: '.office-menu-item' },
    { who: 'township', url: '/office/deputies/index', ready: '.deputy-row-item' },
    { who: 'township', url: '/office/days/index', ready: '.day-row' },
    { who: 'township', url: '/office/day/index?dayId=rd-draft', ready: '.publish-button' },
    { who: 'station', url: '/office/day/index?dayId=rd-today', ready: '.checkin-input' },
    { who: 'county', url: '/pages/me/index', ready: '.office-link' },
  ];
  let signedAs: string | null = null;
  const problems: string[] = [];
  for (const s of screens) {
    if (s.who && s.who !== signedAs) {
      const p = all.find((x) => x.id === s.who);
      if (!p) throw new Error(`the host lists no persona "${s.who}"`);
      await signIn(page, BASE, p, s.url);
      signedAs = s.who;
    } else {
      await page.goto(`${BASE}${s.url}`);
    }
    await page.locator(s.ready).first().waitFor();
    const a11y = await axeViolations(page);
    await setRootFont(page, 1.5);
    const layout = await layoutProblems(page);
    step(`${s.url}${s.who ? ` as ${s.who}` : ''}: ${a11y.length + layout.length ? 'problems' : 'ok'}`);
    problems.push(...[...a11y, ...layout].map((p) => `${s.url}: ${p}`));
  }
  expect(problems.length === 0, `at 1.5× type and by axe-core:\n    ${problems.join('\n    ')}`);
}

async function run(ctx: BrowserContext) {
  const all = await personas(BASE);
  const who = (id: string) => {
    const p = all.find((x) => x.id === id);
    if (!p) throw new Error(`the host lists no persona "${id}"`);
    return p;
  };
  const deputy = who('deputy');
  if (!deputy.code || !deputy.deputyId) throw new Error('the deputy persona has no card code');
  // tsx compiles with keepNames: functions handed to the page call its __name helper, which the page lacks.
  await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await newPage(ctx);
  await contactCard(page, deputy);
  await meByRole(page, all);
  await verification(page, who('newcomer'));
  await officeDeputies(page, who('township'));
  await disabledButtons(page, who('township'));
  await threadAndPaste(page, who('voter'), deputy);
  await bookingRepeatsSlot(page, who('voter'));
  await receptionDays(page, who('station'));
  await notifications(page, deputy);
  await deadEnds(page);
  await sweep(page, all, deputy);
}

async function main() {
  const ok = await inBrowser(
    { name: 'first week of use', slug: 'first-week', target: BASE, bypassCSP: true },
    run,
  );
  process.exit(ok ? 0 : 1);
}

void main();
