import type { After } from './ports';
import { AppError } from './errors';

/** Opaque cursors: base64url of the keyset position, so clients cannot depend on their shape. */
export function encodeCursor(after: After): string {
  return Buffer.from(JSON.stringify([after.key, after.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): After | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return { key: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw new AppError('INVALID_INPUT', '分页参数无效', { cursor: '无效' });
}

/**
 * Reads one page: asks for `limit + 1` rows so it knows whether another page follows.
 * `keyOf` gives the sort value the query orders by.
 */
export async function page<T extends { id: string }>(
  read: (opts: { after?: After; limit: number }) => Promise<T[]>,
  cursor: string | undefined,
  keyOf: (row: T) => string,
  limit = 20,
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const rows = await read({ after: decodeCursor(cursor), limit: limit + 1 });
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: more && last ? encodeCursor({ key: keyOf(last), id: last.id }) : null };
}
