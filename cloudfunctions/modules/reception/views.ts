/** Records → what the client sees, and the checks several reception handlers share. */
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { officeOver, type Subject } from '../../core/policy';
import { chinaDate, dateLabel } from '../../core/time';
import { deputyNames, type Station } from '../shared/public';
import type { BookingView, DayView, SlotView, StationView } from './contract';
import type { Booking, ReceptionDay, Slot, Visit } from './records';
import { receptionQueries } from './storage';

export const stationView = (ctx: Ctx, s: Station): StationView => ({
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

export const slotView = (s: Slot): SlotView => ({
  slotId: s.id,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  capacity: s.capacity,
  booked: s.booked,
  remaining: Math.max(0, s.capacity - s.booked),
  waitlisted: s.waitlisted,
});

export const bookingView = (b: Booking, slot: Slot | null): BookingView => ({
  bookingId: b.id,
  dayId: b.dayId,
  slotId: b.slotId,
  code: b.code,
  status: b.status,
  topic: b.topic,
  visitorName: b.visitorName,
  walkIn: b.walkIn,
  slotStartsAt: slot?.startsAt ?? null,
  slotEndsAt: slot?.endsAt ?? null,
  createdAt: b.createdAt,
  checkedInAt: b.checkedInAt,
});

export const daySubject = (d: ReceptionDay, extra: Subject = {}): Subject => ({
  countyId: d.countyId,
  townshipId: d.townshipId,
  stationId: d.stationId,
  ...extra,
});

export async function loadDay(ctx: Ctx, dayId: string): Promise<ReceptionDay> {
  const d = await ctx.ports.store.get('receptionDays', dayId);
  if (!d) throw new AppError('NOT_FOUND', '接待日不存在');
  return d;
}

/** The caller's deputy id when that deputy is booked onto the day (so the `theDeputy` rule can match). */
export async function assignedDeputy(ctx: Ctx, day: ReceptionDay): Promise<string | null> {
  const mine = ctx.caller?.deputy?.id;
  if (!mine) return null;
  return (await ctx.ports.store.get('assignments', `${day.id}:${mine}`)) ? mine : null;
}

/** A day as shown: everyone sees confirmed deputies; staff and the day's deputies see all assignments. */
export async function dayView(ctx: Ctx, day: ReceptionDay, full: boolean): Promise<DayView> {
  const q = receptionQueries(ctx.ports);
  const [slots, assignments] = await Promise.all([q.slotsOfDay(day.id), q.assignmentsOfDay(day.id)]);
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
    today: today(ctx),
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
export const seesAll = async (ctx: Ctx, day: ReceptionDay) =>
  officeOver(ctx.caller, daySubject(day)) ||
  !!ctx.caller?.grants.some((g) => g.role === 'stationStaff' && g.scopeId === day.stationId) ||
  !!(await assignedDeputy(ctx, day));

export const today = (ctx: Ctx) => chinaDate(ctx.now);

export function mustBeOnTheDay(ctx: Ctx, day: ReceptionDay) {
  if (day.status !== 'published') throw new AppError('CLOSED', '该接待日未公布或已取消');
  if (today(ctx) !== day.date) {
    throw new AppError('CONFLICT', `只能在接待日当天（${dateLabel(day.date, ctx.now)}）办理`);
  }
}

/** A visit record as shown, with its deputy's name. */
export const visitView = (v: Visit, deputyName: string) => ({
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
