/** contact: deputy profiles and contact cards; voter ↔ deputy message threads. */
import type { Ctx } from '../context';
import { appendActivity, audit, notify, once, priorResult, spendAllowance } from '../effects';
import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import { authorize, officeOver, officeScope, regionSubject, type Subject } from '../policy';
import type { Tx } from '../ports';
import type { Deputy, Message, Thread } from '../records';
import { page } from '../domain/cursor';
import { maskName } from '../domain/idNumber';
import { deputyNames, deputyPublic, threadSummary, canChase } from './views';

const CARD_PAGE = 'pages/card/index';

const threadSubject = (t: Thread): Subject => ({
  countyId: t.countyId,
  townshipId: t.townshipId,
  deputyId: t.deputyId,
  ownerUserId: t.voterUserId,
});

async function loadThread(ctx: Ctx, threadId: string): Promise<Thread> {
  const t = await ctx.ports.store.get('threads', threadId);
  if (!t) throw new AppError('NOT_FOUND', '留言不存在');
  return t;
}

async function deputyOf(ctx: Ctx, id: string): Promise<Deputy> {
  const d = await ctx.ports.store.get('deputies', id);
  if (!d) throw new AppError('NOT_FOUND', '代表不存在');
  return d;
}

/** Content check before anything is stored: risky is refused, review is held for staff. */
async function checkText(ctx: Ctx, text: string): Promise<'visible' | 'held'> {
  const verdict = await ctx.ports.content.text({ text, openid: ctx.caller!.user.openid, scene: 2 });
  if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', '内容未通过安全检查，请修改后再发送');
  return verdict === 'review' ? 'held' : 'visible';
}

const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * The effects of a message once it is visible to the other party — at posting, or when staff
 * release a held one: thread state, the other party's notification, and the deputy's duty record.
 */
async function deliverMessage(tx: Tx, ctx: Ctx, thread: Thread, m: Message): Promise<void> {
  const at = m.createdAt;
  if (m.authorRole === 'voter') {
    await tx.update('threads', thread.id, {
      held: false,
      status: 'new',
      lastText: preview(m.text),
      lastMessageAt: at,
      awaitingSince: thread.awaitingSince ?? at,
      unreadByDeputy: true,
    });
    const deputy = await tx.get('deputies', thread.deputyId);
    await notify(tx, ctx, {
      userId: deputy?.userId,
      kind: 'message.received',
      title: '您收到一条选民留言',
      body: preview(m.text),
      link: `/deputy/thread/index?threadId=${thread.id}`,
    });
    return;
  }
  const firstReply = thread.firstReplyAt === null;
  await tx.update('threads', thread.id, {
    status: 'replied',
    lastText: preview(m.text),
    lastMessageAt: at,
    awaitingSince: null,
    unreadByVoter: true,
    unreadByDeputy: false,
    ...(firstReply
      ? {
          firstReplyAt: at,
          firstReplySeconds: Math.round((Date.parse(at) - Date.parse(thread.createdAt)) / 1000),
        }
      : {}),
  });
  await appendActivity(tx, ctx, {
    deputyId: thread.deputyId,
    type: 'message.reply',
    refType: 'thread',
    refId: thread.id,
    summary: `答复选民留言：${preview(m.text)}`,
  });
  await notify(tx, ctx, {
    userId: thread.voterUserId,
    kind: 'message.replied',
    title: '代表回复了您的留言',
    body: preview(m.text),
    link: `/pages/thread/index?threadId=${thread.id}`,
  });
}

function newMessage(
  ctx: Ctx,
  thread: Thread,
  role: Message['authorRole'],
  text: string,
  status: Message['status'],
): Message {
  return {
    id: ctx.ports.ids.next(),
    threadId: thread.id,
    deputyId: thread.deputyId,
    countyId: thread.countyId,
    townshipId: thread.townshipId,
    authorUserId: ctx.caller!.user.id,
    authorRole: role,
    text,
    status,
    createdAt: ctx.now.toISOString(),
    reviewedBy: null,
    reviewedAt: null,
  };
}

