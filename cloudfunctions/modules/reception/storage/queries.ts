/** The reception module's queries: what its handlers ask, one interface for both engines. */
import type { ListOptions } from '../../../core/ports';
import type { Booking, DayAssignment, ReceptionDay, Slot, Visit } from '../records';

export interface DayFilter {
  status?: ReceptionDay['status'];
  countyId?: string;
  townshipId?: string;
  stationId?: string;
  fromDate?: string;
  toDate?: string;
}

export interface ReceptionQueries {
  /**
   * Reception days by date, then id (ascending). Dates are China dates (YYYY-MM-DD); `fromDate` and
   * `toDate` are inclusive. Filters: at most one of countyId / townshipId / stationId.
   */
  receptionDays(filter: DayFilter, opts: ListOptions): Promise<ReceptionDay[]>;
  /** A day's slots by start time (a day has at most 48). */
  slotsOfDay(dayId: string): Promise<Slot[]>;
  /** A day's deputies (at most 100), by id. */
  assignmentsOfDay(dayId: string): Promise<DayAssignment[]>;
  /** A deputy's day assignments by date, then id (ascending); dates inclusive. */
  assignmentsOfDeputy(
    deputyId: string,
    filter: { fromDate?: string; toDate?: string },
    opts: ListOptions,
  ): Promise<DayAssignment[]>;
  /** A day's bookings, oldest first (createdAt, id). */
  bookingsOfDay(dayId: string, filter: { status?: Booking['status'] }, opts: ListOptions): Promise<Booking[]>;
  /** A voter's bookings, newest first (createdAt desc, id desc). */
  bookingsOfVoter(voterUserId: string, opts: ListOptions): Promise<Booking[]>;
  /** A day's visit records, oldest first. */
  visitsOfDay(dayId: string, opts: ListOptions): Promise<Visit[]>;
}
