/**
 * The deployed functions' own entry points, as WeChat runs them: OPENID from getWXContext(), the CloudBase
 * store (over the strict database double), the open APIs faked at the wx-server-sdk boundary.
 */
import { COLLECTIONS, INDEXES, JOB_STEPS, MODULES, seedDemo } from '../../cloudfunctions/modules/registry';
import { createCloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import { hmacHasher, randomIds } from '../../cloudfunctions/adapters/local/ids';
import {
  inAppNotifier,
  manualClock,
  qrCodes,
  wordListContentCheck,
  folderFiles,
  localMediaCheck,
  demoOpenData,
} from '../../cloudfunctions/adapters/local';
import { createCloudbaseDbDouble } from '../doubles/cloudbase-db';
import { qrDataUrl } from '../../cloudfunctions/adapters/local/qr';
import type { AnyModule } from '../../cloudfunctions/core/module';
import { account } from '../../cloudfunctions/modules/account';
import { contact } from '../../cloudfunctions/modules/contact';
import { reception } from '../../cloudfunctions/modules/reception';

const db = createCloudbaseDbDouble({
  collections: COLLECTIONS,
  throwOnNotFound: false,
  indexes: INDEXES,
  requireIndexes: true,
});
let openid = '';
const sent: unknown[] = [];
const fakeCloud = {
  DYNAMIC_CURRENT_ENV: Symbol('env'),
  init: jest.fn(),
  getWXContext: () => ({ OPENID: openid }),
  database: () => db,
  uploadFile: async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env/${cloudPath}` }),
  getTempFileURL: async ({ fileList }: { fileList: string[] }) => ({
    fileList: fileList.map((f) => ({ fileID: f, tempFileURL: `https://tmp/${f}`, status: 0, errMsg: 'ok' })),
  }),
  openapi: {
    security: {
      msgSecCheck: async ({ content }: { content: string }) => ({
        errCode: 0,
        result: { suggest: content.includes('上访') ? 'review' : 'pass', label: 100 },
      }),
    },
    subscribeMessage: {
      send: async (p: unknown) => {
        sent.push(p);
        return { errCode: 0, errMsg: 'ok' };
      },
    },
    wxacode: { getUnlimited: async () => ({ contentType: 'image/png', buffer: Buffer.from('png') }) },
  },
};
jest.mock('wx-server-sdk', () => fakeCloud, { virtual: true });

beforeAll(async () => {
  process.env.ID_HASH_SECRET = 'entry-secret';
  process.env.TMPL_MESSAGE_REPLIED = 'tmpl-replied';
  // Seed through the same CloudBase store the functions will read.
  await seedDemo({
    store: createCloudbaseStore(db),
    content: wordListContentCheck(),
    media: localMediaCheck(folderFiles('/tmp')),
    openData: demoOpenData(),
    notifier: inAppNotifier(),
    codes: qrCodes('http://x'),
    files: folderFiles('/tmp'),
    clock: manualClock(new Date()),
    ids: randomIds(),
    hasher: hmacHasher('entry-secret'),
    config: { publicUrl: '', dailyMessageLimit: 10, points: {} },
  });
});

/** A deployed function's `main`, as the generated index.js exports it (answers are read loosely, as JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Deployed = { main: (event?: unknown) => Promise<any> };
/** The WeChat entry, required once the SDK mock exists. */
const entry = (): typeof import('../../cloudfunctions/entry/wechat') =>
  require('../../cloudfunctions/entry/wechat');
const deployed = (main: (event?: unknown) => Promise<unknown>): Deployed => ({ main });

const as = (who: string) => {
  openid = who;
};

it('a voter writes, the deputy replies, the voter reads it — and the reply goes out as a subscription message', async () => {
  const contactFn = deployed(entry().wechatMain(contact));
  const jobs = deployed(entry().wechatJobs(MODULES as readonly AnyModule[], JOB_STEPS));

  as('demo:voter');
  const send = await contactFn.main({
    action: 'send',
    data: { deputyId: 'dep-01', text: '路灯坏了' },
    requestId: 'entry-0001',
  });
  expect(send).toMatchObject({ ok: true, data: { status: 'visible' } });
  const again = await contactFn.main({
    action: 'send',
    data: { deputyId: 'dep-01', text: '路灯坏了' },
    requestId: 'entry-0001',
  });
  expect(again.data.threadId).toBe(send.data.threadId);

  as('demo:deputy');
  const inbox = await contactFn.main({ action: 'inbox', data: {} });
  expect(inbox.data.items[0]).toMatchObject({ threadId: send.data.threadId, voterVerified: true });
  expect(
    (await contactFn.main({ action: 'reply', data: { threadId: send.data.threadId, text: '马上处理' } })).ok,
  ).toBe(true);
  const card = await contactFn.main({ action: 'myCard', data: {} });
  expect(card.data.imageUrl).toMatch(/^https:\/\/tmp\/cloud:\/\/env\/cards\//);

  as('demo:voter');
  const thread = await contactFn.main({ action: 'thread', data: { threadId: send.data.threadId } });
  expect(thread.data.messages.map((m: { text: string }) => m.text)).toEqual(['路灯坏了', '马上处理']);

  const delivered = await jobs.main();
  expect(delivered.outbox.sent).toBe(1); // the reply; the deputy's notice has no template configured
  expect(sent).toEqual([expect.objectContaining({ touser: 'demo:voter', templateId: 'tmpl-replied' })]);
});

it('answers bad input and unknown actions with an envelope, never a throw', async () => {
  const accountFn = deployed(entry().wechatMain(account));
  as('demo:newcomer');
  expect(await accountFn.main({ action: 'verify', data: { name: 1 } })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await accountFn.main({ action: 'nope' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await accountFn.main({ action: 'me' })).toMatchObject({
    ok: true,
    data: { verification: { state: 'unverified' } },
  });
});

it('reception: a voter finds an upcoming day, books a seat and sees the code; staff cannot check in before the day', async () => {
  const receptionFn = deployed(entry().wechatMain(reception, qrDataUrl));
  as('demo:voter');
  const upcoming = await receptionFn.main({ action: 'upcoming', data: {} });
  const day = upcoming.data.items.find((d: { dayId: string }) => d.dayId === 'rd-next');
  expect(day.deputies.map((d: { name: string }) => d.name)).toEqual(['李华']);
  const booked = await receptionFn.main({
    action: 'book',
    data: { slotId: day.slots[0].slotId, topic: '养老服务' },
    requestId: 'entry-book-1',
  });
  expect(booked).toMatchObject({
    ok: true,
    data: { status: 'confirmed', code: expect.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/) },
  });
  const mine = await receptionFn.main({ action: 'myBookings', data: {} });
  expect(mine.data.items.map((b: { code: string }) => b.code)).toContain(booked.data.code);
  as('demo:station');
  expect(
    await receptionFn.main({ action: 'checkIn', data: { dayId: 'rd-next', code: booked.data.code } }),
  ).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
});
