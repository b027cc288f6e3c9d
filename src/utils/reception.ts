import { BOOKING_CODE_PATTERN } from '../../cloudfunctions/modules/reception/constants';

/**
 * Reception days are held in China (UTC+8, no daylight saving): times are shown on the China wall
 * clock whatever the phone's or browser's time zone.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function china(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime() + CHINA_OFFSET_MS);
}

/** HH:mm on the China clock. */
export function clock(iso: string | null | undefined): string {
  const d = iso ? china(iso) : null;
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** 09:00–09:30 */
export function span(startsAt: string, endsAt: string): string {
  return `${clock(startsAt)}–${clock(endsAt)}`;
}

/** 12月5日 周五 (with the year when it is not this year) from a YYYY-MM-DD China date. */
export function dateLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  const year = Number(today().slice(0, 4)) === y ? '' : `${y}年`;
  return `${year}${mo}月${d}日 周${weekday}`;
}

/** 12月5日 周五 09:00–11:30 */
export function dayWhen(day: { date: string; startsAt: string; endsAt: string }): string {
  return `${dateLabel(day.date)} ${span(day.startsAt, day.endsAt)}`;
}

/** An ISO time as 12月4日 21:00 on the China clock (for cut-offs and check-in times). */
export function chinaTime(iso: string | null | undefined): string {
  const d = iso ? china(iso) : null;
  if (!d) return '';
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Today's China date, YYYY-MM-DD. */
export function today(now = Date.now()): string {
  return isoDay(new Date(now + CHINA_OFFSET_MS));
}

/** A YYYY-MM-DD date moved by `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return isoDay(new Date(Date.UTC(y, m - 1, d + days)));
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Whether an ISO time has passed. */
export function isPast(iso: string, now = Date.now()): boolean {
  const t = new Date(iso).getTime();
  return !Number.isNaN(t) && t < now;
}

/** ABCD EFGH: two groups of four, easy to read aloud at the desk. */
export function spacedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** A typed or scanned booking code, cleaned up; null when it cannot be one. */
export function normaliseCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return BOOKING_CODE_PATTERN.test(code) ? code : null;
}

/** 80% (or — when nothing could be counted yet). */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
