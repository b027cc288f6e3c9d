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
  /** A booking's visit records (one per deputy who received the visitor, a few at most), oldest first. */
  visitsOfBooking(bookingId: string, opts: ListOptions): Promise<Visit[]>;

  // Seats and waitlist places: each one atomic conditional update of the slot, outside any unit of work
  // (SQLite: in the store's queue), touching the slot (`at` becomes its touchedAt, and it is unsettled).
  // Each answers whether it changed the slot.

  /** One seat, when the slot still has `capacity` seats (else the caller re-reads) and fewer are booked. */
  takeSeat(slotId: string, capacity: number, at: string): Promise<boolean>;
  /** A seat back (never below zero). */
  giveSeatBack(slotId: string, at: string): Promise<boolean>;
  /** One waitlist place, when fewer than `max` are taken. */
  takeWaitlistPlace(slotId: string, max: number, at: string): Promise<boolean>;
  /** A waitlist place back (never below zero). */
  giveWaitlistPlaceBack(slotId: string, at: string): Promise<boolean>;
  /** Marks the slot touched: an operation that will change its counters has begun. */
  touchSlot(slotId: string, at: string): Promise<boolean>;

  /** A slot's waitlisted bookings in waitlist order (createdAt, id). */
  waitlistOfSlot(slotId: string, opts: ListOptions): Promise<Booking[]>;
  /** 1-based place of a waitlisted booking on its slot's waitlist. */
  waitlistPosition(booking: Booking): Promise<number>;
  /** A slot's bookings that hold a seat (confirmed, checked in, no-show) and that wait (waitlisted). */
  slotCounts(slotId: string): Promise<{ seated: number; waiting: number }>;
  /** Unsettled slots last touched before `before`, oldest touch first. */
  unsettledSlots(before: string, limit: number): Promise<Slot[]>;
  /**
   * Sets the counters to what the bookings say and marks the slot settled — only if nobody touched it
   * since `touchedAt` (so no operation is under way that would change them).
   */
  settleSlot(
    slotId: string,
    touchedAt: string,
    counts: { seated: number; waiting: number },
  ): Promise<boolean>;
}
