/**
 * Pinyin sort keys for records written before them (core/nameKey.ts). On SQLite the migrations computed
 * every key; older CloudBase documents lack `nameKey`, which the lists order and seek by, so the timer gives
 * them theirs: a batch per run, until one whole pass finds none — a claim then records that the collection
 * is done, and later runs cost one read. Every write since carries its key.
 */
import { nameKey } from '../../core/nameKey';
import type { Ports } from '../../core/ports';

const PER_RUN = 500;
const PER_UNIT = 20;

/**
 * `batches` yields groups of records without a key (each at most `full` long: a full one may have more
 * behind it). Answers how many got their key this run.
 */
export async function keyNames(
  ports: Pick<Ports, 'store' | 'clock'>,
  collection: 'registerEntries' | 'deputies',
  batches: () => AsyncIterable<Array<{ id: string; name: string }>>,
  full = 100,
): Promise<number> {
  const { store } = ports;
  const done = `nameKeys:${collection}`;
  if (await store.get('claims', done)) return 0;
  let keyed = 0;
  let more = false;
  for await (const rows of batches()) {
    for (let i = 0; i < rows.length; i += PER_UNIT) {
      const unit = rows.slice(i, i + PER_UNIT);
      await store.transact(async (tx) => {
        for (const r of unit) await tx.update(collection, r.id, { nameKey: nameKey(r.name) });
      });
    }
    keyed += rows.length;
    if (rows.length >= full) more = true;
    if (keyed >= PER_RUN) {
      more = true;
      break;
    }
  }
  if (!more) {
    await store.transact(async (tx) => {
      if (!(await tx.get('claims', done)))
        await tx.insert('claims', { id: done, refId: collection, at: ports.clock.now().toISOString() });
    });
  }
  return keyed;
}
