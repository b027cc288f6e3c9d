/**
 * The cases module's queries on every Store adapter: filters, order, keyset pages across ties (equal sort
 * keys), inclusive and exclusive bounds — SQLite for real, CloudBase on the strict double with the
 * deployment's indexes required.
 */
import type { Store } from '../../cloudfunctions/core/ports';
import type { Case } from '../../cloudfunctions/modules/cases/records';
import { casesStorage } from '../../cloudfunctions/modules/cases/storage';
import { aCase, aCaseCounter, aCaseUnit, aStep, aUnit } from './cases-fixtures';
import { at, COUNTY, TOWNSHIP } from './fixtures';
import { type Engine, engines, ordered, readAll, seed } from './harness';

describe.each(engines)('Store contract, cases — %s', (_name, open) => {
  let engine: Engine;
  let store: Store;
  beforeEach(() => {
    engine = open();
    store = engine.store;
  });
  afterEach(() => engine.close());
  const q = () => store.queries(casesStorage);

  /** Cases with ties on every sort key (two share each minute), spread over two townships and statuses. */
  async function many(n = 23, over: (i: number) => Partial<Case> = () => ({})) {
    const rows = Array.from({ length: n }, (_, i) =>
      aCase({
        createdAt: at(Math.floor(i / 2)),
        updatedAt: at(Math.floor(i / 3)),
        townshipId: i % 4 === 0 ? 'township-2' : TOWNSHIP,
        status: i % 3 === 0 ? 'forwarded' : 'submitted',
        holder: i % 3 === 0 ? 'office' : 'deputies',
        overdue: i % 5 === 0,
        submitterUserId: i % 2 ? 'user-a' : 'user-b',
        deputyId: i % 2 ? 'deputy-1' : null,
        intakeKey: i % 2 ? 'c-1' : 'tw:t-1',
        ...over(i),
      }),
    );
    await seed(store, 'cases', rows);
    return rows;
  }

  it('casesOfSubmitter: newest first, paged', async () => {
    const rows = await many();
    const mine = rows.filter((c) => c.submitterUserId === 'user-a');
    expect(
      await readAll(
        (o) => q().casesOfSubmitter('user-a', o),
        (c) => c.createdAt,
        4,
      ),
    ).toEqual(ordered(mine, (c) => c.createdAt, 'desc'));
  });

  it('waitingFor: cases held by the deputies of one intake, oldest first', async () => {
    const rows = await many();
    const want = rows.filter((c) => c.intakeKey === 'c-1' && c.holder === 'deputies');
    expect(
      await readAll(
        (o) => q().waitingFor('c-1', o),
        (c) => c.createdAt,
        3,
      ),
    ).toEqual(ordered(want, (c) => c.createdAt, 'asc'));
    expect(await q().waitingFor('nobody', { limit: 10 })).toEqual([]);
  });

  it('casesOfDeputy: latest activity first, by status or overdue', async () => {
    const rows = await many();
    const mine = rows.filter((c) => c.deputyId === 'deputy-1');
    expect(
      await readAll(
        (o) => q().casesOfDeputy('deputy-1', {}, o),
        (c) => c.updatedAt,
        4,
      ),
    ).toEqual(ordered(mine, (c) => c.updatedAt, 'desc'));
    expect(
      await readAll(
        (o) => q().casesOfDeputy('deputy-1', { status: 'forwarded' }, o),
        (c) => c.updatedAt,
        2,
      ),
    ).toEqual(
      ordered(
        mine.filter((c) => c.status === 'forwarded'),
        (c) => c.updatedAt,
        'desc',
      ),
    );
    expect(
      await readAll(
        (o) => q().casesOfDeputy('deputy-1', { overdue: true }, o),
        (c) => c.updatedAt,
        2,
      ),
    ).toEqual(
      ordered(
        mine.filter((c) => c.overdue),
        (c) => c.updatedAt,
        'desc',
      ),
    );
  });

  it('casesInScope: a county or a township, by holder, status or overdue', async () => {
    const rows = await many();
    const inTw = rows.filter((c) => c.townshipId === TOWNSHIP);
    const cases: Array<[Parameters<ReturnType<typeof q>['casesInScope']>[0], Case[]]> = [
      [{ countyId: COUNTY, holder: 'office' }, rows.filter((c) => c.holder === 'office')],
      [{ countyId: COUNTY, status: 'submitted' }, rows.filter((c) => c.status === 'submitted')],
      [{ countyId: COUNTY, overdue: true }, rows.filter((c) => c.overdue)],
      [{ townshipId: TOWNSHIP, holder: 'deputies' }, inTw.filter((c) => c.holder === 'deputies')],
      [{ townshipId: TOWNSHIP, status: 'forwarded' }, inTw.filter((c) => c.status === 'forwarded')],
      [{ townshipId: TOWNSHIP, overdue: true }, inTw.filter((c) => c.overdue)],
      [{ countyId: 'other', holder: 'office' }, []],
    ];
    for (const [filter, want] of cases) {
      expect(
        await readAll(
          (o) => q().casesInScope(filter, o),
          (c) => c.updatedAt,
          3,
        ),
      ).toEqual(ordered(want, (c) => c.updatedAt, 'desc'));
    }
  });

  it('partsOfUnit: open, overdue or by case status, latest first; partsOfCase by id', async () => {
    const parts = Array.from({ length: 13 }, (_, i) =>
      aCaseUnit({
        unitId: i % 3 ? 'unit-a' : 'unit-b',
        open: i % 2 === 0,
        overdue: i % 4 === 0,
        caseStatus: i % 2 ? 'replied' : 'inProgress',
        updatedAt: at(Math.floor(i / 2)),
      }),
    );
    await seed(store, 'caseUnits', parts);
    const a = parts.filter((p) => p.unitId === 'unit-a');
    for (const [filter, want] of [
      [{ open: true }, a.filter((p) => p.open)],
      [{ open: false }, a.filter((p) => !p.open)],
      [{ overdue: true }, a.filter((p) => p.overdue)],
      [{ caseStatus: 'replied' as const }, a.filter((p) => p.caseStatus === 'replied')],
    ] as const) {
      expect(
        await readAll(
          (o) => q().partsOfUnit('unit-a', filter, o),
          (p) => p.updatedAt,
          2,
        ),
      ).toEqual(ordered([...want], (p) => p.updatedAt, 'desc'));
    }
    const one = [
      aCaseUnit({ caseId: 'case-z', unitId: 'u2' }),
      aCaseUnit({ caseId: 'case-z', unitId: 'u1', role: 'assisting' }),
    ];
    await seed(store, 'caseUnits', one);
    expect((await q().partsOfCase('case-z')).map((p) => p.id)).toEqual(['case-z:u1', 'case-z:u2']);
  });

  it('stepsOfCase: in seq order; followersOf; unitsOfCounty by name', async () => {
    await seed(
      store,
      'caseSteps',
      [2, 0, 11, 1].map((seq) => aStep({ caseId: 'case-s', seq })),
    );
    await seed(store, 'caseSteps', [aStep({ caseId: 'case-t', seq: 0 })]);
    expect((await q().stepsOfCase('case-s')).map((s) => s.seq)).toEqual([0, 1, 2, 11]);
    const rows = await many(5, (i) => ({ followsCaseId: i < 3 ? 'case-root' : null }));
    expect((await q().followersOf('case-root')).map((c) => c.id)).toEqual(
      ordered(rows.slice(0, 3), (c) => c.id, 'asc'),
    );
    await seed(store, 'units', [
      aUnit({ name: '县乙局' }),
      aUnit({ name: '县甲局' }),
      aUnit({ name: '县丙局', countyId: 'x' }),
    ]);
    expect((await q().unitsOfCounty(COUNTY)).map((u) => u.name)).toEqual(['县乙局', '县甲局'].sort());
  });

  it('publishedCases: newest publication first, paged', async () => {
    const rows = await many(9, (i) => ({
      published: i % 2 === 0,
      publishedAt: i % 2 === 0 ? at(Math.floor(i / 4)) : null,
    }));
    expect(
      await readAll(
        (o) => q().publishedCases(o),
        (c) => c.publishedAt!,
        2,
      ),
    ).toEqual(
      ordered(
        rows.filter((c) => c.published),
        (c) => c.publishedAt!,
        'desc',
      ),
    );
  });

  it('dueBefore: unflagged cases whose stage ended before now, earliest first; none without a limit', async () => {
    const rows = await many(12, (i) => ({
      dueAt: i % 4 === 3 ? null : at(i * 10),
      overdue: i % 5 === 0,
    }));
    const now = at(75);
    const want = rows.filter((c) => !c.overdue && c.dueAt !== null && c.dueAt < now);
    expect((await q().dueBefore(now, 100)).map((c) => c.id)).toEqual(ordered(want, (c) => c.dueAt!, 'asc'));
    expect(await q().dueBefore(now, 2)).toHaveLength(2);
  });

  it('createdInScope: from inclusive, to exclusive, oldest first', async () => {
    const rows = await many();
    const inRange = (c: Case) => c.createdAt >= at(2) && c.createdAt < at(8);
    for (const [filter, want] of [
      [{ countyId: COUNTY }, rows.filter(inRange)],
      [{ townshipId: TOWNSHIP }, rows.filter((c) => inRange(c) && c.townshipId === TOWNSHIP)],
    ] as const) {
      expect(
        await readAll(
          (o) => q().createdInScope({ ...filter, fromIso: at(2), toIso: at(8) }, o),
          (c) => c.createdAt,
          3,
        ),
      ).toEqual(ordered([...want], (c) => c.createdAt, 'asc'));
    }
  });

  it('countersOf: one scope, months inclusive, by month then id', async () => {
    const docs = ['2026-01', '2026-02', '2026-02', '2026-03', '2026-05'].flatMap((month, i) => [
      aCaseCounter({ id: `${COUNTY}:${month}:${i}`, month, shard: i }),
      aCaseCounter({ id: `${TOWNSHIP}:${month}:${i}`, scopeId: TOWNSHIP, month, shard: i }),
    ]);
    await seed(store, 'caseCounters', docs);
    const want = docs.filter((d) => d.scopeId === COUNTY && d.month >= '2026-02' && d.month <= '2026-03');
    expect(
      await readAll(
        (o) => q().countersOf(COUNTY, '2026-02', '2026-03', o),
        (d) => d.month,
        2,
      ),
    ).toEqual(ordered(want, (d) => d.month, 'asc'));
    expect((await store.get('caseCounters', docs[0].id))!.counts).toEqual(docs[0].counts);
  });
});
