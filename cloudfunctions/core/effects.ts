/**
 * What an action leaves behind besides its own records — duty record, notifications, audit log,
 * idempotency records and allowances — always written inside the action's unit of work, so none is lost
 * or doubled. (Their collections belong to the shared module.)
 */
import type { Ctx } from './context';
import { keepCount, unreadNoticesCounter } from './counters';
import { AppError } from './errors';
import type { Tx } from './ports';
import type { ActivityType, NotificationKind } from './records';
import { chinaDate } from './time';

/** Appends one entry to a deputy's duty record (履职档案), with the locality's points for its type. */
export async function appendActivity(
  tx: Tx,
  ctx: Ctx,
  a: { deputyId: string; type: ActivityType; refType: string; refId: string; summary: string },
): Promise<void> {
  await tx.insert('activities', {
    id: ctx.ports.ids.next(),
    ...a,
    points: ctx.ports.config.points[a.type] ?? 0,
    at: ctx.now.toISOString(),
  });
}

/** Queues a notification for one user (shown in the app; the jobs timer delivers it outside). */
export async function notify(
  tx: Tx,
  ctx: Ctx,
  n: { userId: string | null | undefined; kind: NotificationKind; title: string; body: string; link: string },
): Promise<void> {
  if (!n.userId) return;
  await tx.insert('outbox', {
    id: ctx.ports.ids.next(),
    userId: n.userId,
    kind: n.kind,
    title: n.title,
    body: n.body.slice(0, 100),
    link: n.link,
    createdAt: ctx.now.toISOString(),
    status: 'pending',
    attempts: 0,
    sentAt: null,
    readAt: null,
  });
  await keepCount(tx, unreadNoticesCounter(n.userId), 1);
}

export async function audit(
  tx: Tx,
  ctx: Ctx,
  e: { entityType: string; entityId: string; detail?: Record<string, unknown>; action?: string },
): Promise<void> {
  await tx.insert('audit', {
    id: ctx.ports.ids.next(),
    actorUserId: ctx.caller?.user.id ?? null,
    action: e.action ?? ctx.action,
    entityType: e.entityType,
    entityId: e.entityId,
    detail: e.detail ?? {},
    at: ctx.now.toISOString(),
  });
}

const idemKey = (ctx: Ctx) =>
  ctx.requestId && ctx.caller ? `${ctx.caller.user.id}:${ctx.action}:${ctx.requestId}` : null;

/** The first result of this request, when it is a retry. Cheap to ask before any outside call. */
export async function priorResult<T>(ctx: Ctx): Promise<T | null> {
  const key = idemKey(ctx);
  if (!key) return null;
  const rec = await ctx.ports.store.get('idempotency', key);
  return rec ? (rec.result as T) : null;
}

/**
 * Runs a create as one unit of work that also keeps its result under the request id:
 * a retry (even a concurrent one) returns the first result and writes nothing.
 */
export async function once<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  const key = idemKey(ctx);
  const { store } = ctx.ports;
  try {
    return await store.transact(async (tx) => {
      if (key) {
        const prior = await tx.get('idempotency', key);
        if (prior) return prior.result as T;
      }
      const result = await work(tx);
      if (key) await tx.insert('idempotency', { id: key, result, at: ctx.now.toISOString() });
      return result;
    });
  } catch (e) {
    // A concurrent twin committed first: answer with its result.
    if (key && e instanceof AppError && e.code === 'CONFLICT') {
      const rec = await store.get('idempotency', key);
      if (rec) return rec.result as T;
    }
    throw e;
  }
}

/** Counts one use of a daily allowance (per China day); refuses past the limit (inside the unit of work). */
export async function spendAllowance(tx: Tx, ctx: Ctx, name: string, limit: number): Promise<void> {
  const id = `${name}:${ctx.caller?.user.id}:${chinaDate(ctx.now)}`;
  const c = await tx.get('counters', id);
  if (c && c.count >= limit) throw new AppError('RATE_LIMITED', `今天已达到上限（${limit} 次），请明天再试`);
  const expiresAt = new Date(ctx.now.getTime() + 2 * 86400_000).toISOString();
  if (c) await tx.update('counters', id, { count: c.count + 1 });
  else await tx.insert('counters', { id, count: 1, expiresAt });
}
