import { isRealDate, when } from '../../cloudfunctions/core/time';
import { dayTitle } from '../components/Num';
import { spacedCode } from './reception';

const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const CODE = /(预约码[:：]?\s*)([A-HJ-NP-Z2-9]{8})\b/g;

/**
 * A notification's text as people read it: the dates the functions write (2026-12-05, ISO instants) in
 * China time (明天（12月5日 周六）, 今天 09:05), and a booking code in its two groups.
 */
export function readableNotice(text: string, now: number = Date.now()): string {
  return text
    .replace(INSTANT, (iso) => when(iso, now) || iso)
    .replace(DATE, (date) => (isRealDate(date) ? dayTitle(date, now) : date))
    .replace(CODE, (_, lead: string, code: string) => `${lead}${spacedCode(code)}`);
}
