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

/** A slot of a reception day; `booked` never exceeds `capacity`, `waitlist` holds booking ids in order. */
export interface Slot {
  id: string;
  dayId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  waitlist: string[];
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
