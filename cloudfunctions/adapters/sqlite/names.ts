/** Pinyin name keys on SQLite (core/nameKey.ts): the backfill of a migration and a search's conditions. */
import type Database from 'better-sqlite3';
import { nameKey, type NameSearch } from '../../core/nameKey';
import type { Condition } from './kit';

/** Writes every row's `nameKey` from its `name` (inside the migration's transaction). */
export function backfillNameKeys(db: Database.Database, table: 'registerEntries' | 'deputies'): void {
  const set = db.prepare(`UPDATE ${table} SET nameKey = ? WHERE id = ?`);
  const rows = db.prepare(`SELECT id, name FROM ${table}`).all() as { id: string; name: string }[];
  for (const r of rows) set.run(nameKey(r.name), r.id);
}

/** A search as list conditions: the key range (what the index seeks) and, for characters, the name's start. */
export const nameConditions = (s: NameSearch | undefined): Condition[] => [
  ['nameKey >= ?', s?.keyFrom],
  ['nameKey < ?', s?.keyTo],
  ['name >= ?', s?.nameFrom],
  ['name < ?', s?.nameTo],
];
