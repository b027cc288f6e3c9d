/**
 * Names in pinyin order (李 before 宋 before 萧, not by character code): a stored sort key per name, and the
 * key range a search for part of a name reads. The key is the name's toneless pinyin in lower case, letters
 * only (ü as v; the first characters read as a surname, so 曾 is zeng and 单 shan), then a space and the
 * name itself, so names of equal pinyin keep one order. Both engines order and seek it as plain strings.
 */
import { pinyin } from 'pinyin-pro';

const OPTIONS = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;

/** The pinyin letters of a text, toneless, lower case, nothing but a–z (李华 → lihua). */
export function pinyinLetters(text: string): string {
  return pinyin(text, OPTIONS)
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The sort key stored with a name: `lihua 李华`. */
export const nameKey = (name: string): string => `${pinyinLetters(name)} ${name}`;

/** The least string after every string that starts with `s` (its last character, one higher). */
const after = (s: string) => s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);

/**
 * What a search reads: the keys from `keyFrom` (inclusive) to `keyTo` (exclusive), the range of the query's
 * pinyin as a prefix — served by the same index as the list — and, for a query in characters, only names
 * starting with it (`nameFrom`…`nameTo`, checked while scanning that narrow range: 李 is not 黎).
 */
export interface NameSearch {
  keyFrom: string;
  keyTo: string;
  nameFrom?: string;
  nameTo?: string;
}

/**
 * The range of a query (李, 李华, li, lihua, Li Hua): the start of a name, surname first. Null when nothing
 * in it can match a name (digits, punctuation).
 */
export function nameSearch(query: string): NameSearch | null {
  const q = query.replace(/\s+/g, '');
  const letters = pinyinLetters(q);
  if (!q || !letters) return null;
  const range = { keyFrom: letters, keyTo: after(letters) };
  return /[A-Za-z]/.test(q) ? range : { ...range, nameFrom: q, nameTo: after(q) };
}
