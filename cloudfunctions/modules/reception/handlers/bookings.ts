/** reception: voters' bookings — a seat or a place on the waitlist, cancelling, their own list. */
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { audit, once, priorResult } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import { maskName } from '../../../core/privacy';
import { registeredName } from '../../account/public';
import { deputyNames } from '../../shared/public';
import type { ReceptionHandlers } from '../contract';
import type { Booking } from '../records';
import { claimCode, fillFromWaitlist, givePlaceBack, takePlace, type Place } from '../seats';
import { receptionQueries } from '../storage';
import { bookingView, loadDay } from '../views';

interface BookResult {
  bookingId: string;
  code: string;
  status: Place;
  dayId: string;
  slotId: string;
  waitlistPosition: number | null;
}

/** The answer as the booking stands now: a waitlisted one with its place (or confirmed, once promoted). */
async function asItStands(ctx: Ctx, r: BookResult): Promise<BookResult> {
  if (r.status !== 'waitlisted') return { ...r, waitlistPosition: null };
  const b = await ctx.ports.store.get('bookings', r.bookingId);
  if (b?.status === 'confirmed') return { ...r, status: 'confirmed', waitlistPosition: null };
  if (b?.status !== 'waitlisted') return { ...r, waitlistPosition: null };
  return { ...r, waitlistPosition: await receptionQueries(ctx.ports).waitlistPosition(b) };
}

/**
 * What the deputies promised the voter at the visit, from the visit records of a booking that was checked
 * in (only those have any). Only the promise is the voter's to read: what the deputy wrote down of what was
 * raised, who recorded it and the report made of it stay with the deputy and the office.
 */
async function promisesOf(ctx: Ctx, b: Booking) {
  if (b.status !== 'checkedIn') return [];
  const visits = (await receptionQueries(ctx.ports).visitsOfBooking(b.id, { limit: 10 })).filter((v) =>
    v.promised.trim(),
  );
  if (visits.length === 0) return [];
  const names = await deputyNames(
    ctx,
    visits.map((v) => v.deputyId),
  );
  return visits.map((v) => ({
    deputyName: names.get(v.deputyId) ?? '',
    promised: v.promised,
    recordedAt: v.createdAt,
  }));
}

