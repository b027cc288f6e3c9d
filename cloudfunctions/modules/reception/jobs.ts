/**
 * The reception module's timer steps: remind tomorrow's reception days, mark no-shows of finished days,
 * and repair slot counters left wrong by a request that died between taking a seat and writing its booking.
 * Each is safe to run again: reminders have ids of their own, a day is flagged once done, and a slot is
 * repaired only while nothing is under way on it.
 */
import type { Ctx } from '../../core/context';
import { notify } from '../../core/effects';
import { timerCtx } from '../../core/jobs';
import type { JobStep } from '../../core/module';
import type { Ports } from '../../core/ports';
import { addDays, chinaDate, dateLabel, daySpan, span } from '../../core/time';
import { fillFromWaitlist } from './seats';
import type { ReceptionDay } from './records';
import { receptionQueries } from './storage';

/** The day before a published reception day: remind booked voters and confirmed deputies. */
export async function remindReceptions(ports: Ports): Promise<number> {
  const ctx = timerCtx(ports, 'remindReceptions');
  const { store } = ports;
  const tomorrow = addDays(chinaDate(ctx.now), 1);
  const days = await receptionQueries(ports).receptionDays(
    { status: 'published', fromDate: tomorrow, toDate: tomorrow },
    { limit: 100 },
  );
  let sent = 0;
  for (const day of days.filter((d) => !d.remindersSentAt)) {
    const station = await store.get('stations', day.stationId);
    const place = station?.name ?? '';
    // A voter is told their slot's hours; a deputy the day's.
    const slots = new Map((await receptionQueries(ports).slotsOfDay(day.id)).map((s) => [s.id, s]));
    const slotHours = (slotId: string | null) => {
      const s = slots.get(slotId ?? '');
      return s ? ` ${span(s.startsAt, s.endsAt)}` : '';
    };
    let after: { key: string; id: string } | undefined;
    for (;;) {
      const rows = await receptionQueries(ports).bookingsOfDay(
        day.id,
        { status: 'confirmed' },
        { after, limit: 100 },
      );
      sent += await remindOnce(
        ctx,
        day,
        rows.map((b) => ({
          key: b.id,
          userId: b.voterUserId,
          body: `${dateLabel(day.date, ctx.now)}${slotHours(b.slotId)} ${place}，预约码 ${b.code}`,
          link: '/pages/bookings/index',
        })),
      );
      if (rows.length < 100) break;
      after = { key: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };
    }
    const confirmed = (await receptionQueries(ports).assignmentsOfDay(day.id)).filter(
      (a) => a.status === 'confirmed',
    );
    const deputies = await Promise.all(confirmed.map((a) => store.get('deputies', a.deputyId)));
    sent += await remindOnce(
      ctx,
      day,
      confirmed.map((a, i) => ({
        key: a.id,
        userId: deputies[i]?.userId ?? null,
        body: `${daySpan(day.date, day.startsAt, day.endsAt, ctx.now)} ${place}：${day.theme}`,
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
  const ctx = timerCtx(ports, 'closeFinishedDays');
  const yesterday = addDays(chinaDate(ctx.now), -1);
  const days = await receptionQueries(ports).receptionDays(
    { status: 'published', toDate: yesterday, fromDate: addDays(yesterday, -30) },
    { limit: 100 },
  );
  let marked = 0;
  for (const day of days.filter((d) => !d.noShowsMarkedAt)) marked += await markNoShows(ctx, day);
  return marked;
}

/** Confirmed bookings of a finished day become no-shows (also run by the jobs timer the day after). */
export async function markNoShows(ctx: Pick<Ctx, 'ports' | 'now'>, day: ReceptionDay): Promise<number> {
  const { ports } = ctx;
  const { store } = ports;
  let marked = 0;
  for (;;) {
    const rows = await receptionQueries(ports).bookingsOfDay(day.id, { status: 'confirmed' }, { limit: 100 });
    if (rows.length === 0) break;
    await store.transact(async (tx) => {
      for (const b of rows) await tx.update('bookings', b.id, { status: 'noShow' });
    });
    marked += rows.length;
  }
  await store.transact((tx) =>
    tx.update('receptionDays', day.id, { noShowsMarkedAt: ctx.now.toISOString() }),
  );
  return marked;
}

/**
 * How long a slot stays untouched before the repair step recounts it: longer than any request lives (a
 * cloud function is stopped after its timeout, 3 s by default and 60 s at most), so no operation that took
 * a seat or place before the last touch can still write its booking or give the place back.
 */
export const SETTLE_MS = 10 * 60_000;

/**
 * Slots whose counters may disagree with their bookings: touched, and left alone for SETTLE_MS. Each is
 * recounted and settled — its counters set from the bookings — only if nobody touched it meanwhile (a
 * conditional update on touchedAt); a seat found free goes to the waitlist. Answers how many it corrected.
 */
export async function repairSlots(ports: Ports): Promise<number> {
  const ctx = timerCtx(ports, 'repairSlots');
  const q = receptionQueries(ports);
  const before = new Date(ctx.now.getTime() - SETTLE_MS).toISOString();
  let repaired = 0;
  for (const slot of await q.unsettledSlots(before, 100)) {
    const counts = await q.slotCounts(slot.id);
    const wrong = counts.seated !== slot.booked || counts.waiting !== slot.waitlisted;
    if (counts.seated > slot.capacity) {
      console.error('[jobs] slot has more seated bookings than seats', slot.id, counts, slot.capacity);
      continue;
    }
    if (!(await q.settleSlot(slot.id, slot.touchedAt!, counts))) continue; // touched meanwhile: next time
    if (!wrong) continue;
    repaired++;
    console.warn(
      '[jobs] slot counters repaired',
      slot.id,
      { booked: slot.booked, waitlisted: slot.waitlisted },
      counts,
    );
    if (counts.seated < slot.capacity && counts.waiting > 0) await fillFromWaitlist(ctx, slot.id);
  }
  return repaired;
}

export const JOBS: JobStep[] = [
  { name: 'receptionReminders', run: remindReceptions },
  { name: 'receptionNoShows', run: closeFinishedDays },
  { name: 'receptionSeats', run: repairSlots },
];
