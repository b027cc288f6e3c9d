import { z } from 'zod';
import type { Handlers } from '../../core/module';
import { Cursor, Id, IsoDate, Page, PersonName, Text } from '../../core/contracts/common';
import { BOOKING_CODE_PATTERN, TOPIC_MAX, VISIT_TEXT_MAX } from './constants';

/** China calendar date, YYYY-MM-DD (checked to be a real date by the service). */
export const ChinaDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** Wall-clock time in China, HH:mm. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
export const BookingCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(
    z
      .string()
      .min(8, '预约码是 8 位字母或数字，请核对')
      .max(8, '预约码是 8 位字母或数字，请核对')
      .regex(BOOKING_CODE_PATTERN, '预约码不含字母 O、I 和数字 0、1，请核对'),
  );

export const StationView = z.object({
  stationId: z.string(),
  name: z.string(),
  townshipId: z.string(),
  townshipName: z.string(),
  address: z.string(),
  contact: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  openingNotes: z.string(),
});
export type StationView = z.infer<typeof StationView>;

const StationFields = {
  name: z.string().trim().min(2, '请填写站点名称').max(40),
  address: z.string().trim().min(2, '请填写地址').max(100),
  contact: z.string().trim().max(60).default(''),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  openingNotes: z.string().trim().max(300).default(''),
};
/** A map point is both coordinates or none. */
const onePoint = <T extends { latitude: number | null; longitude: number | null }>(v: T) =>
  (v.latitude === null) === (v.longitude === null);
const POINT = { message: '经度和纬度要一起填写', path: ['longitude'] };
export const CreateStationInput = z.object({ townshipId: Id, ...StationFields }).refine(onePoint, POINT);
export const UpdateStationInput = z.object({ stationId: Id, ...StationFields }).refine(onePoint, POINT);
export const StationsInput = z.object({ townshipId: Id.optional() });

export const SlotView = z.object({
  slotId: z.string(),
  startsAt: IsoDate,
  endsAt: IsoDate,
  capacity: z.number(),
  booked: z.number(),
  remaining: z.number(),
  waitlisted: z.number(),
});
export type SlotView = z.infer<typeof SlotView>;

export const DayAssignmentView = z.object({
  deputyId: z.string(),
  name: z.string(),
  status: z.enum(['invited', 'confirmed', 'declined']),
  reason: z.string().nullable(),
  attended: z.boolean(),
});

export const DayView = z.object({
  dayId: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  stationAddress: z.string(),
  /** The station's map point, for 地图 (null when not set). */
  stationLatitude: z.number().nullable(),
  stationLongitude: z.number().nullable(),
  townshipId: z.string(),
  townshipName: z.string(),
  date: z.string(),
  startsAt: IsoDate,
  endsAt: IsoDate,
  theme: z.string(),
  status: z.enum(['draft', 'published', 'cancelled']),
  bookingCutoff: IsoDate,
  bookingOpen: z.boolean(),
  /** Today's China date by the functions' clock: pages decide "on the day" by it, not by the phone's. */
  today: z.string(),
  /** Everyone sees the confirmed deputies; office staff and the deputies booked onto it see all. */
  deputies: z.array(DayAssignmentView),
  slots: z.array(SlotView),
});
export type DayView = z.infer<typeof DayView>;

export const CreateDayInput = z
  .object({
    stationId: Id,
    date: ChinaDate,
    startTime: ClockTime,
    endTime: ClockTime,
    theme: z.string().trim().min(2, '请填写主题').max(60),
    slotMinutes: z.number().int().min(10).max(240).default(30),
    capacityPerSlot: z.number().int().min(1).max(200),
    /** Booking closes this many hours before the day starts. */
    cutoffHours: z.number().int().min(0).max(168).default(12),
  })
  .refine((v) => v.startTime < v.endTime, { message: '结束时间应晚于开始时间', path: ['endTime'] });

