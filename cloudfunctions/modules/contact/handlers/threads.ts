/** contact: voter ↔ deputy threads — sending, the deputy's inbox, reading, replying, closing, chasing. */
import { decodeCursor, page } from '../../../core/cursor';
import { audit, notify, once, priorResult, spendAllowance } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeOver } from '../../../core/policy';
import { maskName } from '../../../core/privacy';
import { registeredName } from '../../account/public';
import { deputyNames, readNotificationsAt, sharedQueries } from '../../shared/public';
import type { ContactHandlers } from '../contract';
import {
  checkText,
  deliverMessage,
  loadThread,
  newMessage,
  post,
  preview,
  threadLink,
  updateThread,
  threadSubject,
} from '../messages';
import type { Thread } from '../records';
import { contactQueries } from '../storage';
import { canChase, threadSummary } from '../views';

export const threadHandlers: Pick<
  ContactHandlers,
  'send' | 'inbox' | 'myThreads' | 'thread' | 'reply' | 'followUp' | 'close' | 'chase'
> = {
  async send(ctx, input) {
    const caller = authorize(ctx);
    const { store, config } = ctx.ports;
    const deputy = input.code
      ? await sharedQueries(ctx.ports).deputyByCode(input.code)
      : await store.get('deputies', input.deputyId!);
    if (!deputy) throw new AppError('NOT_FOUND', '代表不存在');
    const prior = await priorResult<{ threadId: string; messageId: string; status: 'visible' | 'held' }>(ctx);
    if (prior) return prior;
    const status = await checkText(ctx, input.text);
    const verified = !!caller.user.verifiedEntryId;
    const registered = await registeredName(ctx, caller.user);
    const voterName = registered ? maskName(registered) : caller.user.displayName;
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
        pendingFollowUps: 0,
      };
      const m = newMessage(ctx, thread, 'voter', input.text, status, status === 'held' ? 'review' : null);
      thread.openingMessageId = m.id;
      await tx.insert('threads', thread);
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
    const q = contactQueries(ctx.ports);
    decodeCursor(input.cursor); // refused before the count, which writes its counter the first time it counts
    const [p, unread] = await Promise.all([
      page(
        (o) =>
          q.threadsOfDeputy(
            { deputyId: deputy.id, status: input.status, verifiedOnly: input.verifiedOnly },
            o,
          ),
        input.cursor,
        (t) => t.lastMessageAt,
      ),
      q.unreadThreadsOfDeputy(deputy.id),
    ]);
    return { items: p.rows.map((t) => threadSummary(ctx, t, deputy.name)), nextCursor: p.nextCursor, unread };
  },

  async myThreads(ctx, input) {
    const caller = authorize(ctx);
    const p = await page(
      (o) => contactQueries(ctx.ports).threadsOfVoter(caller.user.id, o),
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
      (o) => contactQueries(ctx.ports).messagesOfThread(thread.id, o),
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
        await updateThread(tx, (await tx.get('threads', thread.id))!, patch);
        if (patch.status)
          await audit(tx, ctx, { entityType: 'thread', entityId: thread.id, detail: { status: 'read' } });
      });
      seen = { ...thread, ...patch };
    }
    // Reading the thread reads the notifications that point to it.
    if (isVoter || isDeputy)
      await readNotificationsAt(
        ctx,
        caller.user.id,
        isVoter ? threadLink.voter(thread.id) : threadLink.deputy(thread.id),
      );
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
      // A held thread is not the deputy's yet: nothing about it reaches them.
      if (thread.held) return;
      const deputy = await tx.get('deputies', thread.deputyId);
      await notify(tx, ctx, {
        userId: deputy?.userId,
        kind: 'message.closed',
        title: input.outcome === 'resolved' ? '选民确认问题已解决' : '选民反映问题未解决',
        body: thread.lastText,
        link: threadLink.deputy(thread.id),
      });
    });
    const deputy = await ctx.ports.store.get('deputies', thread.deputyId);
    return threadSummary(ctx, { ...thread, ...patch }, deputy?.name ?? '');
  },

  async chase(ctx, input) {
    const thread = await loadThread(ctx, input.threadId);
    authorize(ctx, threadSubject(thread));
    if (thread.status === 'closed') throw new AppError('CLOSED', '该留言已关闭');
    if (thread.held) throw new AppError('CONFLICT', '留言正在审核，审核通过送达代表后才能催办');
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
        link: threadLink.deputy(thread.id),
      });
      await audit(tx, ctx, { entityType: 'thread', entityId: thread.id });
    });
    const deputy = await ctx.ports.store.get('deputies', thread.deputyId);
    return threadSummary(ctx, { ...thread, ...patch }, deputy?.name ?? '');
  },
};
