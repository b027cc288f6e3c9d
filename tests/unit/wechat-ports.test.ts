/** The WeChat ports against a fake `cloud` object that records calls and answers like the SDK. */
import type { MsgSecCheckResult, Suggest, WxCloud } from '../../cloudfunctions/adapters/wechat/cloud';
import {
  chunkText,
  createCodes,
  createContentCheck,
  createFiles,
  createMediaCheck,
  createNotifier,
  createOpenData,
  createWechatPorts,
  MSG_SEC_CHECK_MAX,
} from '../../cloudfunctions/adapters/wechat';
import { fullDateTime } from '../../cloudfunctions/core/time';
import type { NotificationKind } from '../../cloudfunctions/core/records';

/** An error as wx-server-sdk raises it for a non-zero errcode. */
const wxError = (errCode: number, errMsg = 'fail') => Object.assign(new Error(errMsg), { errCode, errMsg });

function fakeCloud() {
  const calls = {
    msgSecCheck: [] as Array<Parameters<WxCloud['openapi']['security']['msgSecCheck']>[0]>,
    send: [] as Array<Parameters<WxCloud['openapi']['subscribeMessage']['send']>[0]>,
    getUnlimited: [] as Array<Parameters<WxCloud['openapi']['wxacode']['getUnlimited']>[0]>,
    uploadFile: [] as Array<Parameters<WxCloud['uploadFile']>[0]>,
    getTempFileURL: [] as Array<Parameters<WxCloud['getTempFileURL']>[0]>,
    mediaCheckAsync: [] as Array<Parameters<WxCloud['openapi']['security']['mediaCheckAsync']>[0]>,
    getOpenData: [] as Array<Parameters<WxCloud['openapi']['cloudbase']['getOpenData']>[0]>,
  };
  /** Decides each msgSecCheck answer from the content; pass by default. */
  let judge: (content: string) => Suggest | Error | MsgSecCheckResult = () => 'pass';
  let sendAnswer: () => Promise<{ errCode: number; errMsg: string }> = async () => ({
    errCode: 0,
    errMsg: 'ok',
  });
  let codeAnswer: () => Promise<{ contentType: string; buffer: Buffer }> = async () => ({
    contentType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  });
  let urlAnswer = (fileID: string) => ({
    fileID,
    tempFileURL: `https://tmp.example/${fileID}`,
    status: 0,
    errMsg: 'ok',
  });

  let openDataAnswer: (cloudID: string) => unknown = (cloudID) => ({
    errCode: 0,
    errMsg: 'openapi.cloudbase.getOpenData:ok',
    dataList: [
      {
        cloudId: cloudID,
        json: JSON.stringify({
          cloudID,
          data: { opengid: 'G-real', watermark: { appid: 'wx1', timestamp: 1 } },
        }),
      },
    ],
  });

  const cloud: WxCloud = {
    openapi: {
      cloudbase: {
        async getOpenData(p) {
          calls.getOpenData.push(p);
          const a = openDataAnswer(p.cloudidList[0]);
          if (a instanceof Error) throw a;
          return a as Awaited<ReturnType<WxCloud['openapi']['cloudbase']['getOpenData']>>;
        },
      },
      security: {
        async mediaCheckAsync(p) {
          calls.mediaCheckAsync.push(p);
          return { errCode: 0, errMsg: 'ok', traceId: 'trace-1' };
        },
        async msgSecCheck(p) {
          calls.msgSecCheck.push(p);
          const v = judge(p.content);
          if (v instanceof Error) throw v;
          if (typeof v === 'object') return v;
          return {
            errCode: 0,
            errMsg: 'openapi.security.msgSecCheck:ok',
            result: { suggest: v, label: v === 'pass' ? 100 : 20001 },
          };
        },
      },
      subscribeMessage: {
        async send(p) {
          calls.send.push(p);
          return sendAnswer();
        },
      },
      wxacode: {
        async getUnlimited(p) {
          calls.getUnlimited.push(p);
          return codeAnswer();
        },
      },
    },
    async uploadFile(p) {
      calls.uploadFile.push(p);
      return { fileID: `cloud://env-1.bucket/${p.cloudPath}` };
    },
    async getTempFileURL(p) {
      calls.getTempFileURL.push(p);
      return {
        fileList: p.fileList.map((f) => urlAnswer(typeof f === 'string' ? f : f.fileID)),
      };
    },
  };
  return {
    cloud,
    calls,
    judge: (f: typeof judge) => (judge = f),
    sendAnswer: (f: typeof sendAnswer) => (sendAnswer = f),
    codeAnswer: (f: typeof codeAnswer) => (codeAnswer = f),
    urlAnswer: (f: typeof urlAnswer) => (urlAnswer = f),
    openDataAnswer: (f: typeof openDataAnswer) => (openDataAnswer = f),
  };
}

