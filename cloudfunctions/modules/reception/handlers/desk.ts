/** reception: on the day at the desk — check-in, walk-ins, attendance, visit records — and no-shows after it. */
import { page } from '../../../core/cursor';
import { appendActivity, audit, once, priorResult } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import type { Ctx } from '../../../core/context';
import type { Tx } from '../../../core/ports';
import { maskName } from '../../../core/privacy';
import { dateLabel } from '../../../core/time';
import { deputyNames } from '../../shared/public';
import type { ReceptionHandlers } from '../contract';
import { markNoShows } from '../jobs';
import type { Booking, DayAssignment, ReceptionDay } from '../records';
import { claimCode } from '../seats';
import { receptionQueries } from '../storage';
import {
  assignedDeputy,
  bookingView,
  daySubject,
  dayView,
  loadDay,
  mustBeOnTheDay,
  today,
  visitView,
} from '../views';

export const deskHandlers: Pick<
  ReceptionHandlers,
  'checkIn' | 'walkIn' | 'dayBookings' | 'markNoShows' | 'attend' | 'recordVisit' | 'visits'
> = {
  async checkIn(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    authorize(ctx, daySubject(day));
    mustBeOnTheDay(ctx, day);
    const claim = await ctx.ports.store.get('claims', `code:${day.id}:${input.code}`);
    if (!claim) throw new AppError('NOT_FOUND', '没有这个预约码，请核对');
    const done = await ctx.ports.store.transact(async (tx) => {
      const b = (await tx.get('bookings', claim.refId))!;
      if (b.status === 'checkedIn') throw new AppError('CONFLICT', '该预约码已签到');
      if (b.status === 'waitlisted') throw new AppError('CONFLICT', '该预约仍在候补，未获得座位');
      if (b.status !== 'confirmed') throw new AppError('CONFLICT', '该预约已取消');
      const patch = { status: 'checkedIn' as const, checkedInAt: ctx.now.toISOString() };
      await tx.update('bookings', b.id, patch);
      await audit(tx, ctx, { entityType: 'booking', entityId: b.id, detail: { status: 'checkedIn' } });
      return { ...b, ...patch };
    });
    return bookingView(done, done.slotId ? await ctx.ports.store.get('slots', done.slotId) : null);
  },

  async walkIn(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    authorize(ctx, daySubject(day));
    mustBeOnTheDay(ctx, day);
    const b = await once(ctx, async (tx) => {
      const id = ctx.ports.ids.next();
      const booking: Booking = {
        id,
        dayId: day.id,
        slotId: null,
        voterUserId: null,
        visitorName: maskName(input.visitorName),
        topic: input.topic,
        code: await claimCode(ctx, tx, day.id, id),
        status: 'checkedIn',
        walkIn: true,
        createdAt: ctx.now.toISOString(),
        checkedInAt: ctx.now.toISOString(),
        cancelledAt: null,
      };
      await tx.insert('bookings', booking);
      await audit(tx, ctx, { entityType: 'booking', entityId: id, detail: { walkIn: true } });
      return booking;
    });
    return bookingView(b, null);
  },

  async dayBookings(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    authorize(ctx, daySubject(day, { deputyId: await assignedDeputy(ctx, day) }));
    const q = receptionQueries(ctx.ports);
    const slots = new Map((await q.slotsOfDay(day.id)).map((s) => [s.id, s]));
    const p = await page(
      (o) => q.bookingsOfDay(day.id, { status: input.status }, o),
      input.cursor,
      (b) => b.createdAt,
    );
    return {
      items: p.rows.map((b) => bookingView(b, slots.get(b.slotId ?? '') ?? null)),
      nextCursor: p.nextCursor,
    };
  },

  async markNoShows(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    authorize(ctx, daySubject(day));
    if (today(ctx) <= day.date) throw new AppError('CONFLICT', '接待日结束后才能标记未到');
    return { marked: await markNoShows(ctx, day) };
  },

  async attend(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    authorize(ctx, daySubject(day));
    mustBeOnTheDay(ctx, day);
    await ctx.ports.store.transact(async (tx) => {
      const a = await tx.get('assignments', `${day.id}:${input.deputyId}`);
      if (!a || a.status !== 'confirmed') throw new AppError('CONFLICT', '该代表未确认参加此接待日');
      if (a.attendedAt) throw new AppError('CONFLICT', '已登记到场');
      await markPresent(tx, ctx, day, a);
    });
    return dayView(ctx, day, true);
  },

  async recordVisit(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    const deputyId = input.deputyId ?? ctx.caller?.deputy?.id ?? null;
    authorize(ctx, daySubject(day, { deputyId }));
    if (!deputyId) throw new AppError('INVALID_INPUT', '请选择接待的代表', { deputyId: '必填' });
    if (today(ctx) < day.date) {
      throw new AppError('CONFLICT', `接待日（${dateLabel(day.date, ctx.now)}）当天起才能记录接待`);
    }
    const { store } = ctx.ports;
    const assignment = await store.get('assignments', `${day.id}:${deputyId}`);
    if (!assignment || assignment.status !== 'confirmed') {
      throw new AppError('CONFLICT', '该代表未确认参加此接待日');
    }
    const booking = input.bookingId ? await store.get('bookings', input.bookingId) : null;
    if (input.bookingId && (!booking || booking.dayId !== day.id))
      throw new AppError('NOT_FOUND', '预约不存在');
    if (booking && booking.status !== 'checkedIn') throw new AppError('CONFLICT', '该预约尚未签到');
    const prior = await priorResult<{ visitId: string }>(ctx);
    const verdict = prior
      ? 'pass'
      : await ctx.ports.content.text({
          text: `${input.raised}\n${input.promised}`,
          openid: ctx.caller!.user.openid,
          scene: 2,
        });
    if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', '内容未通过安全检查，请修改后再保存');
    const names = await deputyNames(ctx, [deputyId]);
    const saved = await once(ctx, async (tx) => {
      const visit = {
        id: ctx.ports.ids.next(),
        dayId: day.id,
        bookingId: booking?.id ?? null,
        deputyId,
        visitorName: booking?.visitorName ?? (input.visitorName ? maskName(input.visitorName) : '群众'),
        raised: input.raised,
        promised: input.promised,
        recordedBy: ctx.caller!.user.id,
        createdAt: ctx.now.toISOString(),
      };
      await tx.insert('visits', visit);
      // Whoever received a visitor was there: the visit marks the deputy present (到场) if nobody had.
      const a = await tx.get('assignments', assignment.id);
      if (a && !a.attendedAt) await markPresent(tx, ctx, day, a);
      await appendActivity(tx, ctx, {
        deputyId,
        type: 'reception.visit',
        refType: 'visit',
        refId: visit.id,
        summary: `接待群众${visit.visitorName}：${input.raised.slice(0, 40)}`,
      });
      await audit(tx, ctx, { entityType: 'visit', entityId: visit.id });
      return { visitId: visit.id };
    });
    const v = (await store.get('visits', saved.visitId))!;
    return visitView(v, names.get(deputyId) ?? '');
  },

  async visits(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    authorize(ctx, daySubject(day, { deputyId: await assignedDeputy(ctx, day) }));
    const p = await page(
      (o) => receptionQueries(ctx.ports).visitsOfDay(day.id, o),
      input.cursor,
      (v) => v.createdAt,
    );
    const names = await deputyNames(
      ctx,
      p.rows.map((v) => v.deputyId),
    );
    return {
      items: p.rows.map((v) => visitView(v, names.get(v.deputyId) ?? '')),
      nextCursor: p.nextCursor,
    };
  },
};

/** A confirmed deputy marked present (到场): on the assignment and in the deputy's duty record. */
async function markPresent(tx: Tx, ctx: Ctx, day: ReceptionDay, a: DayAssignment): Promise<void> {
  await tx.update('assignments', a.id, { attendedAt: ctx.now.toISOString() });
  await appendActivity(tx, ctx, {
    deputyId: a.deputyId,
    type: 'reception.attend',
    refType: 'receptionDay',
    refId: day.id,
    summary: `参加代表接待日：${ctx.geo.station(day.stationId)?.name ?? ''}（${day.theme}）`,
  });
  await audit(tx, ctx, { entityType: 'assignment', entityId: a.id, detail: { attended: true } });
}
