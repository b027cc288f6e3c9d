/** reception: voters' bookings — a seat or a place on the waitlist, cancelling, their own list. */
import { page } from '../../../core/cursor';
import { audit, once, priorResult } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import { maskName } from '../../../core/privacy';
import { registeredName } from '../../account/public';
import { WAITLIST_MAX } from '../constants';
import type { ReceptionHandlers } from '../contract';
import { claimCode, promote } from '../seats';
import { receptionQueries } from '../storage';
import { bookingView, loadDay } from '../views';

export const bookingHandlers: Pick<ReceptionHandlers, 'book' | 'cancel' | 'myBookings'> = {
  async book(ctx, input) {
    const caller = authorize(ctx);
    const { store } = ctx.ports;
    const slot = await store.get('slots', input.slotId);
    if (!slot) throw new AppError('NOT_FOUND', '时段不存在');
    const day = await loadDay(ctx, slot.dayId);
    if (day.status !== 'published') throw new AppError('CLOSED', '该接待日尚未开放预约');
    if (ctx.now.toISOString() >= day.bookingCutoff) throw new AppError('CLOSED', '预约已截止');
    const prior = await priorResult<{
      bookingId: string;
      code: string;
      status: 'confirmed' | 'waitlisted';
      dayId: string;
      slotId: string;
      waitlistPosition: number | null;
    }>(ctx);
    if (prior) return prior;
    const verdict = await ctx.ports.content.text({ text: input.topic, openid: caller.user.openid, scene: 1 });
    if (verdict !== 'pass') throw new AppError('CONTENT_REJECTED', '反映主题未通过内容检查，请修改后再提交');
    const registered = await registeredName(ctx, caller.user);
    return once(ctx, async (tx) => {
      const claimId = `booking:${day.id}:${caller.user.id}`;
      if (await tx.get('claims', claimId))
        throw new AppError('CONFLICT', '您已预约该接待日，如需改约请先取消');
      const current = (await tx.get('slots', slot.id))!;
      const bookingId = ctx.ports.ids.next();
      let status: 'confirmed' | 'waitlisted';
      let waitlistPosition: number | null = null;
      if (current.booked < current.capacity) {
        status = 'confirmed';
        await tx.update('slots', slot.id, { booked: current.booked + 1 });
      } else if (current.waitlist.length < WAITLIST_MAX) {
        status = 'waitlisted';
        waitlistPosition = current.waitlist.length + 1;
        await tx.update('slots', slot.id, { waitlist: [...current.waitlist, bookingId] });
      } else {
        throw new AppError('FULL', '该时段已约满，候补也已满，请选择其他时段');
      }
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
        status,
        walkIn: false,
        createdAt: ctx.now.toISOString(),
        checkedInAt: null,
        cancelledAt: null,
      });
      await audit(tx, ctx, { entityType: 'booking', entityId: bookingId, detail: { status } });
      return { bookingId, code, status, dayId: day.id, slotId: slot.id, waitlistPosition };
    });
  },

  async cancel(ctx, input) {
    const booking = await ctx.ports.store.get('bookings', input.bookingId);
    if (!booking) throw new AppError('NOT_FOUND', '预约不存在');
    authorize(ctx, { ownerUserId: booking.voterUserId });
    const day = await loadDay(ctx, booking.dayId);
    if (ctx.now.toISOString() >= day.bookingCutoff)
      throw new AppError('CLOSED', '已过取消截止时间，请联系联络站');
    const result = await ctx.ports.store.transact(async (tx) => {
      const b = (await tx.get('bookings', booking.id))!;
      if (b.status !== 'confirmed' && b.status !== 'waitlisted')
        throw new AppError('CONFLICT', '该预约已取消或已签到');
      await tx.update('bookings', b.id, { status: 'cancelled', cancelledAt: ctx.now.toISOString() });
      await tx.remove('claims', `booking:${b.dayId}:${b.voterUserId}`);
      const slot = (await tx.get('slots', b.slotId!))!;
      // A freed seat goes to the earliest waitlisted voter at once.
      if (b.status === 'confirmed') await promote(ctx, tx, { ...slot, booked: slot.booked - 1 });
      else await tx.update('slots', slot.id, { waitlist: slot.waitlist.filter((id) => id !== b.id) });
      await audit(tx, ctx, { entityType: 'booking', entityId: b.id, detail: { status: 'cancelled' } });
      return { ...b, status: 'cancelled' as const, cancelledAt: ctx.now.toISOString() };
    });
    return bookingView(result, await ctx.ports.store.get('slots', booking.slotId!));
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
            b.status === 'waitlisted' && slot ? slot.waitlist.indexOf(b.id) + 1 || null : null,
          canCancel:
            (b.status === 'confirmed' || b.status === 'waitlisted') &&
            !!day &&
            ctx.now.toISOString() < day.bookingCutoff,
        };
      }),
    );
    return { items, nextCursor: p.nextCursor };
  },
};