describe('ContentCheck (msgSecCheck v2)', () => {
  it.each<[Suggest, string]>([
    ['pass', 'pass'],
    ['review', 'review'],
    ['risky', 'risky'],
  ])('maps result.suggest %s to %s and sends openid, scene, version 2, content', async (suggest, verdict) => {
    const f = fakeCloud();
    f.judge(() => suggest);
    expect(await createContentCheck(f.cloud).text({ text: '路灯坏了', openid: 'o-1', scene: 2 })).toBe(
      verdict,
    );
    expect(f.calls.msgSecCheck).toEqual([{ openid: 'o-1', scene: 2, version: 2, content: '路灯坏了' }]);
  });

  it('checks text over 2,500 characters in overlapping chunks; the worst verdict wins', async () => {
    const f = fakeCloud();
    const text = '甲'.repeat(3000) + '坏词' + '乙'.repeat(2000);
    f.judge((c) => (c.includes('坏词') ? 'risky' : c.includes('乙') ? 'review' : 'pass'));
    expect(await createContentCheck(f.cloud).text({ text, openid: 'o-1', scene: 1 })).toBe('risky');
    const sent = f.calls.msgSecCheck.map((c) => c.content);
    expect(sent.length).toBe(3);
    for (const c of sent) expect(Array.from(c).length).toBeLessThanOrEqual(MSG_SEC_CHECK_MAX);
    // Every character is checked: the chunks cover the text from start to end.
    expect(sent[0].startsWith('甲')).toBe(true);
    expect(text.endsWith(sent[sent.length - 1])).toBe(true);

    f.judge((c) => (c.includes('乙') ? 'review' : 'pass'));
    expect(await createContentCheck(f.cloud).text({ text, openid: 'o-1', scene: 1 })).toBe('review');
  });

  it('chunks never split a character outside the BMP, and a phrase cut at a boundary is seen whole', () => {
    const text = '😀'.repeat(2600);
    const chunks = chunkText(text);
    for (const c of chunks) expect(c).toMatch(/^(😀)+$/u);
    const phrase = 'x'.repeat(2490) + 'abcdefghijklmnopqrst' + 'y'.repeat(100); // phrase spans 2,490–2,510
    expect(chunkText(phrase).some((c) => c.includes('abcdefghijklmnopqrst'))).toBe(true);
    expect(chunkText('short')).toEqual(['short']);
  });

  it('empty text passes without a call; errors and odd answers surface', async () => {
    const f = fakeCloud();
    const check = createContentCheck(f.cloud);
    expect(await check.text({ text: '  ', openid: 'o', scene: 2 })).toBe('pass');
    expect(f.calls.msgSecCheck).toHaveLength(0);

    const busy = wxError(-1, 'system busy');
    f.judge(() => busy);
    await expect(check.text({ text: 'x', openid: 'o', scene: 2 })).rejects.toBe(busy);

    f.judge(() => ({ errCode: 0, errMsg: 'ok' }) as MsgSecCheckResult);
    await expect(check.text({ text: 'x', openid: 'o', scene: 2 })).rejects.toThrow(/unexpected answer/);
  });
});

