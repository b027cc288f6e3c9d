/** reception: planning reception days — slots, deputies' day assignments, publishing — and the lists of them. */
import { page } from '../../../core/cursor';
import { audit, notify, once } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, officeScope } from '../../../core/policy';
import { addDays, chinaInstant, daySpan, daysBetween, isRealDate } from '../../../core/time';
import { announceReceptionDay } from '../../groups/public';
import { PUBLISH_DAYS_AHEAD } from '../constants';
import type { ReceptionHandlers } from '../contract';
import { mustNotOverlapAtStation, mustNotOverlapForDeputy } from '../overlaps';
import type { ReceptionDay } from '../records';
import { fillFromWaitlist } from '../seats';
import { receptionQueries } from '../storage';
import { assignedDeputy, daySubject, dayView, loadDay, seesAll, slotView, today } from '../views';

const MAX_SLOTS = 48;

export const dayHandlers: Pick<
  ReceptionHandlers,
  'createDay' | 'day' | 'days' | 'assignDeputy' | 'respond' | 'publish' | 'updateSlot' | 'upcoming' | 'myDays'
> = {
  async createDay(ctx, input) {
    const station = ctx.geo.station(input.stationId);
    if (!station) throw new AppError('NOT_FOUND', '联络站不存在');
    authorize(ctx, { countyId: station.countyId, townshipId: station.townshipId, stationId: station.id });
    if (!isRealDate(input.date)) throw new AppError('INVALID_INPUT', '日期无效', { date: '日期无效' });
    if (input.date < today(ctx))
      throw new AppError('INVALID_INPUT', '不能安排过去的日期', { date: '日期已过' });
    const startsAt = chinaInstant(input.date, input.startTime);
    const endsAt = chinaInstant(input.date, input.endTime);
    const count = Math.floor((Date.parse(endsAt) - Date.parse(startsAt)) / (input.slotMinutes * 60_000));
    if (count < 1 || count > MAX_SLOTS) {
      throw new AppError('INVALID_INPUT', `时段数应在 1 到 ${MAX_SLOTS} 之间，请调整时长或时间`, {
        slotMinutes: '时段数不合适',
      });
    }
    const day: ReceptionDay = {
      id: ctx.ports.ids.next(),
      stationId: station.id,
      countyId: station.countyId,
      townshipId: station.townshipId,
      date: input.date,
      startsAt,
      endsAt,
      theme: input.theme,
      slotMinutes: input.slotMinutes,
      bookingCutoff: new Date(Date.parse(startsAt) - input.cutoffHours * 3600_000).toISOString(),
      status: 'draft',
      publishedAt: null,
      remindersSentAt: null,
      noShowsMarkedAt: null,
      createdBy: ctx.caller!.user.id,
      createdAt: ctx.now.toISOString(),
    };
    const created = await once(ctx, async (tx) => {
      await mustNotOverlapAtStation(tx, ctx, day);
      await tx.insert('receptionDays', day);
      for (let i = 0; i < count; i++) {
        const from = Date.parse(startsAt) + i * input.slotMinutes * 60_000;
        await tx.insert('slots', {
          id: `${day.id}-${String(i + 1).padStart(2, '0')}`,
          dayId: day.id,
          startsAt: new Date(from).toISOString(),
          endsAt: new Date(from + input.slotMinutes * 60_000).toISOString(),
          capacity: input.capacityPerSlot,
          booked: 0,
          waitlisted: 0,
          touchedAt: null,
          settled: true,
        });
      }
      await audit(tx, ctx, { entityType: 'receptionDay', entityId: day.id });
      return { dayId: day.id };
    });
    return dayView(ctx, await loadDay(ctx, created.dayId), true);
  },

  async day(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    authorize(
      ctx,
      daySubject(day, { isPublic: day.status === 'published', deputyId: await assignedDeputy(ctx, day) }),
    );
    return dayView(ctx, day, await seesAll(ctx, day));
  },

  async days(ctx, input) {
    const caller = authorize(ctx);
    const p = await page(
      (o) =>
        receptionQueries(ctx.ports).receptionDays(
          { ...officeScope(caller), status: input.status, fromDate: input.fromDate },
          o,
        ),
      input.cursor,
      (d) => d.date,
    );
    return { items: await Promise.all(p.rows.map((d) => dayView(ctx, d, true))), nextCursor: p.nextCursor };
  },

  async assignDeputy(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    authorize(ctx, daySubject(day));
    if (day.status === 'cancelled' || day.date < today(ctx))
      throw new AppError('CLOSED', '该接待日已结束或已取消');
    const deputy = await ctx.ports.store.get('deputies', input.deputyId);
    if (!deputy || deputy.countyId !== day.countyId) throw new AppError('NOT_FOUND', '代表不存在');
    const id = `${day.id}:${deputy.id}`;
    await ctx.ports.store.transact(async (tx) => {
      const existing = await tx.get('assignments', id);
      if (existing && existing.status !== 'declined')
        throw new AppError('CONFLICT', `${deputy.name} 已在安排中`);
      const fresh = { status: 'invited' as const, reason: null, respondedAt: null, attendedAt: null };
      if (existing) await tx.update('assignments', id, fresh);
      else {
        await tx.insert('assignments', {
          id,
          dayId: day.id,
          deputyId: deputy.id,
          date: day.date,
          createdAt: ctx.now.toISOString(),
          ...fresh,
        });
      }
      await notify(tx, ctx, {
        userId: deputy.userId,
        kind: 'reception.invited',
        title: '您被安排参加代表接待日',
        body: `${daySpan(day.date, day.startsAt, day.endsAt, ctx.now)} ${ctx.geo.station(day.stationId)?.name ?? ''}：${day.theme}`,
        link: `/deputy/receptions/index`,
      });
      await audit(tx, ctx, { entityType: 'assignment', entityId: id });
    });
    return dayView(ctx, day, true);
  },

  async respond(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    const mine = await assignedDeputy(ctx, day);
    authorize(ctx, daySubject(day, { deputyId: mine }));
    if (day.status === 'cancelled' || day.date < today(ctx))
      throw new AppError('CLOSED', '该接待日已结束或已取消');
    const id = `${day.id}:${mine}`;
    await ctx.ports.store.transact(async (tx) => {
      if (input.decision === 'confirm') await mustNotOverlapForDeputy(tx, ctx, mine!, day);
      await tx.update('assignments', id, {
        status: input.decision === 'confirm' ? 'confirmed' : 'declined',
        reason: input.decision === 'decline' ? input.reason! : null,
        respondedAt: ctx.now.toISOString(),
      });
      await audit(tx, ctx, { entityType: 'assignment', entityId: id, detail: { decision: input.decision } });
    });
    return dayView(ctx, day, true);
  },

  async publish(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    authorize(ctx, daySubject(day));
    if (day.status !== 'draft') throw new AppError('CONFLICT', '该接待日已公布或已取消');
    if (daysBetween(today(ctx), day.date) < PUBLISH_DAYS_AHEAD) {
      throw new AppError('CONFLICT', `接待日须至少提前 ${PUBLISH_DAYS_AHEAD} 天公布`);
    }
    const confirmed = (await receptionQueries(ctx.ports).assignmentsOfDay(day.id)).filter(
      (a) => a.status === 'confirmed',
    );
    if (confirmed.length === 0) throw new AppError('CONFLICT', '至少需要一位代表确认参加，才能公布');
    await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('receptionDays', day.id))!;
      if (current.status !== 'draft') throw new AppError('CONFLICT', '该接待日已公布或已取消');
      await tx.update('receptionDays', day.id, { status: 'published', publishedAt: ctx.now.toISOString() });
      for (const a of confirmed) {
        const deputy = await tx.get('deputies', a.deputyId);
        await notify(tx, ctx, {
          userId: deputy?.userId,
          kind: 'reception.published',
          title: '接待日已公布',
          body: `${daySpan(day.date, day.startsAt, day.endsAt, ctx.now)} ${ctx.geo.station(day.stationId)?.name ?? ''}`,
          link: `/deputy/reception/index?dayId=${day.id}`,
        });
      }
      await announceReceptionDay(
        tx,
        ctx,
        day,
        confirmed.map((a) => a.deputyId),
      );
      await audit(tx, ctx, { entityType: 'receptionDay', entityId: day.id, detail: { status: 'published' } });
    });
    return dayView(ctx, { ...day, status: 'published', publishedAt: ctx.now.toISOString() }, true);
  },

  async updateSlot(ctx, input) {
    const slot = await ctx.ports.store.get('slots', input.slotId);
    if (!slot) throw new AppError('NOT_FOUND', '时段不存在');
    const day = await loadDay(ctx, slot.dayId);
    authorize(ctx, daySubject(day));
    if (day.date < today(ctx)) throw new AppError('CLOSED', '该接待日已结束');
    await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('slots', slot.id))!;
      if (input.capacity < current.booked) {
        throw new AppError('CONFLICT', `容量不能低于已预约人数（${current.booked}）`, {
          capacity: '低于已预约人数',
        });
      }
      // On CloudBase a seat taken meanwhile (a conditional update of this document) makes this unit of
      // work conflict, and the adapter runs it again on the new count; a seat asked for with the old
      // capacity misses and is asked for again.
      await tx.update('slots', slot.id, { capacity: input.capacity });
      await audit(tx, ctx, { entityType: 'slot', entityId: slot.id, detail: { capacity: input.capacity } });
    });
    // A raise seats the waitlist.
    await fillFromWaitlist(ctx, slot.id);
    return slotView((await ctx.ports.store.get('slots', slot.id))!);
  },

  async upcoming(ctx, input) {
    authorize(ctx);
    const own = ctx.geo.region(ctx.caller?.user.constituencyId)?.townshipId ?? undefined;
    const townshipId = input.townshipId ?? own;
    const p = await page(
      (o) =>
        receptionQueries(ctx.ports).receptionDays(
          { status: 'published', townshipId, fromDate: today(ctx) },
          o,
        ),
      input.cursor,
      (d) => d.date,
    );
    return { items: await Promise.all(p.rows.map((d) => dayView(ctx, d, false))), nextCursor: p.nextCursor };
  },

  async myDays(ctx, input) {
    const caller = authorize(ctx);
    const { store } = ctx.ports;
    const q = receptionQueries(ctx.ports);
    const deputyId = caller.deputy!.id;
    const p = await page(
      (o) => q.assignmentsOfDeputy(deputyId, { fromDate: addDays(today(ctx), -60) }, o),
      input.cursor,
      (a) => a.date,
    );
    const items = await Promise.all(
      p.rows.map(async (a) => {
        const day = (await store.get('receptionDays', a.dayId))!;
        const visits = await q.visitsOfDay(day.id, { limit: 100 });
        return {
          day: await dayView(ctx, day, true),
          status: a.status,
          reason: a.reason,
          visitors: visits.filter((v) => v.deputyId === deputyId).length,
        };
      }),
    );
    return { items, nextCursor: p.nextCursor };
  },
};
