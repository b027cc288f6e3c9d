/**
 * Browser test of the H5 build: a reception day from planning to the visit record.
 * The township office (周干事) creates a day a week ahead and invites 李华 → 李华 confirms → the office
 * publishes → the voter 王小明 books a slot and reads the code → on the day, station staff 赵站长
 * checks the code in and marks 李华 present → 李华 records the visit.
 *
 * Check-in only works on the day itself, so this test runs its own local host (same handlers, same
 * demo seed, same H5 build, a fresh database) with a clock it can move to the reception day.
 * Plain node script (run by `npm run test:e2e`, or `npx tsx tests/e2e/reception-flow.e2e.ts` after
 * `npm run build:h5`); exits non-zero on failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { addDays, chinaDate, dateLabel } from '../../cloudfunctions/core/time';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { seedDemo } from '../../cloudfunctions/modules/registry';
import { createHost } from '../../cloudfunctions/host/server';
import { confirmModal, expectText, freePort, inBrowser, newPage, personas, signIn, step } from './support';

const STATIC_DIR = resolve(process.env.STATIC_DIR ?? 'dist/h5');

/** The host's clock: real time plus an offset the test sets to travel to the reception day. */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };
let BASE = '';

async function startHost(dataDir: string) {
  const port = await freePort();
  BASE = `http://localhost:${port}`;
  const ports = createLocalPorts({
    dbPath: join(dataDir, 'deputylink.db'),
    filesDir: join(dataDir, 'files'),
    publicUrl: BASE,
    idHashSecret: 'e2e-reception',
    clock,
  });
  await seedDemo(ports);
  const server: Server = createHost({
    ports,
    sessionSecret: 'e2e-reception-session',
    staticDir: STATIC_DIR,
    filesDir: join(dataDir, 'files'),
    demo: true,
  });
  await new Promise<void>((ok) => server.listen(port, ok));
  return {
    stop: () =>
      new Promise<void>((ok) =>
        server.close(() => {
          ports.store.close();
          ok();
        }),
      ),
  };
}

