/**
 * China time, one helper for the functions and the phone alike. China keeps UTC+8 all year (no daylight
 * saving), so dates and times are shown and compared on that fixed offset — never the device's zone.
 * Instants travel and are stored as ISO-8601 strings in UTC; China dates as YYYY-MM-DD.
 * dayjs (with its utc plugin and zh-cn locale) does the arithmetic and formatting: small, and it needs no
 * Intl time-zone data, which the mini-program's JS engines do not all have.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);

const CHINA_OFFSET_MINUTES = 8 * 60;
type Instant = string | number | Date;

/** An instant on the China wall clock. */
export const inChina = (t: Instant) => dayjs(t).utcOffset(CHINA_OFFSET_MINUTES).locale('zh-cn');

/** The China date (YYYY-MM-DD) of an instant. */
export const chinaDate = (t: Instant = Date.now()) => inChina(t).format('YYYY-MM-DD');

/** The instant (ISO, UTC) of a China wall-clock time (HH:mm) on a China date. */
export const chinaInstant = (date: string, time: string) =>
  dayjs.utc(`${date}T${time}:00`).subtract(CHINA_OFFSET_MINUTES, 'minute').toISOString();

/** Whether YYYY-MM-DD names a real calendar date. */
export const isRealDate = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && dayjs.utc(date).format('YYYY-MM-DD') === date;

/** Whole days from one China date to another. */
export const daysBetween = (from: string, to: string) => dayjs.utc(to).diff(dayjs.utc(from), 'day');

/** A China date moved by `n` days. */
export const addDays = (date: string, n: number) => dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD');

/** Whether an instant has passed. */
export const isPast = (iso: string, now: Instant = Date.now()) => {
  const t = dayjs(iso);
  return t.isValid() && t.isBefore(dayjs(now));
};

const valid = (iso: string | null | undefined) => (iso && dayjs(iso).isValid() ? inChina(iso) : null);

/** HH:mm on the China clock. */
export const clock = (iso: string | null | undefined) => valid(iso)?.format('HH:mm') ?? '';

/** 09:00–09:30 */
export const span = (startsAt: string, endsAt: string) => `${clock(startsAt)}–${clock(endsAt)}`;

/** 12月5日 周五 (with the year when it is not this year) for a China date. */
export function dateLabel(date: string, now: Instant = Date.now()): string {
  if (!isRealDate(date)) return date;
  const d = dayjs.utc(date).locale('zh-cn');
  return d.format(d.year() === inChina(now).year() ? 'M月D日 ddd' : 'YYYY年M月D日 ddd');
}

/** 今天 / 明天 / 昨天 for a China date near today, else its date label. */
export function dayName(date: string, now: Instant = Date.now()): string {
  const n = daysBetween(chinaDate(now), date);
  return n === 0 ? '今天' : n === 1 ? '明天' : n === -1 ? '昨天' : dateLabel(date, now);
}

/** 12月4日 21:00 (with the year when it is not this year): cut-offs, check-ins, notifications. */
export function dateTime(iso: string | null | undefined, now: Instant = Date.now()): string {
  const t = valid(iso);
  if (!t) return '';
  return t.format(t.year() === inChina(now).year() ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
}

/** 今天 09:05, 昨天 18:30, or 12月4日 21:00: message and list times. */
export function when(iso: string | null | undefined, now: Instant = Date.now()): string {
  const t = valid(iso);
  if (!t) return '';
  const n = daysBetween(chinaDate(now), t.format('YYYY-MM-DD'));
  if (n === 0) return `今天 ${t.format('HH:mm')}`;
  if (n === -1) return `昨天 ${t.format('HH:mm')}`;
  return dateTime(iso, now);
}

/** 2026年3月1日 08:05 — the form subscription-message `time` keywords take. */
export const fullDateTime = (t: Instant) => inChina(t).format('YYYY年M月D日 HH:mm');

/** 12月5日 周五 09:00–11:30: a day's date and its hours on the China clock. */
export const daySpan = (date: string, startsAt: string, endsAt: string, now: Instant = Date.now()) =>
  `${dateLabel(date, now)} ${span(startsAt, endsAt)}`;

/** The last day of a China date's month. */
export const monthEnd = (date: string) => dayjs.utc(date).endOf('month').format('YYYY-MM-DD');
