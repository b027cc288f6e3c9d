/** The CloudBase double itself: the documented behaviour it models, and that it refuses the rest. */
import type { CloudQuery } from '../../cloudfunctions/adapters/cloudbase/db';
import {
  createCloudbaseDbDouble,
  DbError,
  MissingIndex,
  NotImplemented,
  WriteConflict,
  type DoubleOptions,
} from '../doubles/cloudbase-db';

const make = (over: Partial<DoubleOptions> = {}) =>
  createCloudbaseDbDouble({ collections: ['slots', 'things'], throwOnNotFound: false, ...over });

const errCodeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof DbError ? e.errCode : (e as Error).name;
  }
  return 'resolved';
};

describe('CloudBase double — documents', () => {
  it('add generates a 32-hex _id, keeps a given one, refuses a duplicate like the server (E11000)', async () => {
    const db = make();
    const { _id } = await db.collection('things').add({ data: { a: 1 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    await db.collection('things').add({ data: { _id: 'x', a: 1 } });
    const dup = db.collection('things').add({ data: { _id: 'x', a: 2 } });
    await expect(dup).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringMatching(/E11000 duplicate key/),
    });
    expect(db.dump('things').find((d) => d._id === 'x')).toEqual({ _id: 'x', a: 1 });
  });

  it('doc.get of a missing document: rejects by default (SDK), { data: null } with throwOnNotFound: false', async () => {
    await expect(make({ throwOnNotFound: undefined }).collection('things').doc('nope').get()).rejects.toThrow(
      /does not exist/,
    );
    expect(await make().collection('things').doc('nope').get()).toEqual({ data: null });
  });

  it('collections must exist', async () => {
    expect(() => make().collection('missing')).toThrow(/collection not exists/);
  });

  it('returns copies: changing a read document does not change the stored one', async () => {
    const db = make();
    await db.collection('things').add({ data: { _id: 'a', o: { n: 1 } } });
    const { data } = await db.collection('things').doc('a').get();
    (data!.o as { n: number }).n = 99;
    expect((await db.collection('things').doc('a').get()).data).toEqual({ _id: 'a', o: { n: 1 } });
  });

  it('update: plain objects merge (SDK flattening), _.set replaces, _.inc adds, undefined is dropped', async () => {
    const db = make();
    const _ = db.command;
    const doc = db.collection('things').doc('a');
    await db.collection('things').add({ data: { _id: 'a', o: { x: 1, y: 2 }, n: 1, keep: 'k' } });
    await doc.update({ data: { o: { y: 3 }, n: _.inc(2), keep: undefined } });
    expect((await doc.get()).data).toEqual({ _id: 'a', o: { x: 1, y: 3 }, n: 3, keep: 'k' });
    await doc.update({ data: { o: _.set({ z: 1 }) } });
    expect((await doc.get()).data).toEqual({ _id: 'a', o: { z: 1 }, n: 3, keep: 'k' });
  });

  it('update: stats.updated is 1 when changed, 0 when missing or unchanged; _id and empty objects refused', async () => {
    const db = make();
    await db.collection('things').add({ data: { _id: 'a', n: 1 } });
    expect(
      await db
        .collection('things')
        .doc('a')
        .update({ data: { n: 2 } }),
    ).toEqual({ stats: { updated: 1 } });
    expect(
      await db
        .collection('things')
        .doc('a')
        .update({ data: { n: 2 } }),
    ).toEqual({ stats: { updated: 0 } });
    expect(
      await db
        .collection('things')
        .doc('b')
        .update({ data: { n: 2 } }),
    ).toEqual({ stats: { updated: 0 } });
    expect(
      await errCodeOf(
        db
          .collection('things')
          .doc('a')
          .update({ data: { _id: 'z' } }),
      ),
    ).toBe(-501007);
    await expect(
      db
        .collection('things')
        .doc('a')
        .update({ data: { o: {} } }),
    ).rejects.toThrow(NotImplemented);
  });

  it('conditional update for capacity counters: where({ _id, booked: _.lt(cap) }) → stats.updated 1 then 0', async () => {
    const db = make();
    const _ = db.command;
    await db.collection('slots').add({ data: { _id: 's1', booked: 1, capacity: 2 } });
    const reserve = () =>
      db
        .collection('slots')
        .where({ _id: 's1', booked: _.lt(2) })
        .update({ data: { booked: _.inc(1) } });
    expect(await reserve()).toEqual({ stats: { updated: 1 } });
    expect(await reserve()).toEqual({ stats: { updated: 0 } });
    expect(db.dump('slots')[0].booked).toBe(2);
  });

  it('set replaces the whole document and refuses commands', async () => {
    const db = make();
    await db.collection('things').add({ data: { _id: 'a', n: 1, m: 2 } });
    await db
      .collection('things')
      .doc('a')
      .set({ data: { n: 5 } });
    expect(db.dump('things')).toEqual([{ _id: 'a', n: 5 }]);
    expect(
      await errCodeOf(
        db
          .collection('things')
          .doc('a')
          .set({ data: { n: db.command.inc(1) } }),
      ),
    ).toBe(-501007);
  });
});

describe('CloudBase double — queries', () => {
  async function seeded() {
    const db = make();
    for (const [i, d] of [
      { k: 'b', n: 2, f: true },
      { k: 'a', n: 1, f: false, gone: null },
      { k: 'b', n: '3' },
      { k: 'c', n: 10, f: true },
    ].entries()) {
      await db.collection('things').add({ data: { _id: `t${i}`, ...d } });
    }
    return db;
  }

  it('where + orderBy (several) + limit + count', async () => {
    const db = await seeded();
    const _ = db.command;
    const ids = async (q: CloudQuery) => (await q.get()).data.map((d) => d._id);
    expect(await ids(db.collection('things').orderBy('k', 'desc').orderBy('_id', 'asc').limit(3))).toEqual([
      't3',
      't0',
      't2',
    ]);
    expect(
      (
        await db
          .collection('things')
          .where(_.or([{ k: 'a' }, { k: 'c', f: true }]))
          .limit(10)
          .get()
      ).data.length,
    ).toBe(2);
    expect((await db.collection('things').where({ f: true }).count()).total).toBe(2);
    expect(
      (
        await db
          .collection('things')
          .where(_.and([{ k: 'b' }, { n: _.gte(2) }]))
          .count()
      ).total,
    ).toBe(1);
  });

  it('null equality matches null or missing; neq matches missing too; ranges never cross types', async () => {
    const db = await seeded();
    const _ = db.command;
    const count = async (w: object) => (await db.collection('things').where(w).count()).total;
    expect(await count({ gone: null })).toBe(4);
    expect(await count({ gone: _.eq(null) })).toBe(4);
    expect(await count({ f: _.neq(true) })).toBe(2); // t1 (false) and t2 (missing)
    expect(await count({ n: _.gt(1) })).toBe(2); // 2 and 10, not the string '3'
    expect(await count({ n: _.gt('0') })).toBe(1); // only the string
  });

  it('refuses what it does not implement', async () => {
    const db = await seeded();
    const _ = db.command as unknown as Record<string, (...a: unknown[]) => unknown>;
    const things = db.collection('things') as unknown as Record<string, () => unknown>;
    expect(() => _.in(['a'])).toThrow(NotImplemented);
    expect(() => _.exists(true)).toThrow(NotImplemented);
    expect(() => (db.command.gt(1) as unknown as { and(): void }).and()).toThrow(NotImplemented);
    expect(() => things.skip()).toThrow(NotImplemented);
    expect(() => things.aggregate()).toThrow(NotImplemented);
    expect(() => things.field()).toThrow(NotImplemented);
    expect(() => db.collection('things').where({ o: { x: 1 } })).toThrow(NotImplemented);
    expect(() => db.collection('things').where({ 'o.x': 1 })).toThrow(NotImplemented);
    expect(() => db.collection('things').where({ k: 'a' }).where({ k: 'b' })).toThrow(NotImplemented);
    await expect(db.collection('things').get()).rejects.toThrow(/without limit/);
    expect(() => db.collection('things').limit(101)).toThrow(/at most 100/);
    await expect(db.collection('things').orderBy('gone', 'asc').limit(5).get()).rejects.toThrow(
      NotImplemented,
    );
    await expect(db.collection('things').add({ data: { at: new Date() } })).rejects.toThrow(NotImplemented);
    expect(() => db.startTransaction()).toThrow(NotImplemented);
  });

  it('unique indexes count a missing field as null; requireIndexes refuses unindexed queries', async () => {
    const db = make({
      indexes: { things: [{ name: 'code_unique', fields: [['code', 'asc']], unique: true }] },
      requireIndexes: true,
    });
    await db.collection('things').add({ data: { _id: 'a' } });
    expect(await errCodeOf(db.collection('things').add({ data: { _id: 'b' } }))).toBe(-502001);
    await db.collection('things').add({ data: { _id: 'c', code: 'X' } });
    expect(await errCodeOf(db.collection('things').add({ data: { _id: 'd', code: 'X' } }))).toBe(-502001);
    expect((await db.collection('things').where({ code: 'X' }).limit(1).get()).data).toHaveLength(1);
    await expect(db.collection('things').where({ other: 1 }).count()).rejects.toThrow(MissingIndex);
    await expect(db.collection('things').orderBy('other', 'asc').limit(1).get()).rejects.toThrow(
      MissingIndex,
    );
    expect((await db.collection('things').orderBy('_id', 'asc').limit(5).get()).data).toHaveLength(2);
  });
});

describe('CloudBase double — transactions', () => {
  it('writes land together at the end; nothing lands when the callback throws', async () => {
    const db = make();
    await db.collection('things').add({ data: { _id: 'a', n: 1 } });
    await db.runTransaction(async (t) => {
      await t
        .collection('things')
        .doc('a')
        .update({ data: { n: 2 } });
      await t.collection('things').add({ data: { _id: 'b', n: 1 } });
      expect(db.dump('things')).toEqual([{ _id: 'a', n: 1 }]); // not visible outside yet
      expect((await t.collection('things').doc('b').get()).data).toEqual({ _id: 'b', n: 1 }); // but inside
    });
    expect(db.dump('things')).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 1 },
    ]);
    const boom = new Error('boom');
    await expect(
      db.runTransaction(async (t) => {
        await t.collection('things').doc('a').remove();
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(db.dump('things')).toHaveLength(2);
  });

  it('reads a snapshot taken when it began', async () => {
    const db = make();
    await db.collection('things').add({ data: { _id: 'a', n: 1 } });
    await db.runTransaction(async (t) => {
      await db
        .collection('things')
        .doc('a')
        .update({ data: { n: 5 } }); // another writer, outside
      expect((await t.collection('things').doc('a').get()).data).toEqual({ _id: 'a', n: 1 });
    });
  });

  it('a write to a document someone else wrote since the transaction began aborts it at once (MongoDB)', async () => {
    const db = make();
    await db.collection('things').add({ data: { _id: 'a', n: 0 } });
    let runs = 0;
    let later: unknown;
    const err = await db
      .runTransaction(async (t) => {
        runs++;
        const { data } = await t.collection('things').doc('a').get();
        await t.collection('things').add({ data: { _id: 'b', n: 1 } });
        await db
          .collection('things')
          .doc('a')
          .update({ data: { n: 100 } }); // a single-document write outside, after the transaction began
        try {
          await t
            .collection('things')
            .doc('a')
            .update({ data: { n: (data!.n as number) + 1 } });
        } finally {
          // The transaction is gone: its next operation fails the same way.
          later = await (async () => t.collection('things').doc('b').get())().catch((e) => e);
        }
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(WriteConflict);
    expect(err.errCode).toBe(-501001);
    expect(later).toBeInstanceOf(WriteConflict);
    expect(runs).toBe(1); // the SDK re-runs only a conflict reported at commit
    expect(db.dump('things')).toEqual([{ _id: 'a', n: 100 }]); // nothing of the transaction landed
    expect(db.stats).toMatchObject({ conflicts: 1, commits: 0, retries: 0 });
  });

  it('two open transactions writing one document: the second aborts at its write, before either commits', async () => {
    const db = make();
    await db.collection('slots').add({ data: { _id: 's', booked: 0 } });
    let firstWrote!: () => void;
    const wrote = new Promise<void>((r) => (firstWrote = r));
    let letFirstCommit!: () => void;
    const commitGate = new Promise<void>((r) => (letFirstCommit = r));
    const first = db.runTransaction(async (t) => {
      await t
        .collection('slots')
        .doc('s')
        .update({ data: { booked: 1 } });
      firstWrote();
      await commitGate; // still open while the second one writes
    });
    await wrote;
    const second = await db
      .runTransaction(async (t) => {
        await t
          .collection('slots')
          .doc('s')
          .update({ data: { booked: 7 } });
      })
      .catch((e) => e);
    expect(second).toBeInstanceOf(WriteConflict);
    letFirstCommit();
    await first;
    expect(db.dump('slots')[0].booked).toBe(1);
    // A third that began after the first committed writes freely.
    await db.runTransaction(async (t) => {
      await t
        .collection('slots')
        .doc('s')
        .update({ data: { booked: 2 } });
    });
    expect(db.dump('slots')[0].booked).toBe(2);
  });

  it('a write outside any transaction waits behind an open transaction holding the document, then applies', async () => {
    const db = make();
    const _ = db.command;
    await db.collection('slots').add({ data: { _id: 's', booked: 0, capacity: 2 } });
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const order: string[] = [];
    const tx = db.runTransaction(async (t) => {
      await t
        .collection('slots')
        .doc('s')
        .update({ data: { capacity: 1 } });
      held();
      await gate;
      order.push('commit');
    });
    await holding;
    // Conditional, outside any transaction: it waits for the commit, then sees capacity 1 and misses.
    const take = db
      .collection('slots')
      .where({ _id: 's', booked: _.lt(2), capacity: 2 })
      .update({ data: { booked: _.inc(1) } })
      .then((r) => {
        order.push('update');
        return r;
      });
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    finish();
    await tx;
    expect(await take).toEqual({ stats: { updated: 0 } });
    expect(order).toEqual(['commit', 'update']);
    // Never aborts: many at once, each atomic, exactly up to the condition.
    const takes = await Promise.all(
      Array.from({ length: 10 }, () =>
        db
          .collection('slots')
          .where({ _id: 's', booked: _.lt(1), capacity: 1 })
          .update({ data: { booked: _.inc(1) } }),
      ),
    );
    expect(takes.filter((r) => r.stats.updated === 1)).toHaveLength(1);
    expect(db.dump('slots')[0]).toMatchObject({ booked: 1, capacity: 1 });
    expect(db.stats.conflicts).toBe(0);
  });

  it('latency: every call takes the configured time on real timers, drawn per call from a range', async () => {
    const db = make({ latencyMs: [20, 40], random: () => 0 });
    const started = Date.now();
    await db.collection('things').add({ data: { _id: 'a', n: 1 } });
    await db.collection('things').doc('a').get();
    expect(Date.now() - started).toBeGreaterThanOrEqual(38); // two calls of at least 20 ms each
    expect(db.stats.calls).toBe(2);
    // A transaction: its start, each operation and its commit are calls.
    await db.runTransaction(async (t) => {
      await t.collection('things').doc('a').get();
    });
    expect(db.stats.calls).toBe(5);
  });

  it('only document operations inside; rollback(reason) rejects with the reason; ended handles refuse', async () => {
    const db = make();
    let kept: Parameters<Parameters<typeof db.runTransaction>[0]>[0] | undefined;
    await db.runTransaction(async (t) => {
      kept = t;
      const c = t.collection('things') as unknown as Record<string, () => unknown>;
      expect(() => c.where()).toThrow(/where inside a transaction/);
      expect(() => c.count()).toThrow(NotImplemented);
      expect(() => c.aggregate()).toThrow(NotImplemented);
    });
    expect(() => kept!.collection('things')).toThrow(/already ended/);
    await expect(
      db.runTransaction(async (t) => {
        await t.collection('things').add({ data: { _id: 'r' } });
        await (t as unknown as { rollback(r: unknown): Promise<void> }).rollback(-100);
      }),
    ).rejects.toBe(-100);
    expect(db.dump('things')).toEqual([]);
  });
});