async function run(ctx: BrowserContext) {
  const all = await personas(BASE);
  const who = (id: string) => {
    const p = all.find((x) => x.id === id);
    if (!p) throw new Error(`the host lists no persona "${id}"`);
    return p;
  };
  const [office, deputy, voter, staff] = ['township', 'deputy', 'voter', 'station'].map(who);
  const tag = Date.now().toString(36);
  const theme = `e2e 村道改造意见 ${tag}`;
  const topic = `e2e 村口道路破损，雨天积水 ${tag}`;
  const raised = `e2e 反映村口道路破损积水，希望尽快修复 ${tag}`;
  const promised = 'e2e 向镇政府反映，两周内答复';
  const date = addDays(chinaDate(), 10); // the form's default date

  const page = await newPage(ctx);

  step(`office ${office.name} creates a reception day on ${date}`);
  await signIn(page, BASE, office, '/office/days/index');
  await page.locator('.new-day').click();
  await page.locator('.day-form').waitFor();
  await page.locator('.day-form-station').filter({ hasText: '青石镇人大代表之家' }).click();
  await expectText(page, '.day-form-station.chip--on', '青石镇人大代表之家');
  await expectText(page, '.day-form-date', dateLabel(date));
  if (date < addDays(chinaDate(), 4)) throw new Error('the default date is not at least 4 days ahead');
  await page.locator('.day-form-theme input').fill(theme);
  await page.locator('.day-form-capacity input').fill('2');
  await expectText(page, '.day-form-summary', '共 5 个时段，每段 2 人，共 10 个座位');
  await page.locator('.day-form-save').click();
  await page.waitForURL((u) => u.pathname === '/office/day/index');
  const dayId = new URL(page.url()).searchParams.get('dayId');
  if (!dayId) throw new Error('the day page has no dayId');
  await expectText(page, '.day-theme', theme);
  await expectText(page, '.day-status', '草稿');

  step(`invites ${deputy.name}`);
  await page.locator('.invite-open').click();
  const candidate = page.locator('.candidate').filter({ hasText: deputy.name });
  await candidate.first().waitFor();
  await candidate.first().locator('.invite-button').click();
  const assignment = page.locator('.assignment').filter({ hasText: deputy.name });
  await assignment.locator('.assignment-status').filter({ hasText: '待确认' }).waitFor();
  await expectText(page, '.publish .btn-missing', '还没有代表确认参加');

  step(`deputy ${deputy.name} confirms`);
  await signIn(page, BASE, deputy, '/deputy/receptions/index');
  const mine = page.locator('.my-day').filter({ hasText: theme });
  await mine.waitFor();
  await mine.locator('.confirm-day').click();
  await mine.locator('.my-day-status').filter({ hasText: '已确认参加' }).waitFor();

  step('office publishes it (after confirming)');
  const dayUrl = `/office/day/index?dayId=${encodeURIComponent(dayId)}`;
  await signIn(page, BASE, office, dayUrl);
  await expectText(page, '.day-theme', theme);
  await page.locator('.assignment-status').filter({ hasText: '已确认参加' }).waitFor();
  await page.locator('.publish-button').click();
  await confirmModal(page, '发布');
  await expectText(page, '.day-status', '已发布');

  step(`voter ${voter.name} books the first slot and reads the code`);
  await signIn(page, BASE, voter, `/pages/reception/index?dayId=${encodeURIComponent(dayId)}`);
  await expectText(page, '.reception-theme', theme);
  await expectText(page, '.reception-deputies', `${deputy.name} 代表`);
  await expectText(page, '.slot-remaining', '剩余 2 座');
  await page.locator('.slot').first().click();
  await page.locator('.book-topic textarea').fill(topic);
  await expectText(page, '.book-counter', `${topic.length} / 200`);
  await page.locator('.book-submit').click();
  await expectText(page, '.book-result', '预约成功');
  const spaced = ((await page.locator('.book-code').textContent()) ?? '').trim();
  if (!/^[A-HJ-NP-Z2-9]{4} [A-HJ-NP-Z2-9]{4}$/.test(spaced)) throw new Error(`odd booking code "${spaced}"`);
  const code = spaced.replace(' ', '');
  step(`code ${spaced}; 我的预约 shows it with its QR`);
  await page.locator('.book-mine').click();
  await page.waitForURL((u) => u.pathname === '/pages/bookings/index');
  const booking = page.locator('.booking').filter({ hasText: theme });
  await booking.locator('.booking-code').filter({ hasText: spaced }).waitFor();
  await booking.locator('.booking-status').filter({ hasText: '已预约' }).waitFor();
  await booking.locator('.booking-qr img').waitFor();

  step(`the host's clock moves to ${date} 09:10 (China time)`);
  clock.offset = Date.parse(`${date}T01:10:00.000Z`) - Date.now();

  step(`station staff ${staff.name} checks the code in`);
  await signIn(page, BASE, staff, dayUrl);
  await expectText(page, '.day-theme', theme);
  await page.locator('.checkin-input input').fill(spaced.toLowerCase());
  await page.locator('.checkin-submit').click();
  await expectText(page, '.checkin-result', `已签到（${spaced}）`);
  await expectText(page, '.checkin-result', topic);
  await expectText(page, '.arrived', topic);

  step(`and marks ${deputy.name} present`);
  await page.locator('.day-tab--arrange').click();
  await page.locator('.assignment').filter({ hasText: deputy.name }).locator('.attend-button').click();
  await confirmModal(page, '确认到场');
  await expectText(page, '.assignment', '已到场');

  step(`deputy ${deputy.name} records the visit`);
  await signIn(page, BASE, deputy, `/deputy/reception/index?dayId=${encodeURIComponent(dayId)}`);
  await expectText(page, '.visitor', '已签到');
  await expectText(page, '.visitor', '09:00–09:30'); // the slot from start to end
  await expectText(page, '.visitor-topic', topic);
  await page.locator('.visit-booking').first().click();
  await page.locator('.visit-raised textarea').fill(raised);
  await page.locator('.visit-promised textarea').fill(promised);
  await page.locator('.visit-save').click();
  await expectText(page, '.visit', raised);
  await expectText(page, '.visit', promised);
  if (code.length !== 8) throw new Error('the code was not read');
}

async function main() {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    console.error(`no H5 build in ${STATIC_DIR}: run npm run build:h5 first`);
    process.exit(1);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'deputylink-e2e-reception-'));
  const host = await startHost(dataDir);
  const ok = await inBrowser(
    { name: 'reception flow', slug: 'reception-flow', target: `${BASE} (own host, movable clock)` },
    run,
  );
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}

void main();
