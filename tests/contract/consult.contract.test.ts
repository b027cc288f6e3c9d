/** The consult queries on every Store adapter: filters, order, keyset pages across ties, JSON round trips. */
import type { Store } from '../../cloudfunctions/core/ports';
import { consultStorage } from '../../cloudfunctions/modules/consult/storage';
import type { ConsultComment } from '../../cloudfunctions/modules/consult/records';
import { aComment, aConsultation, aNotice, aResponse, aTally } from './consult-fixtures';
import { at } from './fixtures';
import { type Engine, engines, ordered, readAll, seed } from './harness';

describe.each(engines)('Store contract, consult — %s', (_name, open) => {
  let engine: Engine;
  let store: Store;
  const q = () => store.queries(consultStorage);

  beforeEach(() => {
    engine = open();
    store = engine.store;
  });
  afterEach(() => engine.close());

  it('listed: not drafts, newest first, by status, paged across ties', async () => {
    const rows = [
      aConsultation({ listedAt: at(5) }),
      aConsultation({ listedAt: at(5) }),
      aConsultation({ listedAt: at(7), status: 'closed' }),
      aConsultation({ listedAt: at(1), status: 'feedbackPublished' }),
      aConsultation({ listedAt: at(9), status: 'draft', listed: false }),
    ];
    await seed(store, 'consultations', rows);
    const listed = rows.filter((r) => r.listed);
    expect(
      await readAll(
        (o) => q().listed({}, o),
        (r) => r.listedAt,
        2,
      ),
    ).toEqual(ordered(listed, (r) => r.listedAt, 'desc'));
    expect((await q().listed({ status: 'closed' }, { limit: 10 })).map((r) => r.id)).toEqual([rows[2].id]);
    expect(await q().listed({ status: 'published' }, { limit: 10 })).toHaveLength(2);
  });

  it('drafts by county (every township too) or by one township', async () => {
    const county = aConsultation({ status: 'draft', listed: false, townshipId: null, listedAt: at(1) });
    const township = aConsultation({ status: 'draft', listed: false, townshipId: 'tw-1', listedAt: at(2) });
    const other = aConsultation({ status: 'draft', listed: false, countyId: 'county-2', townshipId: null });
    await seed(store, 'consultations', [county, township, other, aConsultation()]);
    const ids = async (s: { countyId?: string; townshipId?: string }) =>
      (await q().drafts(s, { limit: 10 })).map((r) => r.id);
    expect(await ids({ countyId: county.countyId })).toEqual([township.id, county.id]);
    expect(await ids({ townshipId: 'tw-1' })).toEqual([township.id]);
    expect(await ids({ townshipId: '' })).toEqual([]);
    expect(await ids({})).toEqual([]);
  });

  it('publishedClosingBy: published only, closing at or before, soonest first', async () => {
    const soon = aConsultation({ closesAt: at(10) });
    const later = aConsultation({ closesAt: at(100) });
    const exactly = aConsultation({ closesAt: at(50) });
    const closed = aConsultation({ closesAt: at(5), status: 'closed' });
    await seed(store, 'consultations', [soon, later, exactly, closed]);
    expect((await q().publishedClosingBy(at(50), 10)).map((r) => r.id)).toEqual([soon.id, exactly.id]);
    expect(await q().publishedClosingBy(at(50), 1)).toHaveLength(1);
  });

  it('talliesOf: every shard of one consultation, counts round-trip', async () => {
    const shards = [0, 1, 2].map((shard) => aTally({ id: `c-1:0${shard}`, consultationId: 'c-1', shard }));
    await seed(store, 'consultTallies', [...shards, aTally({ consultationId: 'c-2' })]);
    expect(await q().talliesOf('c-1')).toEqual(shards);
    await store.transact((tx) => tx.update('consultTallies', 'c-1:01', { counts: { n: 1 } }));
    expect((await store.get('consultTallies', 'c-1:01'))!.counts).toEqual({ n: 1 });
  });

  it('responsesOf: oldest first, paged across ties', async () => {
    const rows = [1, 1, 1, 2, 3].map((m) => aResponse({ consultationId: 'c-1', createdAt: at(m) }));
    await seed(store, 'consultResponses', [...rows, aResponse({ consultationId: 'c-2' })]);
    expect(
      await readAll(
        (o) => q().responsesOf('c-1', o),
        (r) => r.createdAt,
        2,
      ),
    ).toEqual(ordered(rows, (r) => r.createdAt, 'asc'));
  });

  it('commentsOf: by article, by question, visible only, paged', async () => {
    const rows = [
      aComment({ consultationId: 'c-1', articleId: 'a-1', createdAt: at(1) }),
      aComment({ consultationId: 'c-1', articleId: 'a-1', createdAt: at(1), status: 'held' }),
      aComment({ consultationId: 'c-1', articleId: 'a-2', createdAt: at(2) }),
      aComment({ consultationId: 'c-1', articleId: null, questionId: 'q-1', createdAt: at(3) }),
      aComment({ consultationId: 'c-2', articleId: 'a-1' }),
    ];
    await seed(store, 'consultComments', rows);
    const mine = rows.slice(0, 4);
    expect(
      await readAll(
        (o) => q().commentsOf('c-1', {}, o),
        (r) => r.createdAt,
        3,
      ),
    ).toEqual(ordered(mine, (r) => r.createdAt, 'asc'));
    const ids = async (f: Parameters<ReturnType<typeof q>['commentsOf']>[1]) =>
      (await q().commentsOf('c-1', f, { limit: 10 })).map((r) => r.id).sort();
    expect(await ids({ articleId: 'a-1' })).toEqual([rows[0].id, rows[1].id].sort());
    expect(await ids({ articleId: 'a-1', visibleOnly: true })).toEqual([rows[0].id]);
    expect(await ids({ questionId: 'q-1' })).toEqual([rows[3].id]);
    expect(await ids({ visibleOnly: true })).toEqual([rows[0].id, rows[2].id, rows[3].id].sort());
  });

  it('commentsOf waiting: held and not reviewed (null or, on older documents, absent), oldest first', async () => {
    const rows = [
      aComment({ consultationId: 'c-1', createdAt: at(1), status: 'held', reviewedAt: null }),
      aComment({ consultationId: 'c-1', createdAt: at(2), status: 'held', reviewedAt: at(3) }),
      aComment({ consultationId: 'c-1', createdAt: at(2), status: 'visible', reviewedAt: at(3) }),
      // As older documents are: no reviewedAt at all.
      (({ reviewedAt: _absent, ...rest }) => rest as ConsultComment)(
        aComment({ consultationId: 'c-1', createdAt: at(3), status: 'held' }),
      ),
      aComment({ consultationId: 'c-1', createdAt: at(4), status: 'visible' }),
      aComment({ consultationId: 'c-2', createdAt: at(1), status: 'held', reviewedAt: null }),
    ];
    await seed(store, 'consultComments', rows);
    expect(
      await readAll(
        (o) => q().commentsOf('c-1', { waiting: true }, o),
        (r) => r.createdAt,
        1,
      ),
    ).toEqual([rows[0].id, rows[3].id]);
  });

  it('pendingNotices: not done, oldest first', async () => {
    const a = aNotice({ createdAt: at(2) });
    const b = aNotice({ createdAt: at(1) });
    await seed(store, 'consultNotices', [a, b, aNotice({ done: true })]);
    expect((await q().pendingNotices(10)).map((r) => r.id)).toEqual([b.id, a.id]);
    await store.transact((tx) =>
      tx.update('consultNotices', b.id, { done: true, afterKey: at(5), afterId: 'r-9' }),
    );
    expect((await q().pendingNotices(10)).map((r) => r.id)).toEqual([a.id]);
  });
});
