/**
 * The maintained counters behind consult.results: each response's contribution (what it adds to the
 * counts), applied in the respond unit of work to one of SHARDS counter documents picked at random —
 * an edit subtracts the old contribution and adds the new in the same write. Results sum the shards,
 * so they cost the same at 10 responses or 100,000, and concurrent responses on CloudBase seldom write
 * the same document (a transaction that wrote a document another transaction wrote since it began is
 * aborted and retried; one shard per consultation would turn every burst into retries).
 */
import type { Tx } from '../../core/ports';
import type { AnswerRecord, ConsultTally } from './records';

export const SHARDS = 32;

export const tallyId = (consultationId: string, shard: number) =>
  `${consultationId}:${String(shard).padStart(2, '0')}`;

export interface Contribution {
  role: 'voter' | 'deputy';
  townshipId: string | null;
  constituencyId: string | null;
  answers: AnswerRecord[];
  articleIds: string[];
  held: number;
}

/** What one response adds to the counts. */
export function contribution(r: Contribution): Record<string, number> {
  const out: Record<string, number> = { n: 1, [`role:${r.role}`]: 1 };
  if (r.townshipId) out[`tw:${r.townshipId}`] = 1;
  else out.unplaced = 1;
  if (r.constituencyId) out[`cs:${r.constituencyId}`] = 1;
  for (const a of r.answers) {
    out[`q:${a.questionId}`] = 1;
    if (a.choice !== undefined) out[`o:${a.questionId}:${a.choice}`] = 1;
    for (const i of a.choices ?? []) out[`o:${a.questionId}:${i}`] = 1;
    if (a.scale !== undefined) {
      out[`o:${a.questionId}:${a.scale}`] = 1;
      out[`sum:${a.questionId}`] = a.scale;
    }
  }
  for (const id of r.articleIds) out[`a:${id}`] = 1;
  if (r.held) out.held = r.held;
  return out;
}

/** next − previous, leaving out what does not change. */
export function difference(next: Record<string, number>, previous: Record<string, number> | null) {
  const d: Record<string, number> = { ...next };
  for (const [k, v] of Object.entries(previous ?? {})) d[k] = (d[k] ?? 0) - v;
  for (const k of Object.keys(d)) if (d[k] === 0) delete d[k];
  return d;
}

/** The shards a published consultation starts with (all zero). */
export const emptyShards = (consultationId: string): ConsultTally[] =>
  Array.from({ length: SHARDS }, (_, shard) => ({
    id: tallyId(consultationId, shard),
    consultationId,
    shard,
    counts: {},
  }));

/** Adds `delta` to one shard picked at random (inside the respond unit of work). */
export async function addToTally(
  tx: Tx,
  consultationId: string,
  delta: Record<string, number>,
  random: () => number = Math.random,
): Promise<void> {
  if (Object.keys(delta).length === 0) return;
  const shard = Math.floor(random() * SHARDS);
  const id = tallyId(consultationId, shard);
  const current = await tx.get('consultTallies', id);
  if (!current) {
    await tx.insert('consultTallies', { id, consultationId, shard, counts: delta });
    return;
  }
  const counts = { ...current.counts };
  for (const [k, v] of Object.entries(delta)) counts[k] = (counts[k] ?? 0) + v;
  await tx.update('consultTallies', id, { counts });
}

/** The shards summed. */
export function sumShards(shards: ConsultTally[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const s of shards) for (const [k, v] of Object.entries(s.counts)) total[k] = (total[k] ?? 0) + v;
  return total;
}
