/**
 * reception: stations, reception days (代表接待日), deputies' rotation, voters' bookings, check-in and visit
 * records. Capacity lives on the slot document and changes only inside a unit of work that reads it first:
 * a SQLite transaction (with a CHECK that booked ≤ capacity), or a CloudBase transaction whose write
 * conflicts serialise concurrent bookings — never overbooked, whatever the concurrency.
 */
import QRCode from 'qrcode';
import { PUBLISH_DAYS_AHEAD, RECEPTION_DAYS_PER_YEAR, WAITLIST_MAX } from '../contracts/constants';
import type { BookingView, DayView, SlotView, StationView } from '../contracts/reception';
import type { Ctx } from '../context';
import { forgetGeo } from '../dispatch';
import { appendActivity, audit, notify, once, priorResult } from '../effects';
import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import { authorize, officeOver, officeScope, regionSubject, type Subject } from '../policy';
import type { Tx } from '../ports';
import type { Booking, ReceptionDay, Slot, Station, Visit } from '../records';
import { addDays, chinaDate, chinaInstant, daysBetween, isRealDate } from '../domain/chinaTime';
import { page } from '../domain/cursor';
import { maskName } from '../domain/idNumber';
import { deputyNames } from './views';

const MAX_SLOTS = 48;

const stationView = (ctx: Ctx, s: Station): StationView => ({
  stationId: s.id,
  name: s.name,
  townshipId: s.townshipId,
  townshipName: ctx.geo.region(s.townshipId)?.name ?? '',
  address: s.address,
  contact: s.contact,
  latitude: s.latitude,
  longitude: s.longitude,
  openingNotes: s.openingNotes,
});

const slotView = (s: Slot): SlotView => ({
  slotId: s.id,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  capacity: s.capacity,
  booked: s.booked,
  remaining: Math.max(0, s.capacity - s.booked),
  waitlisted: s.waitlist.length,
});

const bookingView = (b: Booking, slot: Slot | null): BookingView => ({
  bookingId: b.id,
  dayId: b.dayId,
  slotId: b.slotId,
  code: b.code,
  status: b.status,
  topic: b.topic,
  visitorName: b.visitorName,
  walkIn: b.walkIn,
  slotStartsAt: slot?.startsAt ?? null,
  createdAt: b.createdAt,
  checkedInAt: b.checkedInAt,
});

const daySubject = (d: ReceptionDay, extra: Subject = {}): Subject => ({
  countyId: d.countyId,
  townshipId: d.townshipId,
  stationId: d.stationId,
  ...extra,
});

async function loadDay(ctx: Ctx, dayId: string): Promise<ReceptionDay> {
  const d = await ctx.ports.store.get('receptionDays', dayId);
  if (!d) throw new AppError('NOT_FOUND', '接待日不存在');
  return d;
}

/** The caller's deputy id when that deputy is booked onto the day (so the `theDeputy` rule can match). */
async function assignedDeputy(ctx: Ctx, day: ReceptionDay): Promise<string | null> {
  const mine = ctx.caller?.deputy?.id;
  if (!mine) return null;
  return (await ctx.ports.store.get('assignments', `${day.id}:${mine}`)) ? mine : null;
}

/** A day as shown: everyone sees confirmed deputies; staff and the day's deputies see all assignments. */
async function dayView(ctx: Ctx, day: ReceptionDay, full: boolean): Promise<DayView> {
  const { store } = ctx.ports;
  const [slots, assignments] = await Promise.all([store.slotsOfDay(day.id), store.assignmentsOfDay(day.id)]);
  const shown = full ? assignments : assignments.filter((a) => a.status === 'confirmed');
  const names = await deputyNames(
    ctx,
    shown.map((a) => a.deputyId),
  );
  const station = ctx.geo.station(day.stationId);
  return {
    dayId: day.id,
    stationId: day.stationId,
    stationName: station?.name ?? '',
    stationAddress: station?.address ?? '',
    stationLatitude: station?.latitude ?? null,
    stationLongitude: station?.longitude ?? null,
    townshipId: day.townshipId,
    townshipName: ctx.geo.region(day.townshipId)?.name ?? '',
    date: day.date,
    startsAt: day.startsAt,
    endsAt: day.endsAt,
    theme: day.theme,
    status: day.status,
    bookingCutoff: day.bookingCutoff,
    bookingOpen: day.status === 'published' && ctx.now.toISOString() < day.bookingCutoff,
    deputies: shown.map((a) => ({
      deputyId: a.deputyId,
      name: names.get(a.deputyId) ?? '',
      status: a.status,
      reason: full ? a.reason : null,
      attended: !!a.attendedAt,
    })),
    slots: slots.map(slotView),
  };
}

