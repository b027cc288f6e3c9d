/** Messages of a thread: content check, posting, and what a message does once the other party can see it. */
import type { Ctx } from '../../core/context';
import { keepCount } from '../../core/counters';
import { appendActivity, audit, notify, once, priorResult, spendAllowance } from '../../core/effects';
import { AppError } from '../../core/errors';
import { authorize, type Subject } from '../../core/policy';
import type { Tx } from '../../core/ports';
import type { Message, Thread } from './records';
import { contactQueries, unreadByTheDeputy, unreadThreadsCounter } from './storage';

/**
 * Follow-ups a voter may write in a row before the deputy answers: enough to add what was forgotten or
 * correct a detail, few enough that one voter cannot flood a deputy's phone. They also count against the
 * daily message allowance.
 */
export const MAX_PENDING_FOLLOW_UPS = 3;

export const threadSubject = (t: Thread): Subject => ({
  countyId: t.countyId,
  townshipId: t.townshipId,
  deputyId: t.deputyId,
  ownerUserId: t.voterUserId,
});

export async function loadThread(ctx: Ctx, threadId: string): Promise<Thread> {
  const t = await ctx.ports.store.get('threads', threadId);
  if (!t) throw new AppError('NOT_FOUND', '留言不存在');
  return t;
}

/**
 * Updates a thread as it stands in this unit of work (`before`, read in it) and keeps its deputy's
 * unread-thread counter in step. Every change to `held` or `unreadByDeputy` goes through here.
 */
export async function updateThread(tx: Tx, before: Thread, patch: Partial<Thread>): Promise<void> {
  await tx.update('threads', before.id, patch);
  const delta = Number(unreadByTheDeputy({ ...before, ...patch })) - Number(unreadByTheDeputy(before));
  await keepCount(tx, unreadThreadsCounter(before.deputyId), delta);
}

/** Content check before anything is stored: risky is refused, review is held for staff. */
export async function checkText(ctx: Ctx, text: string): Promise<'visible' | 'held'> {
  const verdict = await ctx.ports.content.text({ text, openid: ctx.caller!.user.openid, scene: 2 });
  if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', '内容未通过安全检查，请修改后再发送');
  return verdict === 'review' ? 'held' : 'visible';
}

export const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The thread's page for each party; a notification about the thread opens it. */
export const threadLink = {
  voter: (threadId: string) => `/pages/thread/index?threadId=${threadId}`,
  deputy: (threadId: string) => `/deputy/thread/index?threadId=${threadId}`,
};

/**
 * The effects of a message once it is visible to the other party — at posting, or when staff
 * release a held one: thread state, the other party's notification, and the deputy's duty record.
 */
export async function deliverMessage(
  tx: Tx,
  ctx: Ctx,
  thread: Thread,
  m: Message,
  opts: { quiet?: boolean } = {},
): Promise<void> {
  const at = m.createdAt;
  if (m.authorRole === 'voter' && thread.status === 'closed') {
    // Released after the voter closed the thread: the deputy may read it; the thread stays closed.
    await updateThread(tx, thread, { held: false, lastText: preview(m.text), lastMessageAt: at });
    return;
  }
  if (m.authorRole === 'voter') {
    await updateThread(tx, thread, {
      held: false,
      status: 'new',
      lastText: preview(m.text),
      lastMessageAt: at,
      awaitingSince: thread.awaitingSince ?? at,
      unreadByDeputy: true,
    });
    if (opts.quiet) return;
    const deputy = await tx.get('deputies', thread.deputyId);
    await notify(tx, ctx, {
      userId: deputy?.userId,
      kind: 'message.received',
      title: '您收到一条选民留言',
      body: preview(m.text),
      link: threadLink.deputy(thread.id),
    });
    return;
  }
  const firstReply = thread.firstReplyAt === null;
  await updateThread(tx, thread, {
    status: 'replied',
    lastText: preview(m.text),
    lastMessageAt: at,
    awaitingSince: null,
    unreadByVoter: true,
    unreadByDeputy: false,
    pendingFollowUps: 0,
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
  const deputy = await tx.get('deputies', thread.deputyId);
  await notify(tx, ctx, {
    userId: thread.voterUserId,
    kind: 'message.replied',
    title: `${deputy?.name ?? ''}代表回复了您的留言`,
    body: preview(m.text),
    link: threadLink.voter(thread.id),
  });
}

export function newMessage(
  ctx: Ctx,
  thread: Thread,
  role: Message['authorRole'],
  text: string,
  status: Message['status'],
  heldReason: Message['heldReason'] = null,
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
    heldReason,
    createdAt: ctx.now.toISOString(),
    reviewedBy: null,
    reviewedAt: null,
  };
}

/** A later message in an open thread, by the voter (follow-up) or the deputy (reply). */
export async function post(ctx: Ctx, threadId: string, text: string, role: Message['authorRole']) {
  const thread = await loadThread(ctx, threadId);
  authorize(ctx, threadSubject(thread));
  if (thread.status === 'closed') throw new AppError('CLOSED', '该留言已关闭');
  if (role === 'deputy' && thread.held) throw new AppError('NOT_FOUND', '留言不存在');
  const prior = await priorResult<{ messageId: string; status: 'visible' | 'held' }>(ctx);
  if (prior) return prior;
  if (role === 'voter') mayFollowUp(thread);
  const verdict = await checkText(ctx, text);
  return once(ctx, async (tx) => {
    const current = (await tx.get('threads', threadId))!;
    if (current.status === 'closed') throw new AppError('CLOSED', '该留言已关闭');
    if (role === 'voter') {
      mayFollowUp(current);
      await spendAllowance(tx, ctx, 'send', ctx.ports.config.dailyMessageLimit);
      await tx.update('threads', threadId, { pendingFollowUps: (current.pendingFollowUps ?? 0) + 1 });
    }
    // A follow-up of a thread whose opening still waits for review waits with it (the deputy sees neither).
    const heldReason = verdict === 'held' ? 'review' : current.held ? 'thread' : null;
    const status = heldReason ? ('held' as const) : ('visible' as const);
    const m = newMessage(ctx, current, role, text, status, heldReason);
    await tx.insert('messages', m);
    if (status === 'visible') await deliverMessage(tx, ctx, current, m);
    await audit(tx, ctx, { entityType: 'message', entityId: m.id, detail: { threadId, status } });
    return { messageId: m.id, status };
  });
}

function mayFollowUp(thread: Thread) {
  if ((thread.pendingFollowUps ?? 0) >= MAX_PENDING_FOLLOW_UPS)
    throw new AppError('RATE_LIMITED', `已连续追问 ${MAX_PENDING_FOLLOW_UPS} 次，请等代表答复后再追问`);
}

/** Whether `m` opened its thread (threads stored before the opening was kept: their earliest message). */
export async function isOpening(ctx: Ctx, thread: Thread, m: Message): Promise<boolean> {
  if (thread.openingMessageId) return thread.openingMessageId === m.id;
  const [first] = await contactQueries(ctx.ports).messagesOfThread(thread.id, { limit: 1 });
  return first?.id === m.id;
}
