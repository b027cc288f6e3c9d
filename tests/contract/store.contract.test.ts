/**
 * One suite, every Store adapter: SQLite for real, CloudBase through the strict in-memory double
 * (with the deployment's INDEXES required, so an unindexed query fails here rather than in production).
 * Reception days, slots and bookings have their own file: reception.contract.test.ts.
 */
import { AppError } from '../../cloudfunctions/core/errors';
import type { Store } from '../../cloudfunctions/core/ports';
import { type CollectionName, type Collections } from '../../cloudfunctions/core/records';
import { COLLECTIONS } from '../../cloudfunctions/modules/registry';
import {
  aBooking,
  aClaim,
  aConflict,
  aConsent,
  aCounter,
  aDeputy,
  aMessage,
  anActivity,
  anAssignment,
  anAuditEntry,
  anIdempotencyRecord,
  anOutboxItem,
  aReceptionDay,
  aRegion,
  aRegisterEntry,
  aRoleGrant,
  aSlot,
  aStation,
  aThread,
  at,
  aUser,
  aVisit,
} from './fixtures';
import { aComment, aConsultation, aNotice, aResponse, aTally } from './consult-fixtures';
import { codeOf, type Engine, engines, ordered, readAll, seed as seedInto } from './harness';
import { accountStorage } from '../../cloudfunctions/modules/account/storage';
import { contactStorage } from '../../cloudfunctions/modules/contact/storage';
import { sharedStorage } from '../../cloudfunctions/modules/shared/storage';
import { aCase, aCalendar, aCaseCounter, aCaseSettings, aCaseUnit, aStep, aUnit } from './cases-fixtures';
import {
  aChat,
  aFanout,
  aGroup,
  aGroupComment,
  aGroupTally,
  aMember,
  anEdit,
  aPost,
  aRead,
  aReport,
  aReview,
  aSubscription,
  aVote,
} from './groups-fixtures';

