/**
 * The timer's work (the `jobs` function; every minute locally): deliver the outbox, remind tomorrow's
 * reception days, mark no-shows of finished days. Each step is safe to run again: outbox items are marked
 * one by one, reminders have ids of their own, and a day is flagged once done.
 */
import type { Ports } from '../ports';
import type { ReceptionDay } from '../records';
import { notify } from '../effects';
import type { Ctx } from '../context';
import { addDays, chinaDate } from '../domain/chinaTime';
import { markNoShows } from './reception';

const MAX_ATTEMPTS = 5;
const BATCH = 100;

export async function deliverOutbox(
  ports: Ports,
): Promise<{ sent: number; skipped: number; failed: number }> {
  const { store, notifier } = ports;
  const counts = { sent: 0, skipped: 0, failed: 0 };
  for (const item of await store.pendingOutbox(BATCH)) {
    const user = await store.get('users', item.userId);
    let outcome: 'sent' | 'skipped' | 'retry' | 'failed';
    try {
      outcome = user
        ? await notifier.deliver({
            openid: user.openid,
            kind: item.kind,
            title: item.title,
            body: item.body,
            link: item.link,
          })
        : 'skipped';
    } catch (e) {
      console.error('[jobs] delivery failed', item.id, e instanceof Error ? e.message : e);
      outcome = item.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'retry';
    }
    await store.transact((tx) =>
      tx.update('outbox', item.id, {
        attempts: item.attempts + 1,
        ...(outcome === 'retry' ? {} : { status: outcome }),
        ...(outcome === 'sent' ? { sentAt: ports.clock.now().toISOString() } : {}),
      }),
    );
    if (outcome === 'sent') counts.sent++;
    else if (outcome === 'skipped') counts.skipped++;
    else counts.failed++;
  }
  return counts;
}

/** The context jobs write effects under: no caller, the timer's own clock. */
const jobCtx = (ports: Ports): Ctx => ({
  ports,
  caller: null,
  action: 'jobs',
  now: ports.clock.now(),
  geo: { regions: [], stations: [], region: () => undefined, station: () => undefined },
});

/** The day before a published reception day: remind booked voters and confirmed deputies. */
export async function remindReceptions(ports: Ports): Promise<number> {
  const ctx = jobCtx(ports);
  const { store } = ports;
  const tomorrow = addDays(chinaDate(ctx.now), 1);
  const days = await store.receptionDays(
    { status: 'published', fromDate: tomorrow, toDate: tomorrow },
    { limit: 100 },
  );
  let sent = 0;
  for (const day of days.filter((d) => !d.remindersSentAt)) {
    const station = await store.get('stations', day.stationId);
    const where = `${day.date} ${station?.name ?? ''}`;
    let after: { key: string; id: string } | undefined;
    for (;;) {
      const rows = await store.bookingsOfDay(day.id, { status: 'confirmed' }, { after, limit: 100 });
      sent += await remindOnce(
        ctx,
        day,
        rows.map((b) => ({
          key: b.id,
          userId: b.voterUserId,
          body: `${where}，预约码 ${b.code}`,
          link: '/pages/bookings/index',
        })),
      );
      if (rows.length < 100) break;
      after = { key: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };
    }
    const confirmed = (await store.assignmentsOfDay(day.id)).filter((a) => a.status === 'confirmed');
    const deputies = await Promise.all(confirmed.map((a) => store.get('deputies', a.deputyId)));
    sent += await remindOnce(
      ctx,
      day,
      confirmed.map((a, i) => ({
        key: a.id,
        userId: deputies[i]?.userId ?? null,
        body: `${where}：${day.theme}`,
        link: `/deputy/reception/index?dayId=${day.id}`,
      })),
    );
    await store.transact((tx) =>
      tx.update('receptionDays', day.id, { remindersSentAt: ctx.now.toISOString() }),
    );
  }
  return sent;
}

/** One reminder per person and day: its id is derived, so a rerun after a crash sends nothing twice. */
async function remindOnce(
  ctx: Ctx,
  day: ReceptionDay,
  people: { key: string; userId: string | null; body: string; link: string }[],
): Promise<number> {
  let sent = 0;
  await ctx.ports.store.transact(async (tx) => {
    for (const p of people) {
      const marker = `remind:${day.id}:${p.key}`;
      if (!p.userId || (await tx.get('claims', marker))) continue;
      await tx.insert('claims', { id: marker, refId: day.id, at: ctx.now.toISOString() });
      await notify(tx, ctx, {
        userId: p.userId,
        kind: 'reception.reminder',
        title: '明天是代表接待日',
        body: p.body,
        link: p.link,
      });
      sent++;
    }
  });
  return sent;
}

/** Days that ended: confirmed bookings nobody checked in become no-shows. */
export async function closeFinishedDays(ports: Ports): Promise<number> {
  const ctx = jobCtx(ports);
  const yesterday = addDays(chinaDate(ctx.now), -1);
  const days = await ports.store.receptionDays(
    { status: 'published', toDate: yesterday, fromDate: addDays(yesterday, -30) },
    { limit: 100 },
  );
  let marked = 0;
  for (const day of days.filter((d) => !d.noShowsMarkedAt)) marked += await markNoShows(ctx, day);
  return marked;
}

/** Everything the timer does, in order. */
export async function runJobs(ports: Ports) {
  return {
    reminders: await remindReceptions(ports),
    noShows: await closeFinishedDays(ports),
    outbox: await deliverOutbox(ports),
  };
}
