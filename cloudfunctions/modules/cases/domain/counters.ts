/**
 * What each case contributes to the statistics counters, as a pure function of the case: a unit of work
 * that changes a case adds the difference between its contributions after and before, so the counters
 * always equal what a scan would count, without ever scanning.
 */
import type { Case } from '../records';

/** Reply durations above this many working days share one bucket of the histogram. */
export const WD_CAP = 200;

export function contributions(c: Case | null): string[] {
  if (!c) return [];
  const keys = ['total', `cat:${c.category}`, `tw:${c.townshipId}`, `status:${c.status}`];
  if (c.answeredAt && c.answerWorkingDays !== null) {
    keys.push('answered', `wd:${Math.min(c.answerWorkingDays, WD_CAP)}`);
  }
  if (c.result && c.attitude) keys.push('rated', `result:${c.result}`, `attitude:${c.attitude}`);
  if (c.lateStages > 0) keys.push('overdue');
  if (c.reopenCount > 0) keys.push('reopened');
  if (c.published) keys.push('published');
  if (c.leadUnitId) {
    keys.push(`unit:${c.leadUnitId}:assigned`);
    if (c.handledBy === 'unit' && c.answeredAt) keys.push(`unit:${c.leadUnitId}:replied`);
    if (c.unitLate) keys.push(`unit:${c.leadUnitId}:overdue`);
  }
  return keys;
}

/** +1 / −1 per key from `before` to `after` (keys that did not change are left out). */
export function delta(before: Case | null, after: Case | null): Record<string, number> {
  const d: Record<string, number> = {};
  for (const k of contributions(after)) d[k] = (d[k] ?? 0) + 1;
  for (const k of contributions(before)) d[k] = (d[k] ?? 0) - 1;
  for (const k of Object.keys(d)) if (d[k] === 0) delete d[k];
  return d;
}

/** Adds `d` to `counts` (keys that reach 0 are dropped). */
export function applyDelta(
  counts: Record<string, number>,
  d: Record<string, number>,
): Record<string, number> {
  const out = { ...counts };
  for (const [k, v] of Object.entries(d)) {
    const n = (out[k] ?? 0) + v;
    if (n === 0) delete out[k];
    else out[k] = n;
  }
  return out;
}

/** The median of a histogram of working days (`wd:N` keys), or null when it is empty. */
export function medianOf(counts: Record<string, number>): number | null {
  const buckets = Object.entries(counts)
    .filter(([k]) => k.startsWith('wd:'))
    .map(([k, n]) => [Number(k.slice(3)), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  // The lower and upper middle values; their mean for an even count.
  const at = (rank: number) => {
    let seen = 0;
    for (const [v, n] of buckets) {
      seen += n;
      if (seen >= rank) return v;
    }
    return buckets[buckets.length - 1][0];
  };
  const lo = at(Math.floor((total + 1) / 2));
  const hi = at(Math.floor(total / 2) + 1);
  return (lo + hi) / 2;
}

/** The shard of a case's counter documents (4 per scope and month), from its id. */
export function shardOf(caseId: string): number {
  let h = 0;
  for (let i = 0; i < caseId.length; i++) h = (h * 31 + caseId.charCodeAt(i)) | 0;
  return Math.abs(h) % 4;
}
