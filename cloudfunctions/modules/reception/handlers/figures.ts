/** reception: figures per day and station, and each deputy's yearly rotation. */
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { AppError } from '../../../core/errors';
import { authorize, officeScope } from '../../../core/policy';
import { sharedQueries } from '../../shared/public';
import { RECEPTION_DAYS_PER_YEAR } from '../constants';
import type { ReceptionHandlers } from '../contract';
import type { ReceptionDay } from '../records';
import { receptionQueries } from '../storage';
import { today } from '../views';

export const figureHandlers: Pick<ReceptionHandlers, 'stats' | 'rotation'> = {
  async stats(ctx, input) {
    const caller = authorize(ctx);
    if (input.toDate < input.fromDate) {
      throw new AppError('INVALID_INPUT', '结束日期应不早于开始日期', { toDate: '早于开始日期' });
    }
    const q = receptionQueries(ctx.ports);
    const filter = { ...officeScope(caller), fromDate: input.fromDate, toDate: input.toDate };
    // One server query reads at most 100 days; a second, of one row, tells whether the range holds more.
    const found = await q.receptionDays(filter, { limit: 100 });
    const last = found[found.length - 1];
    const truncated =
      found.length === 100 &&
      (await q.receptionDays(filter, { after: { key: last.date, id: last.id }, limit: 1 })).length > 0;
    const days = found.filter((d) => d.status !== 'cancelled');
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
      truncated,
    };
  },

  async rotation(ctx, input) {
    const caller = authorize(ctx);
    const scope = officeScope(caller);
    const q = receptionQueries(ctx.ports);
    const p = await page(
      (o) => sharedQueries(ctx.ports).deputies({ townshipId: scope.townshipId }, o),
      input.cursor,
      (d) => d.name,
    );
    const rows = await Promise.all(
      p.rows
        .filter((d) => !scope.countyId || d.countyId === scope.countyId)
        .map(async (d) => {
          const list = await q.assignmentsOfDeputy(
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
  const q = receptionQueries(ctx.ports);
  const f = noFigures();
  for (const s of await q.slotsOfDay(d.id)) {
    f.capacity += s.capacity;
    f.booked += s.booked;
    f.waitlisted += s.waitlisted;
  }
  let after: { key: string; id: string } | undefined;
  for (;;) {
    const rows = await q.bookingsOfDay(d.id, {}, { after, limit: 100 });
    for (const b of rows) {
      if (b.walkIn) f.walkIns++;
      else if (b.status === 'checkedIn') f.checkedIn++;
      else if (b.status === 'noShow') f.noShows++;
    }
    if (rows.length < 100) return f;
    after = { key: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };
  }
}
