/** Reception days (代表接待日) at stations: slots with seats, deputies' day assignments, bookings, visits. */

/** One day of receptions at a station, split into slots. */
export interface ReceptionDay {
  id: string;
  stationId: string;
  countyId: string;
  townshipId: string;
  /** China date, YYYY-MM-DD. */
  date: string;
  /** ISO instants of the time window. */
  startsAt: string;
  endsAt: string;
  theme: string;
  slotMinutes: number;
  bookingCutoff: string;
  status: 'draft' | 'published' | 'cancelled';
  publishedAt: string | null;
  remindersSentAt: string | null;
  noShowsMarkedAt: string | null;
  createdBy: string;
  createdAt: string;
}

/**
 * A slot of a reception day. Its counters change only by single-document conditional updates (never in a
 * unit of work, so a burst of voters does not collide on it): `booked` — seats taken, never above
 * `capacity` — and `waitlisted` — waitlist places taken, never above WAITLIST_MAX. A seat or place is
 * taken before the booking that holds it is written, and given back if that booking is not written; the
 * waitlist's order is its bookings' (createdAt, id).
 */
export interface Slot {
  id: string;
  dayId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  waitlisted: number;
  /**
   * When an operation that changes the counters last began (null: never). The repair step (jobs.ts)
   * recounts a slot only once this is older than any request can live, so nothing is in flight.
   */
  touchedAt: string | null;
  /** False from a touch until the repair step has found (or made) the counters equal to the bookings. */
  settled: boolean;
}

/**
 * 接待安排: a deputy booked onto a reception day (`${dayId}:${deputyId}`), invited → confirmed / declined.
 * Not 交办 (assigning a case to a handling unit). Stored in the `assignments` collection.
 */
export interface DayAssignment {
  id: string;
  dayId: string;
  deputyId: string;
  date: string;
  status: 'invited' | 'confirmed' | 'declined';
  reason: string | null;
  respondedAt: string | null;
  attendedAt: string | null;
  createdAt: string;
}

export interface Booking {
  id: string;
  dayId: string;
  /** null for a walk-in. */
  slotId: string | null;
  voterUserId: string | null;
  visitorName: string;
  topic: string;
  /** 8 characters from A–Z and 2–9 without O, I, 0, 1; unique within the day. */
  code: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'checkedIn' | 'noShow';
  walkIn: boolean;
  createdAt: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
}

/** What a visitor raised at a reception and what was promised (ready to become a public opinion report). */
export interface Visit {
  id: string;
  dayId: string;
  bookingId: string | null;
  deputyId: string;
  visitorName: string;
  raised: string;
  promised: string;
  recordedBy: string;
  createdAt: string;
  /** The public opinion report the deputy turned it into (cases module). */
  caseId?: string | null;
}

declare module '../../core/records' {
  interface Collections {
    receptionDays: ReceptionDay;
    slots: Slot;
    assignments: DayAssignment;
    bookings: Booking;
    visits: Visit;
  }
}

export const RECEPTION_COLLECTIONS = ['receptionDays', 'slots', 'assignments', 'bookings', 'visits'] as const;
