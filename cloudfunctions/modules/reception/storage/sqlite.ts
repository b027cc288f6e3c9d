import type { SqliteSchema } from '../../../adapters/storage';
import type { ListOptions } from '../../../core/ports';
import type { ReceptionQueries } from './queries';

/**
 * A lower bound on the date a later page does not need: past a cursor at or after `fromDate`, the keyset
 * condition `(date, id) > (?, ?)` implies it — and left alone, SQLite seeks to `fromDate` and walks every
 * row up to the cursor instead of seeking to the cursor.
 */
const sinceUnlessPast = (fromDate: string | undefined, opts: ListOptions) =>
  fromDate !== undefined && opts.after && opts.after.key >= fromDate ? undefined : fromDate;

export const receptionSqlite: SqliteSchema<ReceptionQueries> = {
  migrations: [
    `
    CREATE TABLE receptionDays (
      id TEXT PRIMARY KEY, stationId TEXT NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL,
      date TEXT NOT NULL, startsAt TEXT NOT NULL, endsAt TEXT NOT NULL, theme TEXT NOT NULL,
      slotMinutes INTEGER NOT NULL, bookingCutoff TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft','published','cancelled')), publishedAt TEXT,
      remindersSentAt TEXT, noShowsMarkedAt TEXT, createdBy TEXT NOT NULL, createdAt TEXT NOT NULL
    );
    CREATE INDEX receptionDays_date ON receptionDays (status, date, id);
    CREATE INDEX receptionDays_township ON receptionDays (townshipId, date, id);
    CREATE TABLE slots (
      id TEXT PRIMARY KEY, dayId TEXT NOT NULL, startsAt TEXT NOT NULL, endsAt TEXT NOT NULL,
      capacity INTEGER NOT NULL CHECK (capacity >= 0), booked INTEGER NOT NULL CHECK (booked >= 0),
      waitlist TEXT NOT NULL,
      CHECK (booked <= capacity)
    );
    CREATE INDEX slots_day ON slots (dayId, startsAt, id);
    CREATE TABLE assignments (
      id TEXT PRIMARY KEY, dayId TEXT NOT NULL, deputyId TEXT NOT NULL, date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('invited','confirmed','declined')), reason TEXT, respondedAt TEXT,
      attendedAt TEXT, createdAt TEXT NOT NULL
    );
    CREATE INDEX assignments_day ON assignments (dayId, id);
    CREATE INDEX assignments_deputy ON assignments (deputyId, date, id);
    CREATE TABLE bookings (
      id TEXT PRIMARY KEY, dayId TEXT NOT NULL, slotId TEXT, voterUserId TEXT, visitorName TEXT NOT NULL,
      topic TEXT NOT NULL, code TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('confirmed','waitlisted','cancelled','checkedIn','noShow')),
      walkIn INTEGER NOT NULL, createdAt TEXT NOT NULL, checkedInAt TEXT, cancelledAt TEXT,
      UNIQUE (dayId, code)
    );
    CREATE INDEX bookings_day ON bookings (dayId, createdAt, id);
    CREATE INDEX bookings_voter ON bookings (voterUserId, createdAt, id);
    CREATE TABLE visits (
      id TEXT PRIMARY KEY, dayId TEXT NOT NULL, bookingId TEXT, deputyId TEXT NOT NULL, visitorName TEXT NOT NULL,
      raised TEXT NOT NULL, promised TEXT NOT NULL, recordedBy TEXT NOT NULL, createdAt TEXT NOT NULL
    );
    CREATE INDEX visits_day ON visits (dayId, createdAt, id);
    CREATE INDEX visits_deputy ON visits (deputyId, createdAt, id);
    `,
    // 2: the public opinion report a deputy turned the visit into (cases module).
    `ALTER TABLE visits ADD COLUMN caseId TEXT;`,
    // 3: slot counters taken by conditional updates (the waitlist becomes a counter; its order is the
    // bookings'), the repair step's marks, a slot's bookings by status, days by county and by station.
    `
    ALTER TABLE slots ADD COLUMN waitlisted INTEGER NOT NULL DEFAULT 0 CHECK (waitlisted >= 0);
    UPDATE slots SET waitlisted = json_array_length(waitlist);
    ALTER TABLE slots DROP COLUMN waitlist;
    ALTER TABLE slots ADD COLUMN touchedAt TEXT;
    ALTER TABLE slots ADD COLUMN settled INTEGER NOT NULL DEFAULT 1;
    CREATE INDEX slots_unsettled ON slots (touchedAt, id) WHERE settled = 0;
    CREATE INDEX bookings_slot ON bookings (slotId, status, createdAt, id);
    CREATE INDEX receptionDays_county ON receptionDays (countyId, date, id);
    CREATE INDEX receptionDays_station ON receptionDays (stationId, date, id);
    `,
    // 4: a booking's visit records (what was promised, shown to the voter in 我的预约).
    `CREATE INDEX visits_booking ON visits (bookingId, createdAt, id) WHERE bookingId IS NOT NULL;`,
  ],
  codecs: { slots: { bool: ['settled'] }, bookings: { bool: ['walkIn'] } },

  queries: (kit) => ({
    receptionDays: (filter, opts) =>
      kit.list(
        'receptionDays',
        [
          ['status = ?', filter.status],
          ['countyId = ?', filter.countyId],
          ['townshipId = ?', filter.townshipId],
          ['stationId = ?', filter.stationId],
          ['date >= ?', sinceUnlessPast(filter.fromDate, opts)],
          ['date <= ?', filter.toDate],
        ],
        'date',
        false,
        opts,
      ),
    slotsOfDay: (dayId) => kit.list('slots', [['dayId = ?', dayId]], 'startsAt', false, { limit: 100 }),
    assignmentsOfDay: (dayId) => kit.list('assignments', [['dayId = ?', dayId]], 'id', false, { limit: 100 }),
    assignmentsOfDeputy: (deputyId, filter, opts) =>
      kit.list(
        'assignments',
        [
          ['deputyId = ?', deputyId],
          ['date >= ?', sinceUnlessPast(filter.fromDate, opts)],
          ['date <= ?', filter.toDate],
        ],
        'date',
        false,
        opts,
      ),
    bookingsOfDay: (dayId, filter, opts) =>
      kit.list(
        'bookings',
        [
          ['dayId = ?', dayId],
          ['status = ?', filter.status],
        ],
        'createdAt',
        false,
        opts,
      ),
    bookingsOfVoter: (voterUserId, opts) =>
      kit.list('bookings', [['voterUserId = ?', voterUserId]], 'createdAt', true, opts),
    visitsOfDay: (dayId, opts) => kit.list('visits', [['dayId = ?', dayId]], 'createdAt', false, opts),
    visitsOfBooking: (bookingId, opts) =>
      kit.list('visits', [['bookingId = ?', bookingId]], 'createdAt', false, opts),

    takeSeat: async (slotId, capacity, at) =>
      (await kit.run(
        `UPDATE slots SET booked = booked + 1, touchedAt = ?, settled = 0
         WHERE id = ? AND capacity = ? AND booked < capacity`,
        [at, slotId, capacity],
      )) === 1,
    giveSeatBack: async (slotId, at) =>
      (await kit.run(
        'UPDATE slots SET booked = booked - 1, touchedAt = ?, settled = 0 WHERE id = ? AND booked > 0',
        [at, slotId],
      )) === 1,
    takeWaitlistPlace: async (slotId, max, at) =>
      (await kit.run(
        'UPDATE slots SET waitlisted = waitlisted + 1, touchedAt = ?, settled = 0 WHERE id = ? AND waitlisted < ?',
        [at, slotId, max],
      )) === 1,
    giveWaitlistPlaceBack: async (slotId, at) =>
      (await kit.run(
        'UPDATE slots SET waitlisted = waitlisted - 1, touchedAt = ?, settled = 0 WHERE id = ? AND waitlisted > 0',
        [at, slotId],
      )) === 1,
    touchSlot: async (slotId, at) =>
      (await kit.run('UPDATE slots SET touchedAt = ?, settled = 0 WHERE id = ?', [at, slotId])) === 1,

    waitlistOfSlot: (slotId, opts) =>
      kit.list(
        'bookings',
        [
          ['slotId = ?', slotId],
          ["status = 'waitlisted'", true],
        ],
        'createdAt',
        false,
        opts,
      ),
    waitlistPosition: async (b) =>
      1 +
      (await kit.count(
        `SELECT COUNT(*) AS n FROM bookings
         WHERE slotId = ? AND status = 'waitlisted' AND (createdAt, id) < (?, ?)`,
        [b.slotId, b.createdAt, b.id],
      )),
    slotCounts: async (slotId) => {
      const [seated, waiting] = await Promise.all([
        kit.count(
          `SELECT COUNT(*) AS n FROM bookings
           WHERE slotId = ? AND status IN ('confirmed', 'checkedIn', 'noShow')`,
          [slotId],
        ),
        kit.count("SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND status = 'waitlisted'", [slotId]),
      ]);
      return { seated, waiting };
    },
    unsettledSlots: (before, limit) =>
      kit.all(
        'slots',
        'SELECT * FROM slots WHERE settled = 0 AND touchedAt < ? ORDER BY touchedAt, id LIMIT ?',
        [before, limit],
      ),
    settleSlot: async (slotId, touchedAt, counts) =>
      (await kit.run(
        `UPDATE slots SET booked = ?, waitlisted = ?, settled = 1
         WHERE id = ? AND touchedAt = ? AND settled = 0`,
        [counts.seated, counts.waiting, slotId, touchedAt],
      )) === 1,
  }),
};