/** Staff, office and the day's own deputies see the whole day. */
const seesAll = async (ctx: Ctx, day: ReceptionDay) =>
  officeOver(ctx.caller, daySubject(day)) ||
  !!ctx.caller?.grants.some((g) => g.role === 'stationStaff' && g.scopeId === day.stationId) ||
  !!(await assignedDeputy(ctx, day));

const today = (ctx: Ctx) => chinaDate(ctx.now);

function mustBeOnTheDay(ctx: Ctx, day: ReceptionDay) {
  if (day.status !== 'published') throw new AppError('CLOSED', '该接待日未公布或已取消');
  if (today(ctx) !== day.date) throw new AppError('CONFLICT', `只能在接待日当天（${day.date}）办理`);
}

/** A fresh booking code, unique within the day: claimed by a document whose id is the code. */
async function claimCode(ctx: Ctx, tx: Tx, dayId: string, bookingId: string): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = ctx.ports.ids.code(8);
    if (await tx.get('claims', `code:${dayId}:${code}`)) continue;
    await tx.insert('claims', { id: `code:${dayId}:${code}`, refId: bookingId, at: ctx.now.toISOString() });
    return code;
  }
  throw new AppError('CONFLICT', '预约码生成失败，请重试');
}

/** Moves waitlisted bookings into free seats of a slot, earliest first, telling each voter. */
async function promote(ctx: Ctx, tx: Tx, slot: Slot): Promise<Slot> {
  const waitlist = [...slot.waitlist];
  let booked = slot.booked;
  while (booked < slot.capacity && waitlist.length > 0) {
    const id = waitlist.shift()!;
    const b = await tx.get('bookings', id);
    if (!b || b.status !== 'waitlisted') continue;
    await tx.update('bookings', id, { status: 'confirmed' });
    booked++;
    await notify(tx, ctx, {
      userId: b.voterUserId,
      kind: 'reception.promoted',
      title: '候补成功：您已获得接待日座位',
      body: `预约码 ${b.code}`,
      link: '/pages/bookings/index',
    });
  }
  const next = { ...slot, booked, waitlist };
  await tx.update('slots', slot.id, { booked, waitlist });
  return next;
}