/** A later message in an open thread, by the voter (follow-up) or the deputy (reply). */
async function post(ctx: Ctx, threadId: string, text: string, role: Message['authorRole']) {
  const thread = await loadThread(ctx, threadId);
  authorize(ctx, threadSubject(thread));
  if (thread.status === 'closed') throw new AppError('CLOSED', '该留言已关闭');
  if (role === 'deputy' && thread.held) throw new AppError('NOT_FOUND', '留言不存在');
  const prior = await priorResult<{ messageId: string; status: 'visible' | 'held' }>(ctx);
  if (prior) return prior;
  const status = await checkText(ctx, text);
  return once(ctx, async (tx) => {
    const current = (await tx.get('threads', threadId))!;
    if (current.status === 'closed') throw new AppError('CLOSED', '该留言已关闭');
    const m = newMessage(ctx, current, role, text, status);
    await tx.insert('messages', m);
    if (status === 'visible') await deliverMessage(tx, ctx, current, m);
    await audit(tx, ctx, { entityType: 'message', entityId: m.id, detail: { threadId, status } });
    return { messageId: m.id, status };
  });
}

export const contactHandlers: Handlers<'contact'> = {
  async deputies(ctx, input) {
    authorize(ctx);
    const { store } = ctx.ports;
    const own = ctx.caller?.user.constituencyId ?? null;
    const showOwnFirst = !input.constituencyId && !input.townshipId && own && !input.cursor;
    // Own constituency first (a constituency has a handful of deputies), leaving room for the rest.
    const mine = showOwnFirst ? await store.deputies({ constituencyId: own }, { limit: 19 }) : [];
    const filter = {
      constituencyId: input.constituencyId,
      townshipId: input.townshipId,
      excludeConstituencyId: !input.constituencyId && !input.townshipId && own ? own : undefined,
    };
    const rest = await page(
      (o) => store.deputies(filter, o),
      input.cursor,
      (d) => d.name,
      Math.max(1, 20 - mine.length),
    );
    return {
      items: [...mine, ...rest.rows].map((d) => ({
        ...deputyPublic(ctx, d),
        mine: d.constituencyId === own,
      })),
      nextCursor: rest.nextCursor,
    };
  },

  async card(ctx, { code }) {
    authorize(ctx);
    const d = await ctx.ports.store.deputyByCode(code);
    if (!d) throw new AppError('NOT_FOUND', '未找到该代表联系卡');
    return deputyPublic(ctx, d);
  },

  async myCard(ctx) {
    const caller = authorize(ctx);
    let deputy = caller.deputy!;
    const { codes, files, store } = ctx.ports;
    if (!deputy.cardFileId) {
      // Generated once and kept: wxacode.getUnlimited has no lifetime cap, but each call costs quota.
      const png = await codes.image({ scene: deputy.code, page: CARD_PAGE });
      const fileId = await files.put(`cards/${deputy.code}.png`, png, 'image/png');
      await store.transact(async (tx) => {
        await tx.update('deputies', deputy.id, { cardFileId: fileId });
      });
      deputy = { ...deputy, cardFileId: fileId };
    }
    return {
      deputy: deputyPublic(ctx, deputy),
      imageUrl: await files.url(deputy.cardFileId!),
      cardPath: `${CARD_PAGE}?code=${deputy.code}`,
    };
  },

  async saveDeputy(ctx, input) {
    const target = ctx.geo.region(input.constituencyId);
    if (!target || target.kind !== 'constituency') {
      throw new AppError('INVALID_INPUT', '请选择选区', { constituencyId: '选区不存在' });
    }
    const existing = input.deputyId ? await deputyOf(ctx, input.deputyId) : null;
    // Staff must be over both the old and the new constituency.
    if (existing) authorize(ctx, regionSubject(ctx, existing.constituencyId));
    authorize(ctx, regionSubject(ctx, input.constituencyId));
    if (input.stationId && !ctx.geo.station(input.stationId)) {
      throw new AppError('INVALID_INPUT', '联络站不存在', { stationId: '联络站不存在' });
    }
    if (input.userId) {
      const holder = await ctx.ports.store.deputyByUser(input.userId);
      if (holder && holder.id !== existing?.id) {
        throw new AppError('CONFLICT', `该账号已关联代表 ${holder.name}`, { userId: '已关联其他代表' });
      }
    }
    const now = ctx.now.toISOString();
    const saved = await ctx.ports.store.transact(async (tx) => {
      const userId = input.userId === undefined ? (existing?.userId ?? null) : input.userId;
      if (userId && !(await tx.get('users', userId))) {
        throw new AppError('NOT_FOUND', '要关联的账号不存在', { userId: '账号不存在' });
      }
      const d: Deputy = {
        id: existing?.id ?? ctx.ports.ids.next(),
        code: existing?.code ?? ctx.ports.ids.code(8),
        cardFileId: existing?.cardFileId ?? null,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        userId,
        name: input.name,
        level: input.level,
        countyId: target.countyId,
        townshipId: target.townshipId!,
        constituencyId: target.id,
        workUnit: input.workUnit,
        photoUrl: input.photoUrl,
        stationId: input.stationId,
        publicContact: input.publicContact,
      };
      if (existing) {
        const { id: _id, ...patch } = d;
        await tx.update('deputies', d.id, patch);
      } else {
        await tx.insert('deputies', d);
      }
      if (existing?.userId && existing.userId !== userId) {
        await tx.remove('roleGrants', `${existing.userId}:deputy:${d.id}`);
      }
      if (userId && existing?.userId !== userId) {
        await tx.insert('roleGrants', {
          id: `${userId}:deputy:${d.id}`,
          userId,
          role: 'deputy',
          scopeKind: 'deputy',
          scopeId: d.id,
        });
      }
      await audit(tx, ctx, { entityType: 'deputy', entityId: d.id, detail: { created: !existing } });
      return d;
    });
    return deputyPublic(ctx, saved);
  },

  async send(ctx, input) {
    const caller = authorize(ctx);
    const { store, config } = ctx.ports;
    const deputy = input.code
      ? await store.deputyByCode(input.code)
      : await store.get('deputies', input.deputyId!);
    if (!deputy) throw new AppError('NOT_FOUND', '代表不存在');
    const prior = await priorResult<{ threadId: string; messageId: string; status: 'visible' | 'held' }>(ctx);
    if (prior) return prior;
    const status = await checkText(ctx, input.text);
    const verified = !!caller.user.verifiedEntryId;
    let voterName = caller.user.displayName;
    if (verified) {
      const entry = await store.get('registerEntries', caller.user.verifiedEntryId!);
      if (entry) voterName = maskName(entry.name);
    }
    return once(ctx, async (tx) => {
      await spendAllowance(tx, ctx, 'send', config.dailyMessageLimit);
      const now = ctx.now.toISOString();
      const thread: Thread = {
        id: ctx.ports.ids.next(),
        deputyId: deputy.id,
        countyId: deputy.countyId,
        townshipId: deputy.townshipId,
        voterUserId: caller.user.id,
        voterVerified: verified,
        voterName,
        category: input.category,
        status: 'new',
        outcome: null,
        held: true,
        lastText: preview(input.text),
        createdAt: now,
        lastMessageAt: now,
        awaitingSince: now,
        firstReplyAt: null,
        firstReplySeconds: null,
        chasedAt: null,
        unreadByDeputy: true,
        unreadByVoter: false,
      };
      await tx.insert('threads', thread);
      const m = newMessage(ctx, thread, 'voter', input.text, status);
      await tx.insert('messages', m);
      if (status === 'visible') await deliverMessage(tx, ctx, thread, m);
      await audit(tx, ctx, {
        entityType: 'thread',
        entityId: thread.id,
        detail: { deputyId: deputy.id, status },
      });
      return { threadId: thread.id, messageId: m.id, status };
    });
  },

  async inbox(ctx, input) {
    const caller = authorize(ctx);
    const deputy = caller.deputy!;
    const { store } = ctx.ports;
    const [p, unread] = await Promise.all([
      page(
        (o) =>
          store.threadsOfDeputy(
            { deputyId: deputy.id, status: input.status, verifiedOnly: input.verifiedOnly },
            o,
          ),
        input.cursor,
        (t) => t.lastMessageAt,
      ),
      store.unreadThreadsOfDeputy(deputy.id),
    ]);
    return { items: p.rows.map((t) => threadSummary(ctx, t, deputy.name)), nextCursor: p.nextCursor, unread };
  },

  async myThreads(ctx, input) {
    const caller = authorize(ctx);
    const p = await page(
      (o) => ctx.ports.store.threadsOfVoter(caller.user.id, o),
      input.cursor,
      (t) => t.lastMessageAt,
    );
    const names = await deputyNames(
      ctx,
      p.rows.map((t) => t.deputyId),
    );
    return {
      items: p.rows.map((t) => threadSummary(ctx, t, names.get(t.deputyId)!)),
      nextCursor: p.nextCursor,
    };
  },

  async thread(ctx, input) {
    const thread = await loadThread(ctx, input.threadId);
    const caller = authorize(ctx, threadSubject(thread));
    const isVoter = caller.user.id === thread.voterUserId;
    const isDeputy = caller.deputy?.id === thread.deputyId;
    const isOffice = officeOver(caller, threadSubject(thread));
    // A held opening message keeps the thread from the deputy until staff release it.
    if (thread.held && isDeputy && !isVoter && !isOffice) throw new AppError('NOT_FOUND', '留言不存在');
    const p = await page(
      (o) => ctx.ports.store.messagesOfThread(thread.id, o),
      input.cursor,
      (m) => m.createdAt,
      50,
    );
    const messages = p.rows
      // Held messages are shown only to their author (marked 审核中) and to office staff.
      .filter((m) => m.status !== 'held' || isOffice || m.authorUserId === caller.user.id)
      .map((m) => ({
        messageId: m.id,
        author: m.authorRole,
        mine: m.authorUserId === caller.user.id,
        text: m.status === 'hidden' && !isOffice ? '（该内容已被管理员隐藏）' : m.text,
        status: m.status,
        createdAt: m.createdAt,
      }));
    let seen = thread;
    const markDeputy = isDeputy && thread.unreadByDeputy;
    const markVoter = isVoter && thread.unreadByVoter;
    if (markDeputy || markVoter) {
      const patch: Partial<Thread> = markDeputy
        ? { unreadByDeputy: false, ...(thread.status === 'new' ? { status: 'read' as const } : {}) }
        : { unreadByVoter: false };
      await ctx.ports.store.transact(async (tx) => {
        await tx.update('threads', thread.id, patch);
        if (patch.status)
          await audit(tx, ctx, { entityType: 'thread', entityId: thread.id, detail: { status: 'read' } });
      });
      seen = { ...thread, ...patch };
    }
    const deputy = await ctx.ports.store.get('deputies', thread.deputyId);
    return { thread: threadSummary(ctx, seen, deputy?.name ?? ''), messages, nextCursor: p.nextCursor };
  },

  reply: (ctx, input) => post(ctx, input.threadId, input.text, 'deputy'),
  followUp: (ctx, input) => post(ctx, input.threadId, input.text, 'voter'),

  async close(ctx, input) {
    const thread = await loadThread(ctx, input.threadId);
    authorize(ctx, threadSubject(thread));
    if (thread.status === 'closed') throw new AppError('CLOSED', '该留言已关闭');
    const patch = { status: 'closed' as const, outcome: input.outcome, unreadByVoter: false };
    await ctx.ports.store.transact(async (tx) => {
      await tx.update('threads', thread.id, patch);
      await audit(tx, ctx, { entityType: 'thread', entityId: thread.id, detail: { outcome: input.outcome } });
      const deputy = await tx.get('deputies', thread.deputyId);
      await notify(tx, ctx, {
        userId: deputy?.userId,
        kind: 'message.closed',
        title: input.outcome === 'resolved' ? '选民确认问题已解决' : '选民反映问题未解决',
        body: thread.lastText,
        link: `/deputy/thread/index?threadId=${thread.id}`,
      });
    });
    const deputy = await ctx.ports.store.get('deputies', thread.deputyId);
    return threadSummary(ctx, { ...thread, ...patch }, deputy?.name ?? '');
  },

  async chase(ctx, input) {
    const thread = await loadThread(ctx, input.threadId);
    authorize(ctx, threadSubject(thread));
    if (thread.status === 'closed') throw new AppError('CLOSED', '该留言已关闭');
    if (!canChase(thread, ctx.now)) {
      throw new AppError('CONFLICT', thread.chasedAt ? '已经催办过一次' : '留言 7 天未获答复后才能催办');
    }
    const patch = { chasedAt: ctx.now.toISOString() };
    await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('threads', thread.id))!;
      if (current.chasedAt) throw new AppError('CONFLICT', '已经催办过一次');
      await tx.update('threads', thread.id, patch);
      const deputy = await tx.get('deputies', thread.deputyId);
      await notify(tx, ctx, {
        userId: deputy?.userId,
        kind: 'message.chased',
        title: '选民催办：留言已 7 天未答复',
        body: thread.lastText,
        link: `/deputy/thread/index?threadId=${thread.id}`,
      });
      await audit(tx, ctx, { entityType: 'thread', entityId: thread.id });
    });
    const deputy = await ctx.ports.store.get('deputies', thread.deputyId);
    return threadSummary(ctx, { ...thread, ...patch }, deputy?.name ?? '');
  },

  async held(ctx, input) {
    const caller = authorize(ctx);
    const p = await page(
      (o) => ctx.ports.store.heldMessages(officeScope(caller), o),
      input.cursor,
      (m) => m.createdAt,
    );
    const names = await deputyNames(
      ctx,
      p.rows.map((m) => m.deputyId),
    );
    return {
      items: p.rows.map((m) => ({
        messageId: m.id,
        threadId: m.threadId,
        deputyName: names.get(m.deputyId)!,
        text: m.text,
        createdAt: m.createdAt,
      })),
      nextCursor: p.nextCursor,
    };
  },

  async review(ctx, input) {
    const m = await ctx.ports.store.get('messages', input.messageId);
    if (!m) throw new AppError('NOT_FOUND', '留言不存在');
    authorize(ctx, { countyId: m.countyId, townshipId: m.townshipId });
    if (m.status !== 'held') throw new AppError('CONFLICT', '该留言已处理');
    const status = input.decision === 'release' ? ('visible' as const) : ('hidden' as const);
    await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('messages', m.id))!;
      if (current.status !== 'held') throw new AppError('CONFLICT', '该留言已处理');
      await tx.update('messages', m.id, {
        status,
        reviewedBy: ctx.caller!.user.id,
        reviewedAt: ctx.now.toISOString(),
      });
      const thread = (await tx.get('threads', m.threadId))!;
      if (status === 'visible') await deliverMessage(tx, ctx, thread, { ...current, status });
      else if (thread.held) await tx.update('threads', thread.id, { status: 'closed' });
      await notify(tx, ctx, {
        userId: m.authorUserId,
        kind: status === 'visible' ? 'message.released' : 'message.hidden',
        title: status === 'visible' ? '您的留言已通过审核并送达' : '您的留言未通过审核',
        body: m.text,
        link:
          m.authorRole === 'voter'
            ? `/pages/thread/index?threadId=${m.threadId}`
            : `/deputy/thread/index?threadId=${m.threadId}`,
      });
      await audit(tx, ctx, { entityType: 'message', entityId: m.id, detail: { decision: input.decision } });
    });
    return { messageId: m.id, status };
  },
};
