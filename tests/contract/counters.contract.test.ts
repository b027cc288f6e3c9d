/**
 * Page counts kept as counter documents (core/counters.ts), on every Store adapter: counted once when
 * missing, kept in step by the units of work that change what they count, and never kept when something
 * changed while they were being counted.
 */
import { keepCount, readCounter } from '../../cloudfunctions/core/counters';
import type { Store } from '../../cloudfunctions/core/ports';
import { sharedStorage } from '../../cloudfunctions/modules/shared/storage';
import { anOutboxItem } from './fixtures';
import { type Engine, engines, seed } from './harness';

describe.each(engines)('counters — %s', (_name, open) => {
  let engine: Engine;
  let store: Store;
  beforeEach(() => {
    engine = open();
    store = engine.store;
  });
  afterEach(() => engine.close());

  const countOf = async (id: string) => (await store.get('counters', id))?.count;

  it('a missing counter is counted once and kept; units of work then keep it in step', async () => {
    let recounts = 0;
    const recount = async () => {
      recounts++;
      return 5;
    };
    expect(await readCounter(store, 'c:1', recount)).toBe(5);
    expect(await countOf('c:1')).toBe(5);
    await store.transact((tx) => keepCount(tx, 'c:1', 2));
    await store.transact((tx) => keepCount(tx, 'c:1', -3));
    expect(await readCounter(store, 'c:1', recount)).toBe(4);
    expect(recounts).toBe(1);
    // A delta of zero writes nothing.
    const before = await store.get('counters', 'c:1');
    await store.transact((tx) => keepCount(tx, 'c:1', 0));
    expect(await store.get('counters', 'c:1')).toEqual(before);
  });

  it('a change before the first count marks it stale: the next read counts', async () => {
    await store.transact((tx) => keepCount(tx, 'c:2', 1));
    expect(await countOf('c:2')).toBeLessThan(0);
    await store.transact((tx) => keepCount(tx, 'c:2', 1));
    expect(await countOf('c:2')).toBeLessThan(0);
    expect(await readCounter(store, 'c:2', async () => 9)).toBe(9);
    expect(await countOf('c:2')).toBe(9);
  });

  it('a change while counting: the count is answered but not kept', async () => {
    const racing = async () => {
      await store.transact((tx) => keepCount(tx, 'c:3', 1)); // a writer, between the mark and the save
      return 3;
    };
    expect(await readCounter(store, 'c:3', racing)).toBe(3);
    expect(await countOf('c:3')).toBeLessThan(0);
    expect(await readCounter(store, 'c:3', async () => 4)).toBe(4);
    expect(await countOf('c:3')).toBe(4);
  });

  it('a count that would go below zero is counted again rather than kept wrong', async () => {
    await readCounter(store, 'c:4', async () => 1);
    await store.transact((tx) => keepCount(tx, 'c:4', -2));
    expect(await countOf('c:4')).toBeLessThan(0);
    expect(await readCounter(store, 'c:4', async () => 0)).toBe(0);
  });

  it('readers and writers at once: what is kept equals the rows', async () => {
    if (engine.double) engine.double.options.latencyMs = [0, 2];
    const q = store.queries(sharedStorage);
    // The rows: one user's notifications; the counter counts them all.
    const recount = async () => (await q.outboxOfUser('u-c', { limit: 100 })).length;
    await seed(store, 'outbox', [anOutboxItem({ userId: 'u-c' }), anOutboxItem({ userId: 'u-c' })]);
    const write = () =>
      store.transact(async (tx) => {
        await tx.insert('outbox', anOutboxItem({ userId: 'u-c' }));
        await keepCount(tx, 'c:5', 1);
      });
    const settled = await Promise.allSettled([
      ...Array.from({ length: 12 }, () => write()),
      ...Array.from({ length: 6 }, () => readCounter(store, 'c:5', recount)),
    ]);
    // Eighteen units of work on one document: on a busy machine a writer may run out of retries (CONFLICT,
    // nothing written); whatever happened, the counter kept equals the rows that exist.
    for (const r of settled)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    const rows = await recount();
    expect(rows).toBe(2 + settled.slice(0, 12).filter((r) => r.status === 'fulfilled').length);
    expect(await readCounter(store, 'c:5', recount)).toBe(rows);
    expect(await countOf('c:5')).toBe(rows);
  });
});