export const bookingHandlers: Pick<ReceptionHandlers, 'book' | 'cancel' | 'myBookings'> = {
  async book(ctx, input) {
    const caller = authorize(ctx);
    const { store } = ctx.ports;
    const slot = await store.get('slots', input.slotId);
    if (!slot) throw new AppError('NOT_FOUND', '时段不存在');
    const day = await loadDay(ctx, slot.dayId);
    if (day.status !== 'published') throw new AppError('CLOSED', '该接待日尚未开放预约');
    if (ctx.now.toISOString() >= day.bookingCutoff) throw new AppError('CLOSED', '预约已截止');
    const prior = await priorResult<BookResult>(ctx);
    if (prior) return asItStands(ctx, prior);
    const verdict = await ctx.ports.content.text({ text: input.topic, openid: caller.user.openid, scene: 1 });
    if (verdict !== 'pass') throw new AppError('CONTENT_REJECTED', '反映主题未通过内容检查，请修改后再提交');
    const registered = await registeredName(ctx, caller.user);
    const claimId = `booking:${day.id}:${caller.user.id}`;
    const taken = () => new AppError('CONFLICT', '您已预约该接待日，如需改约请先取消');
    // Asked before taking a seat, so a second booking of the day takes none (the unit of work asks again).
    if (await store.get('claims', claimId)) throw taken();

    // The seat (or waitlist place) first, by one conditional update of the slot; then the booking in a
    // unit of work whose booking id is fixed here, so that a retry of it can tell whether it landed.
    const bookingId = ctx.ports.ids.next();
    const place = await takePlace(ctx, slot);
    let result: BookResult;
    try {
      result = await once(ctx, async (tx) => {
        if (await tx.get('claims', claimId)) throw taken();
        const code = await claimCode(ctx, tx, day.id, bookingId);
        await tx.insert('claims', { id: claimId, refId: bookingId, at: ctx.now.toISOString() });
        await tx.insert('bookings', {
          id: bookingId,
          dayId: day.id,
          slotId: slot.id,
          voterUserId: caller.user.id,
          visitorName: maskName(registered ?? caller.user.displayName),
          topic: input.topic,
          code,
          status: place,
          walkIn: false,
          createdAt: ctx.now.toISOString(),
          checkedInAt: null,
          cancelledAt: null,
        });
        await audit(tx, ctx, { entityType: 'booking', entityId: bookingId, detail: { status: place } });
        return { bookingId, code, status: place, dayId: day.id, slotId: slot.id, waitlistPosition: null };
      });
    } catch (e) {
      // Nothing was booked (unless the unit landed and only its answer was lost): the place goes back.
      if (!(await store.get('bookings', bookingId))) await givePlaceBack(ctx, slot.id, place);
      throw e;
    }
    // A twin of this request (same requestId) booked first: its booking holds a place of its own.
    if (result.bookingId !== bookingId) await givePlaceBack(ctx, slot.id, place);
    // A seat may have come free between taking the place and writing the booking.
    else if (place === 'waitlisted') await fillFromWaitlist(ctx, slot.id);
    return asItStands(ctx, result);
  },

  async cancel(ctx, input) {
    const booking = await ctx.ports.store.get('bookings', input.bookingId);
    if (!booking) throw new AppError('NOT_FOUND', '预约不存在');
    authorize(ctx, { ownerUserId: booking.voterUserId });
    const day = await loadDay(ctx, booking.dayId);
    if (ctx.now.toISOString() >= day.bookingCutoff)
      throw new AppError('CLOSED', '已过取消截止时间，请联系联络站');
    const gone = () => new AppError('CONFLICT', '该预约已取消或已签到');
    if (booking.status !== 'confirmed' && booking.status !== 'waitlisted') throw gone();
    const slotId = booking.slotId!;
    const q = receptionQueries(ctx.ports);
    // The slot's counters change after the unit of work: mark the slot first, so the repair step leaves it
    // alone while this is under way.
    await q.touchSlot(slotId, ctx.now.toISOString());
    const result = await ctx.ports.store.transact(async (tx) => {
      const b = (await tx.get('bookings', booking.id))!;
      if (b.status !== 'confirmed' && b.status !== 'waitlisted') throw gone();
      await tx.update('bookings', b.id, { status: 'cancelled', cancelledAt: ctx.now.toISOString() });
      await tx.remove('claims', `booking:${b.dayId}:${b.voterUserId}`);
      await audit(tx, ctx, { entityType: 'booking', entityId: b.id, detail: { status: 'cancelled' } });
      return b;
    });
    // A freed seat goes to the earliest waitlisted voter at once.
    await givePlaceBack(ctx, slotId, result.status as Place);
    return bookingView(
      { ...result, status: 'cancelled', cancelledAt: ctx.now.toISOString() },
      await ctx.ports.store.get('slots', slotId),
    );
  },

  async myBookings(ctx, input) {
    const caller = authorize(ctx);
    const { store } = ctx.ports;
    const p = await page(
      (o) => receptionQueries(ctx.ports).bookingsOfVoter(caller.user.id, o),
      input.cursor,
      (b) => b.createdAt,
    );
    const items = await Promise.all(
      p.rows.map(async (b) => {
        const [day, slot] = await Promise.all([
          store.get('receptionDays', b.dayId),
          b.slotId ? store.get('slots', b.slotId) : null,
        ]);
        const station = ctx.geo.station(day?.stationId);
        return {
          ...bookingView(b, slot),
          day: {
            date: day?.date ?? '',
            theme: day?.theme ?? '',
            stationName: station?.name ?? '',
            stationAddress: station?.address ?? '',
            bookingCutoff: day?.bookingCutoff ?? '',
          },
          qr: await ctx.ports.codes.qr(b.code),
          waitlistPosition:
            b.status === 'waitlisted' ? await receptionQueries(ctx.ports).waitlistPosition(b) : null,
          canCancel:
            (b.status === 'confirmed' || b.status === 'waitlisted') &&
            !!day &&
            ctx.now.toISOString() < day.bookingCutoff,
          promises: await promisesOf(ctx, b),
        };
      }),
    );
    return { items, nextCursor: p.nextCursor };
  },
};