export const receptionHandlers: Handlers<'reception'> = {
  async createStation(ctx, input) {
    const township = ctx.geo.region(input.townshipId);
    if (!township || township.kind !== 'township') {
      throw new AppError('INVALID_INPUT', '请选择乡镇', { townshipId: '乡镇不存在' });
    }
    authorize(ctx, regionSubject(ctx, township.id));
    const { townshipId, ...fields } = input;
    const station: Station = { id: ctx.ports.ids.next(), countyId: township.countyId, townshipId, ...fields };
    await ctx.ports.store.transact(async (tx) => {
      await tx.insert('stations', station);
      await audit(tx, ctx, { entityType: 'station', entityId: station.id });
    });
    forgetGeo(ctx.ports);
    return stationView(ctx, station);
  },

  async updateStation(ctx, input) {
    const station = ctx.geo.station(input.stationId);
    if (!station) throw new AppError('NOT_FOUND', '联络站不存在');
    authorize(ctx, { countyId: station.countyId, townshipId: station.townshipId });
    const { stationId, ...fields } = input;
    await ctx.ports.store.transact(async (tx) => {
      await tx.update('stations', stationId, fields);
      await audit(tx, ctx, { entityType: 'station', entityId: stationId });
    });
    forgetGeo(ctx.ports);
    return stationView(ctx, { ...station, ...fields });
  },

  async stations(ctx, input) {
    authorize(ctx);
    return {
      items: ctx.geo.stations
        .filter((s) => !input.townshipId || s.townshipId === input.townshipId)
        .map((s) => stationView(ctx, s)),
    };
  },

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
          waitlist: [],
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
        ctx.ports.store.receptionDays(
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
        body: `${day.date} ${ctx.geo.station(day.stationId)?.name ?? ''}：${day.theme}`,
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
    const confirmed = (await ctx.ports.store.assignmentsOfDay(day.id)).filter(
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
          body: `${day.date} ${ctx.geo.station(day.stationId)?.name ?? ''}`,
          link: `/deputy/reception/index?dayId=${day.id}`,
        });
      }
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
    const next = await ctx.ports.store.transact(async (tx) => {
      const current = (await tx.get('slots', slot.id))!;
      if (input.capacity < current.booked) {
        throw new AppError('CONFLICT', `容量不能低于已预约人数（${current.booked}）`, {
          capacity: '低于已预约人数',
        });
      }
      await tx.update('slots', slot.id, { capacity: input.capacity });
      await audit(tx, ctx, { entityType: 'slot', entityId: slot.id, detail: { capacity: input.capacity } });
      return promote(ctx, tx, { ...current, capacity: input.capacity });
    });
    return slotView(next);
  },

  async upcoming(ctx, input) {
    authorize(ctx);
    const own = ctx.geo.region(ctx.caller?.user.constituencyId)?.townshipId ?? undefined;
    const townshipId = input.townshipId ?? own;
    const p = await page(
      (o) => ctx.ports.store.receptionDays({ status: 'published', townshipId, fromDate: today(ctx) }, o),
      input.cursor,
      (d) => d.date,
    );
    return { items: await Promise.all(p.rows.map((d) => dayView(ctx, d, false))), nextCursor: p.nextCursor };
  },

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
    const entry = caller.user.verifiedEntryId
      ? await store.get('registerEntries', caller.user.verifiedEntryId)
      : null;
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
        visitorName: maskName(entry?.name ?? caller.user.displayName),
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
      (o) => store.bookingsOfVoter(caller.user.id, o),
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
          qr: await QRCode.toDataURL(b.code, { margin: 1, width: 240 }),
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
    const { store } = ctx.ports;
    const slots = new Map((await store.slotsOfDay(day.id)).map((s) => [s.id, s]));
    const p = await page(
      (o) => store.bookingsOfDay(day.id, { status: input.status }, o),
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
    const id = `${day.id}:${input.deputyId}`;
    await ctx.ports.store.transact(async (tx) => {
      const a = await tx.get('assignments', id);
      if (!a || a.status !== 'confirmed') throw new AppError('CONFLICT', '该代表未确认参加此接待日');
      if (a.attendedAt) throw new AppError('CONFLICT', '已登记到场');
      await tx.update('assignments', id, { attendedAt: ctx.now.toISOString() });
      await appendActivity(tx, ctx, {
        deputyId: a.deputyId,
        type: 'reception.attend',
        refType: 'receptionDay',
        refId: day.id,
        summary: `参加代表接待日：${ctx.geo.station(day.stationId)?.name ?? ''}（${day.theme}）`,
      });
      await audit(tx, ctx, { entityType: 'assignment', entityId: id, detail: { attended: true } });
    });
    return dayView(ctx, day, true);
  },

  async recordVisit(ctx, input) {
    const day = await loadDay(ctx, input.dayId);
    const deputyId = input.deputyId ?? ctx.caller?.deputy?.id ?? null;
    authorize(ctx, daySubject(day, { deputyId }));
    if (!deputyId) throw new AppError('INVALID_INPUT', '请选择接待的代表', { deputyId: '必填' });
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
      (o) => ctx.ports.store.visitsOfDay(day.id, o),
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

  async myDays(ctx, input) {
    const caller = authorize(ctx);
    const { store } = ctx.ports;
    const deputyId = caller.deputy!.id;
    const p = await page(
      (o) => store.assignmentsOfDeputy(deputyId, { fromDate: addDays(today(ctx), -60) }, o),
      input.cursor,
      (a) => a.date,
    );
    const items = await Promise.all(
      p.rows.map(async (a) => {
        const day = (await store.get('receptionDays', a.dayId))!;
        const visits = await store.visitsOfDay(day.id, { limit: 100 });
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

  async stats(ctx, input) {
    const caller = authorize(ctx);
    if (input.toDate < input.fromDate) {
      throw new AppError('INVALID_INPUT', '结束日期应不早于开始日期', { toDate: '早于开始日期' });
    }
    const found = await ctx.ports.store.receptionDays(
      { ...officeScope(caller), fromDate: input.fromDate, toDate: input.toDate },
      { limit: 101 },
    );
    const days = found.slice(0, 100).filter((d) => d.status !== 'cancelled');
    const figures = await Promise.all(days.map((d) => dayFigures(ctx, d)));
    const stations = new Map<string, { stationId: string; stationName: string; days: number } & Figures>();
    days.forEach((d, i) => {
      const name = ctx.geo.station(d.stationId)?.name ?? '';
      const s = stations.get(d.stationId) ?? {
        stationId: d.stationId,
        stationName: name,
        days: 0,
        ...noFigures(),
      };
      for (const k of FIGURE_KEYS) s[k] += figures[i][k];
      s.days++;
      stations.set(d.stationId, s);
    });
    // The rate counts only days that have begun: a future day has no check-ins yet.
    const begun = (d: ReceptionDay) => d.date <= today(ctx);
    const rate = (f: Figures) => (f.booked > 0 ? f.checkedIn / f.booked : null);
    return {
      days: days.map((d, i) => ({
        dayId: d.id,
        date: d.date,
        stationName: ctx.geo.station(d.stationId)?.name ?? '',
        status: d.status,
        ...figures[i],
        checkInRate: begun(d) ? rate(figures[i]) : null,
      })),
      stations: [...stations.values()].map((s) => ({ ...s, checkInRate: rate(s) })),
      truncated: found.length > 100,
    };
  },

  async rotation(ctx, input) {
    const caller = authorize(ctx);
    const scope = officeScope(caller);
    const { store } = ctx.ports;
    const p = await page(
      (o) => store.deputies({ townshipId: scope.townshipId }, o),
      input.cursor,
      (d) => d.name,
    );
    const rows = await Promise.all(
      p.rows
        .filter((d) => !scope.countyId || d.countyId === scope.countyId)
        .map(async (d) => {
          const list = await store.assignmentsOfDeputy(
            d.id,
            { fromDate: `${input.year}-01-01`, toDate: `${input.year}-12-31` },
            { limit: 100 },
          );
          const confirmed = list.filter((a) => a.status === 'confirmed').length;
          return {
            deputyId: d.id,
            name: d.name,
            constituencyName: ctx.geo.region(d.constituencyId)?.name ?? '',
            confirmed,
            declined: list.filter((a) => a.status === 'declined').length,
            attended: list.filter((a) => !!a.attendedAt).length,
            short: confirmed < RECEPTION_DAYS_PER_YEAR,
          };
        }),
    );
    return { items: rows, nextCursor: p.nextCursor };
  },
};

/** A visit record as shown, with its deputy's name. */
const visitView = (v: Visit, deputyName: string) => ({
  visitId: v.id,
  dayId: v.dayId,
  bookingId: v.bookingId,
  deputyId: v.deputyId,
  deputyName,
  visitorName: v.visitorName,
  raised: v.raised,
  promised: v.promised,
  createdAt: v.createdAt,
});

const FIGURE_KEYS = ['capacity', 'booked', 'waitlisted', 'checkedIn', 'walkIns', 'noShows'] as const;
type Figures = Record<(typeof FIGURE_KEYS)[number], number>;
const noFigures = (): Figures => ({
  capacity: 0,
  booked: 0,
  waitlisted: 0,
  checkedIn: 0,
  walkIns: 0,
  noShows: 0,
});

/** Seats and waitlist from the slots; what happened on the day from the bookings. */
async function dayFigures(ctx: Ctx, d: ReceptionDay): Promise<Figures> {
  const { store } = ctx.ports;
  const f = noFigures();
  for (const s of await store.slotsOfDay(d.id)) {
    f.capacity += s.capacity;
    f.booked += s.booked;
    f.waitlisted += s.waitlist.length;
  }
  let after: { key: string; id: string } | undefined;
  for (;;) {
    const rows = await store.bookingsOfDay(d.id, {}, { after, limit: 100 });
    for (const b of rows) {
      if (b.walkIn) f.walkIns++;
      else if (b.status === 'checkedIn') f.checkedIn++;
      else if (b.status === 'noShow') f.noShows++;
    }
    if (rows.length < 100) return f;
    after = { key: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };
  }
}

/** Confirmed bookings of a finished day become no-shows (also run by the jobs timer the day after). */
export async function markNoShows(ctx: Pick<Ctx, 'ports' | 'now'>, day: ReceptionDay): Promise<number> {
  const { store } = ctx.ports;
  let marked = 0;
  for (;;) {
    const rows = await store.bookingsOfDay(day.id, { status: 'confirmed' }, { limit: 100 });
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
