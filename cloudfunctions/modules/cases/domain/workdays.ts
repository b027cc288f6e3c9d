/**
 * Working days (工作日): Monday to Friday, less the public holidays the office enters, plus the weekend
 * days made working days by 调休. Pure functions over China dates (YYYY-MM-DD); the office keeps the
 * calendar up to date each year (cases.editCalendar), since the State Council announces it yearly.
 */
import { addDays, daysBetween } from '../../../core/time';
import type { StageLimit } from '../constants';

export interface WorkCalendar {
  /** Weekdays that are days off (法定节假日). */
  holidays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

export const NO_CALENDAR: WorkCalendar = { holidays: [], workdays: [] };

/** Day of the week of a China date: 0 Sunday … 6 Saturday. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.workdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * The date `n` working days after `date` (the day itself does not count: a case submitted on Friday
 * with 1 working day is due on Monday). n = 0 gives `date`.
 */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  let d = date;
  let left = n;
  // A calendar with every day off would loop forever; a year of days off in a row cannot be meant.
  for (let guard = 0; left > 0 && guard < 366 * 5; guard++) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const span = daysBetween(from, to);
  let n = 0;
  for (let i = 1; i <= span; i++) if (isWorkingDay(addDays(from, i), cal)) n++;
  return n;
}

/** The China date `n` calendar months after `date` (the month's last day when it is shorter). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last China date of a stage that began on `date` with `limit`. */
export function dueDate(date: string, limit: StageLimit, cal: WorkCalendar): string {
  if (limit.unit === 'workingDays') return addWorkingDays(date, limit.n, cal);
  if (limit.unit === 'months') return addMonths(date, limit.n);
  return addDays(date, limit.n);
}

/** The calendar's entries for one year, checked: real dates of that year, each once, sorted. */
export function calendarProblems(year: number, cal: WorkCalendar): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (field: 'holidays' | 'workdays', weekendExpected: boolean) => {
    const seen = new Set<string>();
    for (const d of cal[field]) {
      if (!d.startsWith(`${year}-`)) problems[field] = `${d} 不在 ${year} 年`;
      else if (seen.has(d)) problems[field] = `${d} 重复`;
      else {
        const w = weekday(d);
        const weekend = w === 0 || w === 6;
        if (weekend !== weekendExpected)
          problems[field] = weekendExpected ? `${d} 不是周末，无需调休上班` : `${d} 是周末，本来就休息`;
      }
      seen.add(d);
    }
  };
  check('holidays', false);
  check('workdays', true);
  return problems;
}
