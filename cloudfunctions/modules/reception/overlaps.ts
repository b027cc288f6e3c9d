/**
 * Reception days that would run at the same time: two at one station, or two a deputy has confirmed.
 * A day never crosses midnight (its end is after its start on its own date), so the days it can overlap
 * are those of its date: read by the station's or the deputy's index on (…, date).
 *
 * Both checks run inside the unit of work that writes, after it has written a marker document for the
 * station's (or deputy's) date: two such units at once write the same marker, so on CloudBase the second
 * conflicts and runs again — and then finds the first one's day; SQLite runs units one at a time anyway.
 */
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../core/ports';
import { daySpan } from '../../core/time';
import type { ReceptionDay } from './records';
import { receptionQueries } from './storage';

type Hours = Pick<ReceptionDay, 'id' | 'date' | 'startsAt' | 'endsAt'>;

/** Whether two time ranges share a moment (one ending as the other begins does not). */
export const overlap = (a: Hours, b: Hours) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Writes (or rewrites) the marker of a station's or a deputy's date, so units of work on it take turns. */
async function mark(tx: Tx, ctx: Ctx, key: string, refId: string) {
  const id = `overlap:${key}`;
  const at = ctx.now.toISOString();
  if (await tx.get('claims', id)) await tx.update('claims', id, { refId, at });
  else await tx.insert('claims', { id, refId, at });
}

const when = (ctx: Ctx, d: Hours) => daySpan(d.date, d.startsAt, d.endsAt, ctx.now);

/** Refuses a day at a station whose hours overlap another of its days that is not cancelled. */
export async function mustNotOverlapAtStation(
  tx: Tx,
  ctx: Ctx,
  day: Hours & Pick<ReceptionDay, 'stationId'>,
): Promise<void> {
  await mark(tx, ctx, `station:${day.stationId}:${day.date}`, day.id);
  const sameDate = await receptionQueries(ctx.ports).receptionDays(
    { stationId: day.stationId, fromDate: day.date, toDate: day.date },
    { limit: 100 },
  );
  const other = sameDate.find((d) => d.id !== day.id && d.status !== 'cancelled' && overlap(d, day));
  if (other) {
    throw new AppError(
      'CONFLICT',
      `该联络站 ${when(ctx, other)} 已安排接待日（${other.theme}），时间重叠，请调整时间或日期`,
      { startTime: '与已有接待日时间重叠' },
    );
  }
}

/** Refuses a deputy's confirmation of a day that overlaps another day the deputy has confirmed. */
export async function mustNotOverlapForDeputy(tx: Tx, ctx: Ctx, deputyId: string, day: Hours): Promise<void> {
  await mark(tx, ctx, `deputy:${deputyId}:${day.date}`, day.id);
  const sameDate = await receptionQueries(ctx.ports).assignmentsOfDeputy(
    deputyId,
    { fromDate: day.date, toDate: day.date },
    { limit: 100 },
  );
  for (const a of sameDate) {
    if (a.dayId === day.id || a.status !== 'confirmed') continue;
    const other = await tx.get('receptionDays', a.dayId);
    if (!other || other.status === 'cancelled' || !overlap(other, day)) continue;
    const station = ctx.geo.station(other.stationId)?.name ?? '';
    throw new AppError(
      'CONFLICT',
      `您已确认参加 ${when(ctx, other)} ${station}的接待日（${other.theme}），时间重叠，不能同时参加`,
    );
  }
}
