import { sharedQueries } from '../../cloudfunctions/modules/shared/public';
import { ENGINES, makeWorld, worlds, type EngineName, type World } from './harness';

const DAY = 86400_000;
let w: World;
describe.each(ENGINES)('on %s', (engine: EngineName) => {
  const fresh = worlds({ engine });
  beforeEach(async () => {
    w = await fresh();
  });

  describe('a voter writes to a deputy and the deputy answers', () => {
    it('runs the whole thread: send → inbox → read → reply → voter sees it; duty record and notifications follow', async () => {
      const card = await w.call('voter', 'contact', 'card', {
        code: (await w.ports.store.get('deputies', 'dep-01'))!.code,
      });
      expect(card.name).toBe('李华');

      const sent = await w.call(
        'voter',
        'contact',
        'send',
        { code: card.code, category: '城乡建设', text: '路灯坏了，请帮忙反映' },
        'req-000001',
      );
      expect(sent.status).toBe('visible');

      const inbox = await w.call('deputy', 'contact', 'inbox', {});
      const row = inbox.items.find((t) => t.threadId === sent.threadId)!;
      expect(row).toMatchObject({
        status: 'new',
        unread: true,
        voterVerified: true,
        voterName: '王*明',
        category: '城乡建设',
      });
      expect(inbox.unread).toBeGreaterThanOrEqual(1);

      // The deputy was notified through the outbox.
      const deputyNotes = await w.call('deputy', 'account', 'notifications', {});
      expect(deputyNotes.items[0]).toMatchObject({ kind: 'message.received', read: false });

      const opened = await w.call('deputy', 'contact', 'thread', { threadId: sent.threadId });
      expect(opened.thread.status).toBe('read');
      expect(opened.messages.map((m) => m.text)).toEqual(['路灯坏了，请帮忙反映']);
      expect((await w.call('deputy', 'contact', 'inbox', {})).unread).toBe(inbox.unread - 1);

      w.clock.advance(3600_000);
      await w.call(
        'deputy',
        'contact',
        'reply',
        { threadId: sent.threadId, text: '已转城建办，下周修复' },
        'req-000002',
      );

      const mine = await w.call('voter', 'contact', 'myThreads', {});
      const t = mine.items.find((x) => x.threadId === sent.threadId)!;
      expect(t).toMatchObject({
        status: 'replied',
        unread: true,
        firstReplySeconds: 3600,
        deputyName: '李华',
      });
      const voterNotes = await w.call('voter', 'account', 'notifications', {});
      expect(voterNotes.items[0]).toMatchObject({
        kind: 'message.replied',
        link: `/pages/thread/index?threadId=${sent.threadId}`,
      });
      expect(voterNotes.unread).toBe(1);
      expect(
        (await w.call('voter', 'account', 'readNotifications', { ids: [voterNotes.items[0].id] })).read,
      ).toBe(1);
      expect((await w.call('voter', 'account', 'me', {})).unreadNotifications).toBe(0);
      const thread = await w.call('voter', 'contact', 'thread', { threadId: sent.threadId });
      expect(thread.messages.map((m) => [m.author, m.text])).toEqual([
        ['voter', '路灯坏了，请帮忙反映'],
        ['deputy', '已转城建办，下周修复'],
      ]);

      const record = await w.call('deputy', 'account', 'dutyRecord', {});
      expect(record.items[0]).toMatchObject({ type: 'message.reply', points: 1 });
      expect(record.items[0].summary).toContain('已转城建办');
    });

    it('a retry with the same requestId returns the first message and writes nothing more', async () => {
      const first = await w.call(
        'voter',
        'contact',
        'send',
        { deputyId: 'dep-01', text: '同一条留言' },
        'retry-0001',
      );
      const before = w.snapshot();
      const again = await w.call(
        'voter',
        'contact',
        'send',
        { deputyId: 'dep-01', text: '同一条留言' },
        'retry-0001',
      );
      expect(again).toEqual(first);
      expect(w.snapshot()).toEqual(before);
      // Concurrent twins also collapse into one.
      const twins = await Promise.all(
        [1, 2, 3].map(() =>
          w.call('voter', 'contact', 'send', { deputyId: 'dep-02', text: '并发' }, 'twin-0001'),
        ),
      );
      expect(new Set(twins.map((t) => t.threadId)).size).toBe(1);
    });

    it('marks unverified senders to the deputy, and lets the deputy filter to verified ones', async () => {
      const s = await w.call({ openid: 'someone-new' }, 'contact', 'send', {
        deputyId: 'dep-01',
        text: '我是新用户',
      });
      const all = await w.call('deputy', 'contact', 'inbox', {});
      expect(all.items.find((t) => t.threadId === s.threadId)).toMatchObject({ voterVerified: false });
      const verified = await w.call('deputy', 'contact', 'inbox', { verifiedOnly: true });
      expect(verified.items.some((t) => t.threadId === s.threadId)).toBe(false);
      const replied = await w.call('deputy', 'contact', 'inbox', { status: 'replied' });
      expect(replied.items.every((t) => t.status === 'replied')).toBe(true);
    });

    it('limits each sender to the daily allowance, and a new day opens it again', async () => {
      w = await makeWorld({ engine, dailyMessageLimit: 2 });
      await w.call('newcomer', 'contact', 'send', { deputyId: 'dep-01', text: '一' });
      await w.call('newcomer', 'contact', 'send', { deputyId: 'dep-01', text: '二' });
      const before = w.fingerprint();
      const third = await w.raw('newcomer', 'contact', 'send', { deputyId: 'dep-01', text: '三' });
      expect(third).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      expect(w.fingerprint()).toBe(before);
      w.clock.advance(DAY);
      await w.call('newcomer', 'contact', 'send', { deputyId: 'dep-01', text: '四' });
    });

    it('paginates the inbox with cursors and no duplicates', async () => {
      for (let i = 0; i < 25; i++) {
        w.clock.advance(1000);
        await w.call({ openid: `bulk-${i}` }, 'contact', 'send', { deputyId: 'dep-01', text: `第${i}条` });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const p = await w.call('deputy', 'contact', 'inbox', { cursor });
        expect(p.items.length).toBeLessThanOrEqual(20);
        seen.push(...p.items.map((t) => t.threadId));
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(25 + 2); // plus the seeded threads of dep-01
    });
  });

  describe('content check', () => {
    it('refuses risky text with CONTENT_REJECTED and stores nothing', async () => {
      const before = w.fingerprint();
      const r = await w.raw('voter', 'contact', 'send', { deputyId: 'dep-01', text: '出售赌博网站账号' });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
      expect(w.fingerprint()).toBe(before);
    });

    it('holds text for review: the deputy sees nothing until staff release it', async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '我们准备去上访' });
      expect(s.status).toBe('held');
      const inbox = await w.call('deputy', 'contact', 'inbox', {});
      expect(inbox.items.some((t) => t.threadId === s.threadId)).toBe(false);
      expect(await w.raw('deputy', 'contact', 'thread', { threadId: s.threadId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      // The voter sees their own message marked as under review.
      const own = await w.call('voter', 'contact', 'thread', { threadId: s.threadId });
      expect(own.messages[0]).toMatchObject({ status: 'held', mine: true });

      const held = await w.call('township', 'contact', 'held', {});
      expect(held.items.map((m) => m.messageId)).toContain(s.messageId);
      // Staff see who wrote it and why it waits, and how many wait in their township.
      expect(held.items.find((m) => m.messageId === s.messageId)).toMatchObject({
        author: 'voter',
        authorName: '王小明',
        authorVerified: true,
        reason: expect.stringContaining('内容安全'),
        deputyName: '李华',
      });
      expect(held.waiting).toBe(held.items.length);
      await w.call('township', 'contact', 'review', { messageId: s.messageId, decision: 'release' });
      const after = await w.call('deputy', 'contact', 'inbox', {});
      expect(after.items.find((t) => t.threadId === s.threadId)).toMatchObject({
        status: 'new',
        unread: true,
      });
      expect(
        await w.raw('township', 'contact', 'review', { messageId: s.messageId, decision: 'hide' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
    });

    it('hiding a held opening message closes the thread and tells the voter', async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '组织示威' });
      await w.call('county', 'contact', 'review', { messageId: s.messageId, decision: 'hide' });
      const own = await w.call('voter', 'contact', 'thread', { threadId: s.threadId });
      expect(own.thread.status).toBe('closed');
      expect(own.messages[0].text).toBe('（该内容已被管理员隐藏）');
      expect((await w.call('voter', 'account', 'notifications', {})).items[0].kind).toBe('message.hidden');
    });
  });

  describe('linking a deputy’s account by invitation', () => {
    it('the office issues a single-use code; the deputy enters it and gets their workbench', async () => {
      const invite = await w.call('township', 'contact', 'inviteDeputy', { deputyId: 'dep-02' });
      expect(invite.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      const who = { openid: 'future-deputy-2' };
      const spaced = `${invite.code.slice(0, 4)} ${invite.code.slice(4).toLowerCase()}`; // as typed from a message
      const card = await w.call(who, 'contact', 'acceptInvite', { code: spaced });
      expect(card.deputyId).toBe('dep-02');
      expect((await w.call(who, 'account', 'me', {})).deputyId).toBe('dep-02');
      expect((await w.call(who, 'contact', 'inbox', {})).items).toBeDefined();
      // Used once: the same code does not work again.
      expect(
        await w.raw({ openid: 'someone-else' }, 'contact', 'acceptInvite', { code: invite.code }),
      ).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('a new invitation revokes the previous one, and an old one expires after 7 days', async () => {
      const first = await w.call('township', 'contact', 'inviteDeputy', { deputyId: 'dep-02' });
      const second = await w.call('township', 'contact', 'inviteDeputy', { deputyId: 'dep-02' });
      expect(await w.raw({ openid: 'd-a' }, 'contact', 'acceptInvite', { code: first.code })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      w.clock.advance(8 * DAY);
      expect(await w.raw({ openid: 'd-b' }, 'contact', 'acceptInvite', { code: second.code })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('guessing is limited: ten tries a day per account', async () => {
      for (let i = 0; i < 10; i++)
        await w.raw({ openid: 'guesser' }, 'contact', 'acceptInvite', { code: 'AAAAAAAA' });
      expect(
        await w.raw({ openid: 'guesser' }, 'contact', 'acceptInvite', { code: 'AAAAAAAA' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
    });
  });

  describe('notifications about a thread', () => {
    it('name the deputy who answered, and opening the thread reads them', async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '路灯坏了' });
      const unread = async (who: 'voter' | 'deputy') =>
        (await w.call(who, 'account', 'notifications', {})).items.filter(
          (n) => !n.read && n.link.endsWith(`threadId=${s.threadId}`),
        );
      expect(await unread('deputy')).toHaveLength(1);
      await w.call('deputy', 'contact', 'thread', { threadId: s.threadId });
      expect(await unread('deputy')).toHaveLength(0);
      await w.call('deputy', 'contact', 'reply', { threadId: s.threadId, text: '马上处理' });
      const [note] = await unread('voter');
      expect(note.title).toBe('李华代表回复了您的留言');
      const before = (await w.call('voter', 'account', 'notifications', {})).unread;
      await w.call('voter', 'contact', 'thread', { threadId: s.threadId });
      expect(await unread('voter')).toHaveLength(0);
      expect((await w.call('voter', 'account', 'notifications', {})).unread).toBe(before - 1);
    });
  });

  describe('held text reaches nobody but its author and staff', () => {
    const HELD = '我们准备去上访';
    /** Everything the deputy can see: notifications, inbox rows, and every thread they can open. */
    async function deputySees() {
      const notes = await w.call('deputy', 'account', 'notifications', {});
      const inbox = await w.call('deputy', 'contact', 'inbox', {});
      const threads = await Promise.all(
        inbox.items.map((t) => w.call('deputy', 'contact', 'thread', { threadId: t.threadId })),
      );
      return JSON.stringify([notes, inbox, threads]);
    }

    it('closing or chasing a held thread tells the deputy nothing (the held text never travels)', async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: HELD });
      w.clock.advance(8 * DAY);
      expect(await w.raw('voter', 'contact', 'chase', { threadId: s.threadId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('审核') },
      });
      await w.call('voter', 'contact', 'close', { threadId: s.threadId, outcome: 'unresolved' });
      const seen = await deputySees();
      expect(seen).not.toContain(HELD);
      expect(seen).not.toContain(s.threadId);
    });

    it('a follow-up of a held thread waits with it: the thread stays out of the inbox until its opening is released', async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: HELD });
      const f = await w.call('voter', 'contact', 'followUp', {
        threadId: s.threadId,
        text: '补充：村口第三盏灯',
      });
      expect(f.status).toBe('held');
      expect(await deputySees()).not.toContain(s.threadId);
      // Staff review the opening only; the follow-up is not a separate item in their queue.
      const queue = (await w.call('township', 'contact', 'held', {})).items.map((m) => m.messageId);
      expect(queue).toContain(s.messageId);
      expect(queue).not.toContain(f.messageId);
      const before = (await w.call('deputy', 'account', 'notifications', {})).items.length;
      await w.call('township', 'contact', 'review', { messageId: s.messageId, decision: 'release' });
      const opened = await w.call('deputy', 'contact', 'thread', { threadId: s.threadId });
      expect(opened.messages.map((m) => m.text)).toEqual([HELD, '补充：村口第三盏灯']);
      // One notice for the thread, not one per message.
      expect((await w.call('deputy', 'account', 'notifications', {})).items.length).toBe(before + 1);
    });

    it('a follow-up held for its own review, released while the opening is still held, keeps waiting', async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: HELD });
      const f = await w.call('voter', 'contact', 'followUp', {
        threadId: s.threadId,
        text: '还有人要去示威',
      });
      await w.call('township', 'contact', 'review', { messageId: f.messageId, decision: 'release' });
      expect(await deputySees()).not.toContain(s.threadId);
      await w.call('township', 'contact', 'review', { messageId: s.messageId, decision: 'hide' });
      const own = await w.call('voter', 'contact', 'thread', { threadId: s.threadId });
      expect(own.thread.status).toBe('closed');
      expect(own.messages.map((m) => m.status)).toEqual(['hidden', 'hidden']);
      expect(await deputySees()).not.toContain(s.threadId);
    });

    it('releasing a held opening after the voter closed the thread keeps it closed, with its outcome', async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: HELD });
      await w.call('voter', 'contact', 'close', { threadId: s.threadId, outcome: 'resolved' });
      await w.call('township', 'contact', 'review', { messageId: s.messageId, decision: 'release' });
      const t = await w.call('deputy', 'contact', 'thread', { threadId: s.threadId });
      expect(t.thread).toMatchObject({ status: 'closed', outcome: 'resolved' });
      expect(await w.raw('deputy', 'contact', 'reply', { threadId: s.threadId, text: '好的' })).toMatchObject(
        {
          ok: false,
          error: { code: 'CLOSED' },
        },
      );
    });
  });

  describe('follow-ups have an allowance', () => {
    it('three in a row without an answer, then the voter waits for the deputy', async () => {
      const notes = async () => (await w.call('deputy', 'account', 'notifications', {})).items.length;
      const start = await notes();
      for (let i = 1; i <= 3; i++)
        await w.call('voter', 'contact', 'followUp', { threadId: 'th-demo-2', text: `追问 ${i}` });
      const before = w.fingerprint();
      expect(
        await w.raw('voter', 'contact', 'followUp', { threadId: 'th-demo-2', text: '追问 4' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
      expect(w.fingerprint()).toBe(before);
      expect(await notes()).toBe(start + 3);
      await w.call('deputy', 'contact', 'reply', { threadId: 'th-demo-2', text: '收到，正在了解' });
      expect(
        (await w.call('voter', 'contact', 'followUp', { threadId: 'th-demo-2', text: '谢谢' })).status,
      ).toBe('visible');
    });

    it('follow-ups count against the daily message allowance', async () => {
      w = await makeWorld({ engine, dailyMessageLimit: 2 });
      await w.call('voter', 'contact', 'followUp', { threadId: 'th-demo-2', text: '追问' });
      await w.call('voter', 'contact', 'send', { deputyId: 'dep-02', text: '新留言' });
      expect(
        await w.raw('voter', 'contact', 'followUp', { threadId: 'th-demo-2', text: '再追问' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
    });
  });

  describe('closing, following up and chasing', () => {
    it('the voter closes with an outcome; a closed thread refuses replies with CLOSED', async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '问题' });
      const closed = await w.call('voter', 'contact', 'close', {
        threadId: s.threadId,
        outcome: 'unresolved',
      });
      expect(closed).toMatchObject({ status: 'closed', outcome: 'unresolved' });
      expect(await w.raw('deputy', 'contact', 'reply', { threadId: s.threadId, text: '晚了' })).toMatchObject(
        {
          ok: false,
          error: { code: 'CLOSED' },
        },
      );
      expect(
        await w.raw('voter', 'contact', 'followUp', { threadId: s.threadId, text: '追问' }),
      ).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    });

    it("a follow-up after a reply puts the thread back in the deputy's new list", async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '问题' });
      await w.call('deputy', 'contact', 'reply', { threadId: s.threadId, text: '答复' });
      await w.call('voter', 'contact', 'followUp', { threadId: s.threadId, text: '还有一个问题' });
      const inbox = await w.call('deputy', 'contact', 'inbox', { status: 'new' });
      expect(inbox.items.find((t) => t.threadId === s.threadId)).toMatchObject({
        unread: true,
        lastText: '还有一个问题',
      });
    });

    it('an unanswered thread can be chased once, after 7 days', async () => {
      const s = await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '没人理' });
      expect(await w.raw('voter', 'contact', 'chase', { threadId: s.threadId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      w.clock.advance(7 * DAY);
      const mine = await w.call('voter', 'contact', 'myThreads', {});
      expect(mine.items.find((t) => t.threadId === s.threadId)!.canChase).toBe(true);
      const chased = await w.call('voter', 'contact', 'chase', { threadId: s.threadId });
      expect(chased.chasedAt).not.toBeNull();
      expect(chased.canChase).toBe(false);
      expect(await w.raw('voter', 'contact', 'chase', { threadId: s.threadId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect((await w.call('deputy', 'account', 'notifications', {})).items[0].kind).toBe('message.chased');
    });
  });

  describe('deputy profiles and cards', () => {
    it("lists the voter's own constituency first, then the rest, 20 a page", async () => {
      const first = await w.call('voter', 'contact', 'deputies', {});
      const mineCount = first.items.filter((d) => d.mine).length;
      expect(mineCount).toBeGreaterThan(0);
      expect(first.items.slice(0, mineCount).every((d) => d.mine)).toBe(true);
      expect(first.items.length).toBeLessThanOrEqual(20);
      const all = [...first.items];
      let cursor = first.nextCursor;
      while (cursor) {
        const p = await w.call('voter', 'contact', 'deputies', { cursor });
        all.push(...p.items);
        cursor = p.nextCursor;
      }
      const total = (await sharedQueries(w.ports).deputies({}, { limit: 100 })).length;
      expect(all.length).toBe(total);
      expect(new Set(all.map((d) => d.deputyId)).size).toBe(total);
    });

    it('office staff create a profile with a card code, link an account, and the deputy gets a card image once', async () => {
      const user = await w.call({ openid: 'future-deputy' }, 'account', 'me', {});
      const d = await w.call('township', 'contact', 'saveDeputy', {
        name: '周新',
        level: 'township',
        constituencyId: 'tw-qs-c2',
        workUnit: '青石镇农技站',
        userId: user.userId,
      });
      expect(d.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      expect((await w.call('voter', 'contact', 'card', { code: d.code })).name).toBe('周新');
      const me = await w.call({ openid: 'future-deputy' }, 'account', 'me', {});
      expect(me.deputyId).toBe(d.deputyId);
      const card = await w.call({ openid: 'future-deputy' }, 'contact', 'myCard', {});
      expect(card.imageUrl).toMatch(/^\/files\/cards\/.+\.png$/);
      const again = await w.call({ openid: 'future-deputy' }, 'contact', 'myCard', {});
      expect(again.imageUrl).toBe(card.imageUrl);
      expect(card.cardPath).toBe(`pages/card/index?code=${d.code}`);
    });

    it('an unknown card code answers NOT_FOUND', async () => {
      expect(await w.raw(null, 'contact', 'card', { code: 'NOPE1234' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });
  });
});
