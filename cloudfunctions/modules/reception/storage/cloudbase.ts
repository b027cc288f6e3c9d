import type { CloudbaseSchema } from '../../../adapters/storage';
import type { Where } from '../../../adapters/cloudbase/db';
import type { IndexSpec } from '../../../adapters/cloudbase/kit';
import type { Booking } from '../records';
import type { ReceptionQueries } from './queries';

/** An index that leads with `lead` (equality fields) and orders by date, then _id. */
const byDate = (name: string, ...lead: string[]): IndexSpec => ({
  name,
  fields: [...lead.map((f): [string, 'asc'] => [f, 'asc']), ['date', 'asc'], ['_id', 'asc']],
});

export const receptionCloudbase: CloudbaseSchema<ReceptionQueries> = {
  indexes: {
    // receptionDays(): at most one scope field, optional status, an inclusive date range on the sort field.
    // Each scope has its own index; status alongside a scope is applied while scanning it (a station or
    // township holds tens of days a year, a county a few hundred, and lists come with a date range).
    receptionDays: [
      byDate('status_date_id', 'status'),
      byDate('county_date_id', 'countyId'),
      byDate('township_date_id', 'townshipId'),
      byDate('station_date_id', 'stationId'),
      byDate('date_id'),
    ],
    slots: [
      {
        name: 'day_startsAt_id',
        fields: [
          ['dayId', 'asc'],
          ['startsAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
      // The repair step's unsettled slots, oldest touch first.
      {
        name: 'settled_touchedAt_id',
        fields: [
          ['settled', 'asc'],
          ['touchedAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
    assignments: [
      {
        name: 'day_id',
        fields: [
          ['dayId', 'asc'],
          ['_id', 'asc'],
        ],
      },
      byDate('deputy_date_id', 'deputyId'),
    ],
    bookings: [
      // Both fields are always set, so this one can be unique here as in SQLite (UNIQUE (dayId, code)).
      {
        name: 'day_code_unique',
        fields: [
          ['dayId', 'asc'],
          ['code', 'asc'],
        ],
        unique: true,
      },
      {
        name: 'day_createdAt_id',
        fields: [
          ['dayId', 'asc'],
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
      // A slot's waitlist in order, its position counts, and its seats and places counted by status.
      {
        name: 'slot_status_createdAt_id',
        fields: [
          ['slotId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
      // Walk-ins have no voterUserId: a plain (not unique) index, so the nulls do not collide.
      {
        name: 'voter_createdAt_id',
        fields: [
          ['voterUserId', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
    ],
    visits: [
      {
        name: 'day_createdAt_id',
        fields: [
          ['dayId', 'asc'],
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
      // A booking's visit records: what was promised, in the voter's 我的预约.
      {
        name: 'booking_createdAt_id',
        fields: [
          ['bookingId', 'asc'],
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },

  queries: (kit) => {
    const { _ } = kit;
    /** One conditional update of a slot that touches it; whether it matched. */
    const slotUpdate = async (where: Where, data: Record<string, unknown>, at: string) =>
      (await kit.updateWhere('slots', where, { ...data, touchedAt: at, settled: false })) === 1;
    return {
      receptionDays(filter, opts) {
        // A given filter always filters (an empty string matches nothing rather than widening the scope).
        const eq: Record<string, unknown> = {};
        for (const f of ['status', 'countyId', 'townshipId', 'stationId'] as const) {
          if (filter[f] !== undefined) eq[f] = filter[f];
        }
        const conds: Where[] = Object.keys(eq).length ? [eq] : [];
        conds.push(...kit.dateRange(filter));
        return kit.list('receptionDays', conds, 'date', 'asc', opts);
      },
      slotsOfDay: (dayId) => kit.list('slots', [{ dayId }], 'startsAt', 'asc', { limit: 100 }),
      assignmentsOfDay: (dayId) => kit.byId('assignments', { dayId }),
      assignmentsOfDeputy: (deputyId, filter, opts) =>
        kit.list('assignments', [{ deputyId }, ...kit.dateRange(filter)], 'date', 'asc', opts),
      bookingsOfDay(dayId, filter, opts) {
        const eq: Record<string, unknown> = { dayId };
        if (filter.status) eq.status = filter.status;
        return kit.list('bookings', [eq], 'createdAt', 'asc', opts);
      },
      bookingsOfVoter: (voterUserId, opts) =>
        kit.list('bookings', [{ voterUserId }], 'createdAt', 'desc', opts),
      visitsOfDay: (dayId, opts) => kit.list('visits', [{ dayId }], 'createdAt', 'asc', opts),
      visitsOfBooking: (bookingId, opts) => kit.list('visits', [{ bookingId }], 'createdAt', 'asc', opts),

      // CloudBase cannot compare two fields in a where: the seat's condition carries the capacity the caller
      // read, so a changed capacity misses (and the caller reads the slot again).
      takeSeat: (slotId, capacity, at) =>
        slotUpdate({ _id: slotId, capacity, booked: _.lt(capacity) }, { booked: _.inc(1) }, at),
      giveSeatBack: (slotId, at) => slotUpdate({ _id: slotId, booked: _.gt(0) }, { booked: _.inc(-1) }, at),
      takeWaitlistPlace: (slotId, max, at) =>
        slotUpdate({ _id: slotId, waitlisted: _.lt(max) }, { waitlisted: _.inc(1) }, at),
      giveWaitlistPlaceBack: (slotId, at) =>
        slotUpdate({ _id: slotId, waitlisted: _.gt(0) }, { waitlisted: _.inc(-1) }, at),
      touchSlot: (slotId, at) => slotUpdate({ _id: slotId }, {}, at),

      waitlistOfSlot: (slotId, opts) =>
        kit.list('bookings', [{ slotId, status: 'waitlisted' }], 'createdAt', 'asc', opts),
      waitlistPosition: async (b) =>
        1 +
        (await kit.count(
          'bookings',
          _.and([
            { slotId: b.slotId, status: 'waitlisted' },
            _.or([{ createdAt: _.lt(b.createdAt) }, { createdAt: _.eq(b.createdAt), _id: _.lt(b.id) }]),
          ]),
        )),
      async slotCounts(slotId) {
        const n = (status: Booking['status']) => kit.count('bookings', { slotId, status });
        const [confirmed, checkedIn, noShow, waiting] = await Promise.all([
          n('confirmed'),
          n('checkedIn'),
          n('noShow'),
          n('waitlisted'),
        ]);
        return { seated: confirmed + checkedIn + noShow, waiting };
      },
      unsettledSlots: (before, limit) =>
        kit.list('slots', [{ settled: false, touchedAt: _.lt(before) }], 'touchedAt', 'asc', { limit }),
      settleSlot: async (slotId, touchedAt, counts) =>
        (await kit.updateWhere(
          'slots',
          { _id: slotId, touchedAt, settled: false },
          { booked: counts.seated, waitlisted: counts.waiting, settled: true },
        )) === 1,
    };
  },
};
