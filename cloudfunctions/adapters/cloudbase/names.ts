/** Pinyin name keys on CloudBase (core/nameKey.ts): a search's conditions. */
import type { NameSearch } from '../../core/nameKey';
import type { CloudCommand, Where } from './db';

/**
 * The key range (what the index seeks: its fields lead with the list's equalities, then nameKey) and, for
 * characters, the name's start, checked while scanning that range.
 */
export function nameConditions(_: CloudCommand, s: NameSearch | undefined): Where[] {
  if (!s) return [];
  const out: Where[] = [{ nameKey: _.gte(s.keyFrom) }, { nameKey: _.lt(s.keyTo) }];
  if (s.nameFrom && s.nameTo) out.push({ name: _.gte(s.nameFrom) }, { name: _.lt(s.nameTo) });
  return out;
}
