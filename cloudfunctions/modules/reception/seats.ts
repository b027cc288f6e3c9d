/**
 * Seats and codes: a seat or a waitlist place taken on the slot's counters, given back when the booking that
 * holds it is not written, the waitlist moving into free seats, and booking codes unique within a day.
 *
 * The slot's counters change only by single-document conditional updates outside any unit of work (see
 * Slot in records.ts): on CloudBase a transaction over the slot document would make every voter of a burst
 * collide on it (MongoDB aborts a transaction writing a document someone else wrote since it began). The
 * booking itself is written afterwards in a unit of work of its own. If that unit fails, the place goes
 * back; if the function dies in between, the repair step (jobs.ts) recounts the slot.
 */
import type { Ctx } from '../../core/context';
import { notify } from '../../core/effects';
import { AppError } from '../../core/errors';
import type { Tx } from '../../core/ports';
import { chinaDate, dateLabel, span } from '../../core/time';
import { WAITLIST_MAX } from './constants';
import type { Booking, Slot } from './records';
import { receptionQueries } from './storage';

export type Place = 'confirmed' | 'waitlisted';

/** Misses (someone took the last seat or place meanwhile, or the capacity changed) before answering CONFLICT. */
const TRIES = 8;

/**
 * A seat if one is free, else a waitlist place; FULL when both are taken. `slot` is the slot as last read:
 * each miss reads it again.
 */
export async function takePlace(ctx: Ctx, slot: Slot): Promise<Place> {
  const q = receptionQueries(ctx.ports);
  const at = ctx.now.toISOString();
  let s = slot;
  for (let i = 0; i < TRIES; i++) {
    if (s.booked < s.capacity) {
      if (await q.takeSeat(s.id, s.capacity, at)) return 'confirmed';
    } else if (s.waitlisted >= WAITLIST_MAX) {
      throw new AppError('FULL', '该时段已约满，候补也已满，请选择其他时段');
    } else if (await q.takeWaitlistPlace(s.id, WAITLIST_MAX, at)) {
      return 'waitlisted';
    }
    const again = await ctx.ports.store.get('slots', s.id);
    if (!again) throw new AppError('NOT_FOUND', '时段不存在');
    s = again;
  }
  throw new AppError('CONFLICT', '预约的人太多，请稍后再试');
}

/** Gives a place back; a seat given back goes to the waitlist. */
export async function givePlaceBack(ctx: Ctx, slotId: string, place: Place): Promise<void> {
  const q = receptionQueries(ctx.ports);
  const at = ctx.now.toISOString();
  if (place === 'waitlisted') {
    await q.giveWaitlistPlaceBack(slotId, at);
    return;
  }
  await q.giveSeatBack(slotId, at);
  await fillFromWaitlist(ctx, slotId);
}

/**
 * Moves waitlisted bookings into free seats, earliest first, telling each voter: for each, a seat is taken,
 * then one unit of work confirms the booking if it is still waitlisted (so each is promoted exactly once,
 * however many cancellations run this at the same time), then the waitlist place is given back — or the
 * seat, when the booking had moved on. Called wherever a seat comes free or a waitlisted booking is written.
 */
export async function fillFromWaitlist(ctx: Ctx, slotId: string): Promise<number> {
  const { store } = ctx.ports;
  const q = receptionQueries(ctx.ports);
  const at = ctx.now.toISOString();
  let promoted = 0;
  for (let round = 0; round < 2 * WAITLIST_MAX + TRIES; round++) {
    const s = await store.get('slots', slotId);
    if (!s || s.booked >= s.capacity || s.waitlisted <= 0) return promoted;
    const [next] = await q.waitlistOfSlot(slotId, { limit: 1 });
    // Places taken but not yet written: the booking that holds one checks for a free seat once written.
    if (!next) return promoted;
    if (!(await q.takeSeat(slotId, s.capacity, at))) continue;
    let moved: Booking | null;
    try {
      moved = await store.transact(async (tx) => promoteOne(ctx, tx, next.id, s));
    } catch (e) {
      await q.giveSeatBack(slotId, at);
      throw e;
    }
    if (moved) {
      await q.giveWaitlistPlaceBack(slotId, at);
      promoted++;
    } else {
      await q.giveSeatBack(slotId, at);
    }
  }
  return promoted;
}

/** Confirms a waitlisted booking (nothing if it is no longer waitlisted) and tells the voter which slot. */
async function promoteOne(ctx: Ctx, tx: Tx, bookingId: string, slot: Slot): Promise<Booking | null> {
  const b = await tx.get('bookings', bookingId);
  if (!b || b.status !== 'waitlisted') return null;
  await tx.update('bookings', b.id, { status: 'confirmed' });
  await notify(tx, ctx, {
    userId: b.voterUserId,
    kind: 'reception.promoted',
    title: '候补成功：您已获得接待日座位',
    body: `${dateLabel(chinaDate(slot.startsAt), ctx.now)} ${span(slot.startsAt, slot.endsAt)}，预约码 ${b.code}`,
    link: '/pages/bookings/index',
  });
  return { ...b, status: 'confirmed' };
}

/** A fresh booking code, unique within the day: claimed by a document whose id is the code. */
export async function claimCode(ctx: Ctx, tx: Tx, dayId: string, bookingId: string): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = ctx.ports.ids.code(8);
    if (await tx.get('claims', `code:${dayId}:${code}`)) continue;
    await tx.insert('claims', { id: `code:${dayId}:${code}`, refId: bookingId, at: ctx.now.toISOString() });
    return code;
  }
  throw new AppError('CONFLICT', '预约码生成失败，请重试');
}
