/** Reception days live on the China calendar (UTC+8, no daylight saving); instants are stored in UTC. */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/** The China date (YYYY-MM-DD) of an instant. */
export const chinaDate = (d: Date) => new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The instant of a China wall-clock time on a China date. */
export const chinaInstant = (date: string, time: string) =>
  new Date(`${date}T${time}:00+08:00`).toISOString();

/** Whether YYYY-MM-DD names a real calendar date. */
export function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Whole days from one China date to another. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