describe.each(engines)('Store contract — %s', (_name, open) => {
  let engine: Engine;
  let store: Store;

  beforeEach(() => {
    engine = open();
    store = engine.store;
  });
  afterEach(() => engine.close());

  const seed = <C extends CollectionName>(collection: C, docs: Collections[C][]) =>
    seedInto(store, collection, docs);

  describe('documents by id', () => {
    const samples: { [C in CollectionName]: () => Collections[C] } = {
      regions: () => aRegion({ kind: 'township', parentId: null, townshipId: null }),
      stations: () =>
        aStation({ latitude: 31.2304, longitude: 121.4737, openingNotes: '周一至周五 9:00–17:00' }),
      users: () =>
        aUser({
          verifiedEntryId: 'entry-1',
          verifiedAt: at(5),
          constituencyId: 'c-1',
          failedVerifications: 2,
        }),
      roleGrants: () =>
        aRoleGrant({ userId: 'user-9', role: 'deputy', scopeKind: 'deputy', scopeId: 'deputy-9' }),
      registerEntries: () => aRegisterEntry({ phone: '13800000000' }),
      conflicts: () =>
        aConflict({ status: 'resolved', resolution: 'keepHolder', resolvedBy: 'u-1', resolvedAt: at(9) }),
      consents: () => aConsent(),
      deputies: () => aDeputy({ userId: 'user-d', stationId: 'station-1' }),
      threads: () =>
        aThread({ voterVerified: true, held: true, firstReplySeconds: 3600, firstReplyAt: at(60) }),
      messages: () => aMessage({ status: 'held' }),
      activities: () => anActivity({ points: 1.5 }),
      outbox: () => anOutboxItem({ status: 'sent', attempts: 2, sentAt: at(3) }),
      audit: () =>
        anAuditEntry({
          detail: { decision: 'release', n: 2, ok: true, none: null, list: [1, 'a', { b: false }] },
        }),
      idempotency: () =>
        anIdempotencyRecord({ result: { threadId: 't-1', nested: { count: 0, tags: ['x'] } } }),
      counters: () => aCounter({ count: 7 }),
      receptionDays: () =>
        aReceptionDay({ status: 'draft', publishedAt: null, remindersSentAt: at(5), theme: '乡村振兴' }),
      slots: () => aSlot({ capacity: 3, booked: 2, waitlisted: 7, touchedAt: at(4), settled: false }),
      assignments: () =>
        anAssignment({ status: 'declined', reason: '外出开会', respondedAt: at(2), attendedAt: null }),
      bookings: () =>
        aBooking({ slotId: null, voterUserId: null, walkIn: true, status: 'checkedIn', checkedInAt: at(1) }),
      visits: () => aVisit({ bookingId: 'booking-1' }),
      claims: () => aClaim(),
      consultations: () =>
        aConsultation({
          townshipId: 'township-1',
          feedback: [{ articleId: 'a-1', outcome: 'partly', reason: '部分' }],
        }),
      consultResponses: () =>
        aResponse({ anonymous: true, answers: [{ questionId: 'q-2', choices: [0, 2] }] }),
      consultComments: () => aComment({ articleId: null, questionId: 'q-3', status: 'held' }),
      consultTallies: () => aTally(),
      consultNotices: () => aNotice({ afterKey: at(3), afterId: 'r-1', sent: 50 }),
      cases: () =>
        aCase({
          images: [{ fileId: 'cloud://e.b/uploads/u1/abcdefgh.jpg', status: 'pending', traceId: 't-2' }],
          assistingUnitIds: ['u-2'],
          latitude: 30.1,
          longitude: 120.2,
          held: true,
        }),
      caseSteps: () => aStep({ caseId: 'case-s', seq: 3, note: '原因' }),
      caseUnits: () => aCaseUnit({ open: false, overdue: true, dueAt: null }),
      units: () => aUnit({ staffUserIds: [], active: false }),
      workCalendars: () => aCalendar(),
      caseSettings: () => aCaseSettings(),
      caseCounters: () => aCaseCounter(),
      mediaChecks: () => ({
        id: 'trace:t-1',
        traceId: 't-1',
        fileId: 'cloud://env.b/uploads/u1/abcdefgh.jpg',
        userId: 'u1',
        ref: 'groupPosts/p-1',
        status: 'pending',
        createdAt: at(1),
        decidedAt: null,
        imageIndex: 2,
      }),
      imageReviews: () => ({
        id: 'groupPosts/p-1#2',
        module: 'groups',
        ref: 'groupPosts/p-1',
        targetId: 'p-1',
        imageIndex: 2,
        fileId: 'cloud://env.b/uploads/u1/abcdefgh.jpg',
        authorUserId: 'u1',
        countyId: 'county-1',
        townshipId: 'township-1',
        label: '第一选区群：照片',
        status: 'hidden',
        heldAt: at(2),
        decidedBy: 'u-9',
        decidedAt: at(3),
      }),
      groups: () => aGroup({ kind: 'station', constituencyId: null, stationId: 'station-1', memberCount: 5 }),
      groupMembers: () => aMember({ muted: true, chatId: 'chat-1', chatCounted: true, joinedAt: null }),
      groupChats: () => aChat({ demo: true }),
      groupPosts: () =>
        aPost({
          images: [{ fileId: 'cloud://e.b/uploads/u1/abcdefgh.jpg', status: 'pending', traceId: 't-1' }],
          imagesPending: true,
          poll: { options: ['甲', '乙'], closesAt: at(60), closedAt: null },
          pollOpen: true,
          pinned: true,
        }),
      groupPostEdits: () => anEdit(),
      groupComments: () => aGroupComment({ status: 'held', reviewed: true }),
      groupReads: () => aRead(),
      groupVotes: () => aVote({ option: 2 }),
      groupTallies: () => aGroupTally({ counts: [0, 3] }),
      groupReports: () => aReport(),
      groupReviews: () => aReview({ open: false, decision: 'restore', closedAt: at(3) }),
      groupFanouts: () => aFanout({ done: true, sent: 12 }),
      groupSubscriptions: () => aSubscription({ longTerm: true }),
    };

    it.each(COLLECTIONS)(
      '%s: insert then get returns the same record, in and out of a unit of work',
      async (c) => {
        const rec = samples[c]();
        await seed(c, [rec as never]);
        expect(await store.get(c, rec.id)).toEqual(rec);
        expect(await store.transact((tx) => tx.get(c, rec.id))).toEqual(rec);
      },
    );

    it('get of a missing id is null', async () => {
      expect(await store.get('users', 'nobody')).toBeNull();
      expect(await store.transact((tx) => tx.get('threads', 'nothing'))).toBeNull();
    });

    it('update changes only the given fields: booleans, nulls, numbers', async () => {
      const t = aThread({
        voterVerified: false,
        unreadByDeputy: true,
        firstReplyAt: null,
        firstReplySeconds: null,
      });
      await seed('threads', [t]);
      await store.transact((tx) =>
        tx.update('threads', t.id, {
          voterVerified: true,
          unreadByDeputy: false,
          firstReplyAt: at(30),
          firstReplySeconds: 1800,
          awaitingSince: null,
        }),
      );
      expect(await store.get('threads', t.id)).toEqual({
        ...t,
        voterVerified: true,
        unreadByDeputy: false,
        firstReplyAt: at(30),
        firstReplySeconds: 1800,
        awaitingSince: null,
      });
      await store.transact((tx) => tx.update('threads', t.id, { voterVerified: false, firstReplyAt: null }));
      const back = await store.get('threads', t.id);
      expect(back).toMatchObject({ voterVerified: false, firstReplyAt: null, firstReplySeconds: 1800 });
    });

    it('update of a JSON object field replaces it whole (never merges)', async () => {
      const a = anAuditEntry({ detail: { a: 1, b: { c: 2 } } });
      await seed('audit', [a]);
      await store.transact((tx) => tx.update('audit', a.id, { detail: { b: { d: 3 } } }));
      expect((await store.get('audit', a.id))!.detail).toEqual({ b: { d: 3 } });
      await store.transact((tx) => tx.update('audit', a.id, { detail: {} }));
      expect((await store.get('audit', a.id))!.detail).toEqual({});
    });

    it('idempotency results keep their JSON shape (object, array, string, number, null)', async () => {
      const results: unknown[] = [{ a: [1, { b: null }] }, ['x', 2], 'done', 42, null];
      const recs = results.map((result) => anIdempotencyRecord({ result }));
      await seed('idempotency', recs);
      for (const r of recs) expect((await store.get('idempotency', r.id))!.result).toEqual(r.result);
    });

    it('update with the values already stored succeeds (not NOT_FOUND)', async () => {
      const c = aCounter({ count: 3 });
      await seed('counters', [c]);
      await store.transact((tx) => tx.update('counters', c.id, { count: 3 }));
      expect(await store.get('counters', c.id)).toEqual(c);
    });

    it('remove deletes; removing a missing id is a no-op', async () => {
      const c = aConsent();
      await seed('consents', [c]);
      await store.transact((tx) => tx.remove('consents', c.id));
      expect(await store.get('consents', c.id)).toBeNull();
      await store.transact((tx) => tx.remove('consents', c.id));
    });

    it('inserting an existing id is CONFLICT and keeps the first', async () => {
      const u = aUser({ displayName: 'first' });
      await seed('users', [u]);
      expect(await codeOf(seed('users', [{ ...u, displayName: 'second' }]))).toBe('CONFLICT');
      expect((await store.get('users', u.id))!.displayName).toBe('first');
    });

    it('updating a missing document is NOT_FOUND', async () => {
      expect(await codeOf(store.transact((tx) => tx.update('users', 'ghost', { displayName: 'x' })))).toBe(
        'NOT_FOUND',
      );
    });

    it('unique fields: a second user with the same openid or deputy with the same code is CONFLICT', async () => {
      await seed('users', [aUser({ openid: 'o-1' })]);
      expect(await codeOf(seed('users', [aUser({ openid: 'o-1' })]))).toBe('CONFLICT');
      await seed('deputies', [aDeputy({ code: 'ABC' })]);
      expect(await codeOf(seed('deputies', [aDeputy({ code: 'ABC' })]))).toBe('CONFLICT');
    });

    it('nullable fields never collide: many unverified users, many deputies without an account', async () => {
      await seed('users', [aUser(), aUser(), aUser()]);
      await seed('deputies', [aDeputy(), aDeputy()]);
      await seed('registerEntries', [aRegisterEntry(), aRegisterEntry()]);
    });
  });

  describe('units of work', () => {
    it('returns what the work returns and sees its own writes', async () => {
      const u = aUser();
      const seen = await store.transact(async (tx) => {
        await tx.insert('users', u);
        await tx.update('users', u.id, { displayName: 'renamed' });
        return tx.get('users', u.id);
      });
      expect(seen).toEqual({ ...u, displayName: 'renamed' });
    });

    it('rolls back every write when the work throws, and rethrows the same error', async () => {
      const keep = aUser({ displayName: 'keep' });
      const gone = aConsent();
      await seed('users', [keep]);
      await seed('consents', [gone]);
      const boom = new AppError('FULL', 'no seats');
      const fresh = anOutboxItem();
      const attempt = store.transact(async (tx) => {
        await tx.insert('outbox', fresh);
        await tx.update('users', keep.id, { displayName: 'changed' });
        await tx.remove('consents', gone.id);
        throw boom;
      });
      await expect(attempt).rejects.toBe(boom);
      expect(await store.get('outbox', fresh.id)).toBeNull();
      expect(await store.get('users', keep.id)).toEqual(keep);
      expect(await store.get('consents', gone.id)).toEqual(gone);
    });

    it('a failed insert inside the work rolls back the writes before it', async () => {
      const existing = aUser();
      await seed('users', [existing]);
      const m = aMessage();
      const attempt = store.transact(async (tx) => {
        await tx.insert('messages', m);
        await tx.insert('users', existing);
      });
      expect(await codeOf(attempt)).toBe('CONFLICT');
      expect(await store.get('messages', m.id)).toBeNull();
    });

    it('concurrent read-modify-write units of work on one counter lose no update', async () => {
      const c = aCounter({ count: 0 });
      await seed('counters', [c]);
      await Promise.all(
        [1, 2, 3, 4].map(() =>
          store.transact(async (tx) => {
            const cur = (await tx.get('counters', c.id))!;
            await tx.update('counters', c.id, { count: cur.count + 1 });
          }),
        ),
      );
      expect((await store.get('counters', c.id))!.count).toBe(4);
    });

    it('two concurrent inserts of one id: one lands, the other is CONFLICT', async () => {
      const rec = anIdempotencyRecord();
      const results = await Promise.all([
        codeOf(seed('idempotency', [{ ...rec, result: 'a' }])),
        codeOf(seed('idempotency', [{ ...rec, result: 'b' }])),
      ]);
      expect(results.sort()).toEqual(['CONFLICT', 'resolved']);
      expect(['a', 'b']).toContain((await store.get('idempotency', rec.id))!.result);
    });
  });

  describe('queries', () => {
    it('regions(): all of them (past one server page), by kind, name, id', async () => {
      const rows = Array.from({ length: 130 }, (_, i) =>
        aRegion({
          id: `r-${String(i).padStart(3, '0')}`,
          kind: (['county', 'township', 'constituency'] as const)[i % 3],
          name: `区${i % 7}`,
        }),
      );
      await seed('regions', rows);
      const got = await store.queries(sharedStorage).regions();
      const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const expected = [...rows].sort(
        (a, b) => cmp(a.kind, b.kind) || cmp(a.name, b.name) || cmp(a.id, b.id),
      );
      expect(got).toEqual(expected);
    });

    it('stations(): by name, id', async () => {
      const rows = [aStation({ name: '乙站' }), aStation({ name: '甲站' }), aStation({ name: '乙站' })];
      await seed('stations', rows);
      expect((await store.queries(sharedStorage).stations()).map((s) => s.id)).toEqual(
        ordered(rows, (s) => s.name, 'asc'),
      );
    });

    it('userByOpenid, grantsOfUser, deputyByUser, deputyByCode', async () => {
      const u = aUser({ openid: 'o-find' });
      await seed('users', [u, aUser()]);
      expect(await store.queries(sharedStorage).userByOpenid('o-find')).toEqual(u);
      expect(await store.queries(sharedStorage).userByOpenid('o-none')).toBeNull();

      const grants = [
        aRoleGrant({ userId: u.id, role: 'voter', scopeId: 'c-2' }),
        aRoleGrant({ userId: u.id, role: 'deputy', scopeKind: 'deputy', scopeId: 'd-1' }),
        aRoleGrant({ userId: 'someone-else' }),
      ];
      await seed('roleGrants', grants);
      expect((await store.queries(sharedStorage).grantsOfUser(u.id)).map((g) => g.id)).toEqual(
        ordered(grants.slice(0, 2), (g) => g.id, 'asc'),
      );

      const d = aDeputy({ userId: u.id, code: 'K7Q' });
      await seed('deputies', [d, aDeputy(), aDeputy()]);
      expect(await store.queries(sharedStorage).deputyByUser(u.id)).toEqual(d);
      expect(await store.queries(sharedStorage).deputyByUser('nobody')).toBeNull();
      expect(await store.queries(sharedStorage).deputyByCode('K7Q')).toEqual(d);
      expect(await store.queries(sharedStorage).deputyByCode('NONE')).toBeNull();
    });

    it('deputies(): filters, order by the pinyin key then id, keyset pages across ties', async () => {
      const names = ['王', '李', '李', '张', '李', '王', '赵'];
      const rows = names.map((name, i) =>
        aDeputy({
          id: `dep-${[5, 2, 9, 1, 7, 3, 8][i]}`,
          name,
          constituencyId: i % 2 ? 'c-a' : 'c-b',
          townshipId: i < 5 ? 't-1' : 't-2',
        }),
      );
      await seed('deputies', rows);
      const key = (d: (typeof rows)[number]) => d.nameKey;
      for (const size of [1, 2, 3, 10]) {
        expect(await readAll((o) => store.queries(sharedStorage).deputies({}, o), key, size)).toEqual(
          ordered(rows, key, 'asc'),
        );
      }
      const pick = (f: (d: (typeof rows)[number]) => boolean) => ordered(rows.filter(f), key, 'asc');
      expect(
        await readAll((o) => store.queries(sharedStorage).deputies({ constituencyId: 'c-a' }, o), key, 2),
      ).toEqual(pick((d) => d.constituencyId === 'c-a'));
      expect(
        await readAll((o) => store.queries(sharedStorage).deputies({ townshipId: 't-1' }, o), key, 2),
      ).toEqual(pick((d) => d.townshipId === 't-1'));
      expect(
        await readAll(
          (o) => store.queries(sharedStorage).deputies({ excludeConstituencyId: 'c-a' }, o),
          key,
          2,
        ),
      ).toEqual(pick((d) => d.constituencyId !== 'c-a'));
      expect(
        await readAll(
          (o) =>
            store.queries(sharedStorage).deputies({ townshipId: 't-1', excludeConstituencyId: 'c-b' }, o),
          key,
          2,
        ),
      ).toEqual(pick((d) => d.townshipId === 't-1' && d.constituencyId !== 'c-b'));
    });

    it('registerEntries(): one constituency, by the pinyin key then id, paged', async () => {
      const rows = ['周', '吴', '周', '郑', '周'].map((name, i) =>
        aRegisterEntry({ id: `e-${[4, 1, 3, 2, 0][i]}`, name, constituencyId: i === 3 ? 'other' : 'c-1' }),
      );
      await seed('registerEntries', rows);
      const key = (e: (typeof rows)[number]) => e.nameKey;
      expect(
        await readAll(
          (o) => store.queries(accountStorage).registerEntries({ constituencyId: 'c-1' }, o),
          key,
          2,
        ),
      ).toEqual(
        ordered(
          rows.filter((e) => e.constituencyId === 'c-1'),
          key,
          'asc',
        ),
      );
    });

    it('conflicts(): filters, newest first, ties by id desc, paged', async () => {
      const rows = [0, 5, 5, 9, 5, 2].map((m, i) =>
        aConflict({
          id: `cf-${[3, 1, 4, 0, 5, 2][i]}`,
          createdAt: at(m),
          countyId: 'k-1',
          townshipId: i % 2 ? 't-1' : 't-2',
          status: i === 3 ? 'resolved' : 'open',
        }),
      );
      await seed('conflicts', [...rows, aConflict({ countyId: 'k-other', townshipId: 't-x' })]);
      const key = (c: (typeof rows)[number]) => c.createdAt;
      const pick = (f: (c: (typeof rows)[number]) => boolean) => ordered(rows.filter(f), key, 'desc');
      expect(
        await readAll((o) => store.queries(accountStorage).conflicts({ countyId: 'k-1' }, o), key, 2),
      ).toEqual(pick(() => true));
      expect(
        await readAll((o) => store.queries(accountStorage).conflicts({ townshipId: 't-1' }, o), key, 2),
      ).toEqual(pick((c) => c.townshipId === 't-1'));
      expect(
        await readAll(
          (o) => store.queries(accountStorage).conflicts({ countyId: 'k-1', status: 'open' }, o),
          key,
          2,
        ),
      ).toEqual(pick((c) => c.status === 'open'));
      expect(
        await readAll(
          (o) => store.queries(accountStorage).conflicts({ townshipId: 't-2', status: 'resolved' }, o),
          key,
          1,
        ),
      ).toEqual(pick((c) => c.townshipId === 't-2' && c.status === 'resolved'));
    });

    it('threadsOfDeputy(): visible only, filters, most recent first, ties by id, paged; unread count', async () => {
      const spec: Array<[number, Partial<ReturnType<typeof aThread>>]> = [
        [10, { status: 'new', unreadByDeputy: true }],
        [20, { status: 'read', unreadByDeputy: false, voterVerified: true }],
        [20, { status: 'new', unreadByDeputy: true, voterVerified: true }],
        [30, { status: 'replied', unreadByDeputy: false }],
        [20, { status: 'new', unreadByDeputy: true }],
        [40, { status: 'new', unreadByDeputy: true, held: true }],
        [50, { deputyId: 'deputy-other', unreadByDeputy: true }],
      ];
      const rows = spec.map(([m, over], i) =>
        aThread({ id: `th-${[6, 2, 5, 1, 3, 4, 0][i]}`, deputyId: 'dep-1', lastMessageAt: at(m), ...over }),
      );
      await seed('threads', rows);
      const key = (t: (typeof rows)[number]) => t.lastMessageAt;
      const mine = rows.filter((t) => t.deputyId === 'dep-1' && !t.held);
      const pick = (f: (t: (typeof rows)[number]) => boolean) => ordered(mine.filter(f), key, 'desc');
      expect(
        await readAll((o) => store.queries(contactStorage).threadsOfDeputy({ deputyId: 'dep-1' }, o), key, 2),
      ).toEqual(pick(() => true));
      expect(
        await readAll(
          (o) => store.queries(contactStorage).threadsOfDeputy({ deputyId: 'dep-1', status: 'new' }, o),
          key,
          1,
        ),
      ).toEqual(pick((t) => t.status === 'new'));
      expect(
        await readAll(
          (o) => store.queries(contactStorage).threadsOfDeputy({ deputyId: 'dep-1', verifiedOnly: true }, o),
          key,
          1,
        ),
      ).toEqual(pick((t) => t.voterVerified));
      expect(
        await readAll(
          (o) => store.queries(contactStorage).threadsOfDeputy({ deputyId: 'dep-1', verifiedOnly: false }, o),
          key,
          3,
        ),
      ).toEqual(pick(() => true));
      expect(await store.queries(contactStorage).unreadThreadsOfDeputy('dep-1')).toBe(3);
      expect(await store.queries(contactStorage).unreadThreadsOfDeputy('nobody')).toBe(0);
    });

    it('threadsOfVoter(): the voter’s own, held ones included, most recent first, paged', async () => {
      const rows = [5, 1, 5, 3].map((m, i) =>
        aThread({ id: `tv-${[2, 0, 1, 3][i]}`, voterUserId: 'voter-1', lastMessageAt: at(m), held: i === 1 }),
      );
      await seed('threads', [...rows, aThread({ voterUserId: 'voter-2' })]);
      const key = (t: (typeof rows)[number]) => t.lastMessageAt;
      expect(
        await readAll((o) => store.queries(contactStorage).threadsOfVoter('voter-1', o), key, 2),
      ).toEqual(ordered(rows, key, 'desc'));
    });

    it('messagesOfThread(): oldest first, ties by id, paged', async () => {
      const rows = [0, 2, 2, 1, 2].map((m, i) =>
        aMessage({ id: `m-${[1, 4, 2, 0, 3][i]}`, threadId: 'th-1', createdAt: at(m) }),
      );
      await seed('messages', [...rows, aMessage({ threadId: 'th-2' })]);
      const key = (m: (typeof rows)[number]) => m.createdAt;
      expect(await readAll((o) => store.queries(contactStorage).messagesOfThread('th-1', o), key, 2)).toEqual(
        ordered(rows, key, 'asc'),
      );
    });

    it('heldMessages(): held for review only (not those waiting with their thread), by office scope, oldest first, paged', async () => {
      const rows = [3, 1, 3, 0, 2, 1].map((m, i) =>
        aMessage({
          id: `hm-${[5, 1, 4, 0, 3, 2][i]}`,
          createdAt: at(m),
          status: i === 4 ? 'visible' : 'held',
          countyId: 'k-1',
          townshipId: i % 2 ? 't-1' : 't-2',
        }),
      );
      await seed('messages', [
        ...rows,
        aMessage({ status: 'held', countyId: 'k-2', townshipId: 't-9' }),
        // Waiting only with its held thread: not for staff to review on its own.
        aMessage({ status: 'held', heldReason: 'thread', countyId: 'k-1', townshipId: 't-1' }),
      ]);
      const key = (m: (typeof rows)[number]) => m.createdAt;
      const held = rows.filter((m) => m.status === 'held');
      expect(
        await readAll((o) => store.queries(contactStorage).heldMessages({ countyId: 'k-1' }, o), key, 2),
      ).toEqual(ordered(held, key, 'asc'));
      expect(
        await readAll((o) => store.queries(contactStorage).heldMessages({ townshipId: 't-1' }, o), key, 2),
      ).toEqual(
        ordered(
          held.filter((m) => m.townshipId === 't-1'),
          key,
          'asc',
        ),
      );
      expect((await store.queries(contactStorage).heldMessages({}, { limit: 100 })).length).toBe(
        held.length + 1,
      );
    });

    it('outboxOfUser(), unreadOutbox(), pendingOutbox()', async () => {
      const rows = [4, 1, 4, 2, 3].map((m, i) =>
        anOutboxItem({
          id: `ob-${[2, 4, 0, 1, 3][i]}`,
          userId: 'u-1',
          createdAt: at(m),
          status: i === 1 ? 'sent' : 'pending',
          readAt: i === 0 || i === 3 ? at(9) : null,
        }),
      );
      const other = anOutboxItem({ userId: 'u-2', createdAt: at(0), status: 'pending' });
      await seed('outbox', [...rows, other]);
      const key = (o: (typeof rows)[number]) => o.createdAt;
      expect(await readAll((o) => store.queries(sharedStorage).outboxOfUser('u-1', o), key, 2)).toEqual(
        ordered(rows, key, 'desc'),
      );
      expect(await store.queries(sharedStorage).unreadOutbox('u-1')).toBe(3);
      expect(await store.queries(sharedStorage).unreadOutbox('u-3')).toBe(0);

      const pending = [...rows, other].filter((o) => o.status === 'pending');
      expect((await store.queries(sharedStorage).pendingOutbox(10)).map((o) => o.id)).toEqual(
        ordered(pending, key, 'asc'),
      );
      expect((await store.queries(sharedStorage).pendingOutbox(2)).map((o) => o.id)).toEqual(
        ordered(pending, key, 'asc').slice(0, 2),
      );
    });

    it('unreadAt(): a user’s unread notifications that open one page, oldest first', async () => {
      const page = '/pages/thread/index?threadId=t-1';
      const rows = [2, 0, 1].map((m, i) =>
        anOutboxItem({ id: `na-${[2, 0, 1][i]}`, userId: 'u-1', link: page, createdAt: at(m) }),
      );
      await seed('outbox', [
        ...rows,
        anOutboxItem({ userId: 'u-1', link: page, readAt: at(5) }),
        anOutboxItem({ userId: 'u-1', link: '/pages/thread/index?threadId=t-2' }),
        anOutboxItem({ userId: 'u-2', link: page }),
      ]);
      expect((await store.queries(sharedStorage).unreadAt('u-1', page)).map((o) => o.id)).toEqual(
        ordered(rows, (o) => o.createdAt, 'asc'),
      );
      expect(await store.queries(sharedStorage).unreadAt('u-3', page)).toEqual([]);
    });

    it('activitiesOfDeputy(): newest first, ties by id, paged', async () => {
      const rows = [1, 3, 3, 2, 3].map((m, i) =>
        anActivity({ id: `ac-${[0, 3, 1, 4, 2][i]}`, deputyId: 'dep-1', at: at(m), points: i / 2 }),
      );
      await seed('activities', [...rows, anActivity({ deputyId: 'dep-2' })]);
      const key = (a: (typeof rows)[number]) => a.at;
      expect(
        await readAll((o) => store.queries(sharedStorage).activitiesOfDeputy('dep-1', o), key, 2),
      ).toEqual(ordered(rows, key, 'desc'));
      expect((await store.queries(sharedStorage).activitiesOfDeputy('dep-1', { limit: 1 }))[0]).toEqual(
        rows.find((r) => r.id === ordered(rows, key, 'desc')[0]),
      );
    });

    it('heldImages(): one module’s waiting reviews in a county or township, held by then, oldest first, paged', async () => {
      const review = (id: string, o: Partial<Collections['imageReviews']>): Collections['imageReviews'] => ({
        id,
        module: 'groups',
        ref: `groupPosts/${id}`,
        targetId: id,
        imageIndex: 0,
        fileId: `cloud://env.b/uploads/u1/${id}.jpg`,
        authorUserId: 'u1',
        countyId: 'county-1',
        townshipId: 'township-1',
        label: '群公告',
        status: 'waiting',
        heldAt: at(1),
        decidedBy: null,
        decidedAt: null,
        ...o,
      });
      const rows = [3, 1, 3, 2, 4].map((m, i) => review(`ir-${[2, 0, 3, 1, 4][i]}`, { heldAt: at(m) }));
      await seed('imageReviews', [
        ...rows,
        review('ir-later', { heldAt: at(9) }),
        review('ir-done', { status: 'released', decidedAt: at(2), decidedBy: 'u-9' }),
        review('ir-settled', { status: 'settled' }),
        review('ir-case', { module: 'cases' }),
        review('ir-other', { countyId: 'county-2', townshipId: 'township-2' }),
      ]);
      const q = store.queries(sharedStorage);
      const key = (r: (typeof rows)[number]) => r.heldAt;
      expect(
        await readAll(
          (o) => q.heldImages({ module: 'groups', countyId: 'county-1', heldBy: at(5) }, o),
          key,
          2,
        ),
      ).toEqual(ordered(rows, key, 'asc'));
      expect(
        (
          await q.heldImages({ module: 'groups', townshipId: 'township-1', heldBy: at(2) }, { limit: 10 })
        ).map((r) => r.id),
      ).toEqual(['ir-0', 'ir-1']);
      expect(
        (await q.heldImages({ module: 'cases', townshipId: 'township-1', heldBy: at(5) }, { limit: 10 })).map(
          (r) => r.id,
        ),
      ).toEqual(['ir-case']);
    });
  });
});