describe('Notifier (subscribeMessage.send)', () => {
  const templates = {
    'message.received': {
      templateId: 'TPL-RECV',
      fields: { thing1: 'title', thing2: 'body', time3: 'time' },
    },
    'message.replied': { templateId: 'TPL-REPL', fields: { phrase1: 'title', character_string2: 'body' } },
  } as const;
  const now = () => new Date('2026-03-01T00:05:00Z');
  const input = {
    openid: 'o-voter',
    kind: 'message.received' as NotificationKind,
    title: '您收到一条新留言',
    body: '村口的路灯坏了两个多月了，晚上出行很不方便，\n希望尽快修好',
    link: '/deputy/thread/index?threadId=t-1',
  };

  it('sends the kind’s template with fitted values, the page without its slash, and the build state', async () => {
    const f = fakeCloud();
    const notifier = createNotifier(f.cloud, { templates, miniprogramState: 'trial', now });
    expect(await notifier.deliver(input)).toBe('sent');
    expect(f.calls.send).toEqual([
      {
        touser: 'o-voter',
        templateId: 'TPL-RECV',
        page: 'deputy/thread/index?threadId=t-1',
        data: {
          thing1: { value: '您收到一条新留言' },
          thing2: { value: '村口的路灯坏了两个多月了，晚上出行很不…' },
          time3: { value: '2026年3月1日 08:05' },
        },
        miniprogramState: 'trial',
        lang: 'zh_CN',
      },
    ]);
    expect(Array.from(f.calls.send[0].data.thing2.value)).toHaveLength(20);
  });

  it('fits each keyword type: phrase ≤ 5, character_string ≤ 32 without an ellipsis', async () => {
    const f = fakeCloud();
    await createNotifier(f.cloud, { templates, now }).deliver({
      ...input,
      kind: 'message.replied',
      title: '代表已经答复',
      body: 'A'.repeat(40),
    });
    expect(f.calls.send[0].data).toEqual({
      phrase1: { value: '代表已经…' },
      character_string2: { value: 'A'.repeat(32) },
    });
    expect(f.calls.send[0].miniprogramState).toBe('formal');
  });

  it('43101 (no subscription) is skipped; other errors surface', async () => {
    const f = fakeCloud();
    const notifier = createNotifier(f.cloud, { templates, now });
    f.sendAnswer(() => Promise.reject(wxError(43101, 'user refuse to accept the msg')));
    expect(await notifier.deliver(input)).toBe('skipped');
    const bad = wxError(47003, 'argument invalid! data.thing2.value');
    f.sendAnswer(() => Promise.reject(bad));
    await expect(notifier.deliver(input)).rejects.toBe(bad);
  });

  it('skips kinds without a template and users without an openid, without calling WeChat', async () => {
    const f = fakeCloud();
    const notifier = createNotifier(f.cloud, { templates, now });
    expect(await notifier.deliver({ ...input, kind: 'message.hidden' })).toBe('skipped');
    expect(await notifier.deliver({ ...input, openid: '' })).toBe('skipped');
    expect(f.calls.send).toHaveLength(0);
  });

  it('refuses at start-up a template keyword that cannot hold its value', () => {
    const f = fakeCloud();
    expect(() =>
      createNotifier(f.cloud, {
        templates: { 'message.chased': { templateId: 'T', fields: { amount1: 'body' } } },
      }),
    ).toThrow(/amount1/);
    expect(() =>
      createNotifier(f.cloud, {
        templates: { 'message.chased': { templateId: 'T', fields: { thing1: 'time' } } },
      }),
    ).toThrow(/thing1/);
    expect(() =>
      createNotifier(f.cloud, { templates: { 'message.chased': { templateId: '', fields: {} } } }),
    ).toThrow(/templateId/);
  });

  it('formats times in China time', () => {
    expect(fullDateTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027年1月1日 00:30');
  });
});

describe('CardCodes (wxacode.getUnlimited)', () => {
  it('passes the scene through with checkPath false and the env version; returns the image bytes', async () => {
    const f = fakeCloud();
    const png = await createCodes(f.cloud, { envVersion: 'trial' }).image({
      scene: 'K7Q2x',
      page: 'pages/card/index',
    });
    expect(png).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(f.calls.getUnlimited).toEqual([
      { scene: 'K7Q2x', page: 'pages/card/index', checkPath: false, envVersion: 'trial' },
    ]);
  });

  it('defaults to the release build and strips a leading slash from the page', async () => {
    const f = fakeCloud();
    await createCodes(f.cloud).image({ scene: 'a=1&b=2', page: '/pages/card/index' });
    expect(f.calls.getUnlimited[0]).toMatchObject({ page: 'pages/card/index', envVersion: 'release' });
  });

  it('refuses scenes WeChat would refuse, and pages with parameters, before calling', async () => {
    const f = fakeCloud();
    const codes = createCodes(f.cloud);
    for (const scene of ['', 'x'.repeat(33), '代表', 'a%20b', 'a b']) {
      await expect(codes.image({ scene, page: 'pages/card/index' })).rejects.toThrow(/scene/);
    }
    await expect(codes.image({ scene: 'ok', page: 'pages/card/index?code=1' })).rejects.toThrow(/parameters/);
    expect(f.calls.getUnlimited).toHaveLength(0);
  });

  it('surfaces errors and answers without an image', async () => {
    const f = fakeCloud();
    const codes = createCodes(f.cloud);
    const limited = wxError(45009, 'reach max api minute-limit');
    f.codeAnswer(() => Promise.reject(limited));
    await expect(codes.image({ scene: 'ok', page: 'pages/card/index' })).rejects.toBe(limited);
    f.codeAnswer(async () => ({ contentType: 'application/json', buffer: Buffer.alloc(0) }));
    await expect(codes.image({ scene: 'ok', page: 'pages/card/index' })).rejects.toThrow(/without an image/);
  });
});

describe('Files (cloud storage)', () => {
  it('uploads under the path and returns the fileID; url() asks for a temporary URL', async () => {
    const f = fakeCloud();
    const files = createFiles(f.cloud, { maxAge: 3600 });
    const bytes = Buffer.from('png');
    const id = await files.put('cards/K7Q.png', bytes, 'image/png');
    expect(id).toBe('cloud://env-1.bucket/cards/K7Q.png');
    expect(f.calls.uploadFile).toEqual([{ cloudPath: 'cards/K7Q.png', fileContent: bytes }]);
    expect(await files.url(id)).toBe(`https://tmp.example/${id}`);
    expect(f.calls.getTempFileURL).toEqual([{ fileList: [{ fileID: id, maxAge: 3600 }] }]);
  });

  it('a file WeChat cannot serve is an error, not an empty URL', async () => {
    const f = fakeCloud();
    f.urlAnswer((fileID) => ({ fileID, tempFileURL: '', status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' }));
    await expect(createFiles(f.cloud).url('cloud://gone')).rejects.toThrow(/STORAGE_FILE_NONEXIST/);
    expect(f.calls.getTempFileURL[0]).toEqual({ fileList: ['cloud://gone'] });
  });
});

describe('createWechatPorts', () => {
  it('builds all six ports on one cloud object', async () => {
    const f = fakeCloud();
    const ports = createWechatPorts(f.cloud, { templates: {} });
    expect(await ports.content.text({ text: 'hi', openid: 'o', scene: 2 })).toBe('pass');
    expect(
      await ports.notifier.deliver({
        openid: 'o',
        kind: 'message.received',
        title: 't',
        body: 'b',
        link: '/',
      }),
    ).toBe('skipped');
    expect(Object.keys(ports).sort()).toEqual(['codes', 'content', 'files', 'media', 'notifier', 'openData']);
  });
});

describe('MediaCheck (mediaCheckAsync v2)', () => {
  const file = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/uploads/u0123abcd/r8k2mQ9xZ1.jpg';

  it('accepts only its own environment’s uploads of this user', async () => {
    const media = createMediaCheck(fakeCloud().cloud, { envId: () => 'prod-1a2b' });
    expect(await media.accepts(file, 'u0123abcd')).toBe(true);
    expect(await media.accepts(file, 'u9999')).toBe(false);
    expect(await media.accepts(file.replace('prod-1a2b.', 'other-env.'), 'u0123abcd')).toBe(false);
    expect(await media.accepts(file.replace('/uploads/', '/cards/'), 'u0123abcd')).toBe(false);
    expect(await media.accepts(file.replace('.jpg', '.svg'), 'u0123abcd')).toBe(false);
    expect(await media.accepts(`${file}/../x.jpg`, 'u0123abcd')).toBe(false);
    expect(await media.accepts('https://example.com/a.jpg', 'u0123abcd')).toBe(false);
  });

  it('asks WeChat to fetch the image from a temporary URL and answers with the trace id', async () => {
    const f = fakeCloud();
    const media = createMediaCheck(f.cloud, { envId: () => undefined });
    expect(await media.check({ fileId: file, openid: 'o-1', scene: 1 })).toEqual({ traceId: 'trace-1' });
    expect(f.calls.getTempFileURL).toEqual([{ fileList: [file] }]);
    expect(f.calls.mediaCheckAsync).toEqual([
      { mediaUrl: `https://tmp.example/${file}`, mediaType: 2, version: 2, openid: 'o-1', scene: 1 },
    ]);
  });

  it('a file storage cannot serve is bad input, asked of nobody', async () => {
    const f = fakeCloud();
    f.urlAnswer((fileID) => ({ fileID, tempFileURL: '', status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' }));
    await expect(
      createMediaCheck(f.cloud, { envId: () => undefined }).check({ fileId: file, openid: 'o', scene: 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(f.calls.mediaCheckAsync).toEqual([]);
  });
});

describe('OpenData (the chat a card was opened in)', () => {
  const decrypted = {
    cloudID: 'cid-1',
    data: { opengid: 'G-real', watermark: { appid: 'wx1', timestamp: 1 } },
  };

  it('takes the opengid from getOpenData for the caller, not from the event', async () => {
    const f = fakeCloud();
    const chat = await createOpenData(f.cloud).chat(
      { ...decrypted, data: { opengid: 'G-forged' } },
      { openid: 'o-1' },
    );
    expect(chat).toEqual({ opengid: 'G-real', demo: false });
    expect(f.calls.getOpenData).toEqual([{ openid: 'o-1', cloudidList: ['cid-1'] }]);
  });

  it('an expired or foreign CloudID, or none, is no chat', async () => {
    const f = fakeCloud();
    f.openDataAnswer(() => wxError(-1, 'cloudID expired'));
    expect(await createOpenData(f.cloud).chat(decrypted, { openid: 'o' })).toBeNull();
    f.openDataAnswer(() => ({ errCode: 0, errMsg: 'ok', dataList: [{ json: '{"data":{}}' }] }));
    expect(await createOpenData(f.cloud).chat(decrypted, { openid: 'o' })).toBeNull();
    expect(await createOpenData(f.cloud).chat(undefined, { openid: 'o' })).toBeNull();
    expect(await createOpenData(f.cloud).chat({ opengid: 'G-plain' }, { openid: 'o' })).toBeNull();
  });

  it('refuses the local host’s demo parameter', async () => {
    await expect(
      createOpenData(fakeCloud().cloud).chat({ demo: 'x' }, { openid: 'o' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