export const DayInput = z.object({ dayId: Id });
export const AssignDeputyInput = z.object({ dayId: Id, deputyId: Id });
export const RespondInput = z
  .object({
    dayId: Id,
    decision: z.enum(['confirm', 'decline']),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((v) => v.decision === 'confirm' || (v.reason && v.reason.length >= 2), {
    message: '请说明不能参加的原因',
    path: ['reason'],
  });
export const UpcomingInput = z.object({ townshipId: Id.optional(), cursor: Cursor });
export const DaysInput = z.object({
  status: z.enum(['draft', 'published', 'cancelled']).optional(),
  fromDate: ChinaDate.optional(),
  cursor: Cursor,
});

export const BookInput = z.object({ slotId: Id, topic: Text(TOPIC_MAX) });
export const BookOutput = z.object({
  bookingId: z.string(),
  code: z.string(),
  status: z.enum(['confirmed', 'waitlisted']),
  dayId: z.string(),
  slotId: z.string(),
  /** 1-based place on the waitlist, when waitlisted. */
  waitlistPosition: z.number().nullable(),
});

export const BookingView = z.object({
  bookingId: z.string(),
  dayId: z.string(),
  slotId: z.string().nullable(),
  code: z.string(),
  status: z.enum(['confirmed', 'waitlisted', 'cancelled', 'checkedIn', 'noShow']),
  topic: z.string(),
  /** Masked (张*三) for everyone but office staff and the voter. */
  visitorName: z.string(),
  walkIn: z.boolean(),
  slotStartsAt: IsoDate.nullable(),
  slotEndsAt: IsoDate.nullable(),
  createdAt: IsoDate,
  checkedInAt: IsoDate.nullable(),
});
export type BookingView = z.infer<typeof BookingView>;
export const MyBookingView = BookingView.extend({
  day: z.object({
    date: z.string(),
    theme: z.string(),
    stationName: z.string(),
    stationAddress: z.string(),
    bookingCutoff: IsoDate,
  }),
  /** A QR image (data URL) of the code, for staff to scan. */
  qr: z.string(),
  /** 1-based place on the slot's waitlist while waitlisted. */
  waitlistPosition: z.number().nullable(),
  canCancel: z.boolean(),
  /**
   * What the deputies promised the voter at the visit (the visit records' 答复/承诺, never what staff or
   * the deputy noted of what was raised): one per visit record of this booking that promised something.
   */
  promises: z.array(z.object({ deputyName: z.string(), promised: z.string(), recordedAt: IsoDate })),
});

export const BookingIdInput = z.object({ bookingId: Id });
export const CheckInInput = z.object({ dayId: Id, code: BookingCode });
export const WalkInInput = z.object({ dayId: Id, visitorName: PersonName, topic: Text(TOPIC_MAX) });
export const DayBookingsInput = z.object({
  dayId: Id,
  status: z.enum(['confirmed', 'waitlisted', 'cancelled', 'checkedIn', 'noShow']).optional(),
  cursor: Cursor,
});
export const AttendInput = z.object({ dayId: Id, deputyId: Id });
export const UpdateSlotInput = z.object({ slotId: Id, capacity: z.number().int().min(0).max(200) });

export const RecordVisitInput = z.object({
  dayId: Id,
  bookingId: Id.optional(),
  /** Staff recording for a deputy name the deputy; a deputy records for themself. */
  deputyId: Id.optional(),
  visitorName: PersonName.optional(),
  raised: Text(VISIT_TEXT_MAX),
  promised: z.string().trim().max(VISIT_TEXT_MAX).default(''),
});
export const VisitView = z.object({
  visitId: z.string(),
  dayId: z.string(),
  bookingId: z.string().nullable(),
  deputyId: z.string(),
  deputyName: z.string(),
  visitorName: z.string(),
  raised: z.string(),
  promised: z.string(),
  createdAt: IsoDate,
});
export const VisitsInput = z.object({ dayId: Id, cursor: Cursor });

export const MyDaysInput = z.object({ cursor: Cursor });
export const MyDay = z.object({
  day: DayView,
  status: z.enum(['invited', 'confirmed', 'declined']),
  reason: z.string().nullable(),
  visitors: z.number(),
});

export const StatsInput = z.object({ fromDate: ChinaDate, toDate: ChinaDate });
const Figures = {
  capacity: z.number(),
  booked: z.number(),
  waitlisted: z.number(),
  checkedIn: z.number(),
  walkIns: z.number(),
  noShows: z.number(),
  /** Checked-in share of booked seats, 0–1; null before anyone could check in. */
  checkInRate: z.number().nullable(),
};
export const StatsOutput = z.object({
  days: z.array(
    z.object({
      dayId: z.string(),
      date: z.string(),
      stationName: z.string(),
      status: z.string(),
      ...Figures,
    }),
  ),
  stations: z.array(
    z.object({ stationId: z.string(), stationName: z.string(), days: z.number(), ...Figures }),
  ),
  /** True when the range held more days than one call reads (100): narrow it. */
  truncated: z.boolean(),
});

export const RotationInput = z.object({ year: z.number().int().min(2000).max(2100), cursor: Cursor });
export const RotationRow = z.object({
  deputyId: z.string(),
  name: z.string(),
  constituencyName: z.string(),
  confirmed: z.number(),
  declined: z.number(),
  attended: z.number(),
  /** Fewer than the two reception days a year each deputy should take part in. */
  short: z.boolean(),
});
export const RotationOutput = Page(RotationRow);

/** reception: stations, reception days, deputies' rotation, voters' bookings, check-in and visit records. */
export const receptionContracts = {
  createStation: { input: CreateStationInput, output: StationView },
  updateStation: { input: UpdateStationInput, output: StationView },
  stations: { input: StationsInput, output: z.object({ items: z.array(StationView) }) },
  createDay: { input: CreateDayInput, output: DayView },
  day: { input: DayInput, output: DayView },
  days: { input: DaysInput, output: Page(DayView) },
  assignDeputy: { input: AssignDeputyInput, output: DayView },
  respond: { input: RespondInput, output: DayView },
  publish: { input: DayInput, output: DayView },
  updateSlot: { input: UpdateSlotInput, output: SlotView },
  upcoming: { input: UpcomingInput, output: Page(DayView) },
  book: { input: BookInput, output: BookOutput },
  cancel: { input: BookingIdInput, output: BookingView },
  myBookings: { input: z.object({ cursor: Cursor }), output: Page(MyBookingView) },
  checkIn: { input: CheckInInput, output: BookingView },
  walkIn: { input: WalkInInput, output: BookingView },
  dayBookings: { input: DayBookingsInput, output: Page(BookingView) },
  markNoShows: { input: DayInput, output: z.object({ marked: z.number() }) },
  attend: { input: AttendInput, output: DayView },
  recordVisit: { input: RecordVisitInput, output: VisitView },
  visits: { input: VisitsInput, output: Page(VisitView) },
  myDays: { input: MyDaysInput, output: Page(MyDay) },
  stats: { input: StatsInput, output: StatsOutput },
  rotation: { input: RotationInput, output: RotationOutput },
} as const;

export type ReceptionHandlers = Handlers<typeof receptionContracts>;
