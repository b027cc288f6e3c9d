/**
 * The groups queries on every Store adapter: filters, order (the feed newest first with pinned on top),
 * keyset pages across ties, scopes that match nothing when empty, JSON and boolean round trips.
 */
import type { Store } from '../../cloudfunctions/core/ports';
import { groupsStorage } from '../../cloudfunctions/modules/groups/storage';
import { at } from './fixtures';
import {
  aChat,
  aFanout,
  aGroup,
  aGroupComment,
  aGroupTally,
  aMember,
  anEdit,
  aPost,
  aReview,
} from './groups-fixtures';
import { type Engine, engines, ordered, readAll, seed } from './harness';

describe.each(engines)('Store contract, groups — %s', (_name, open) => {
  let engine: Engine;
  let store: Store;
  const q = () => store.queries(groupsStorage);

  beforeEach(() => {
    engine = open();
    store = engine.store;
  });
  afterEach(() => engine.close());

  it('groupByCode: the one group with that code, or none; codes are unique', async () => {
    const g = aGroup();
    await seed(store, 'groups', [g, aGroup()]);
    expect((await q().groupByCode(g.code))?.id).toBe(g.id);
    expect(await q().groupByCode('GZZZZZZZ')).toBeNull();
    await expect(seed(store, 'groups', [aGroup({ code: g.code })])).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('groupsIn: by county, township, constituency or station, newest first, paged across ties; an empty scope matches nothing', async () => {
    const rows = [1, 1, 1, 2, 5].map((m) => aGroup({ createdAt: at(m) }));
    const station = aGroup({ kind: 'station', constituencyId: null, stationId: 'st-1', createdAt: at(3) });
    const elsewhere = aGroup({ countyId: 'county-2', townshipId: 'tw-2', constituencyId: 'c-2' });
    await seed(store, 'groups', [...rows, station, elsewhere]);
    const inCounty = [...rows, station];
    expect(
      await readAll(
        (o) => q().groupsIn({ countyId: rows[0].countyId }, o),
        (g) => g.createdAt,
        2,
      ),
    ).toEqual(ordered(inCounty, (g) => g.createdAt, 'desc'));
    expect((await q().groupsIn({ townshipId: rows[0].townshipId }, { limit: 10 })).length).toBe(6);
    expect((await q().groupsIn({ constituencyId: rows[0].constituencyId! }, { limit: 10 })).length).toBe(5);
    expect((await q().groupsIn({ stationId: 'st-1' }, { limit: 10 })).map((g) => g.id)).toEqual([station.id]);
    expect(await q().groupsIn({}, { limit: 10 })).toEqual([]);
  });

  it('membersOf: one group, one status, in the order they came, paged across ties', async () => {
    const members = [1, 1, 1, 2, 3].map((m) => aMember({ groupId: 'g-1', listedAt: at(m) }));
    const pending = aMember({ groupId: 'g-1', status: 'pending', listedAt: at(0) });
    await seed(store, 'groupMembers', [...members, pending, aMember({ groupId: 'g-2' })]);
    expect(
      await readAll(
        (o) => q().membersOf('g-1', 'member', o),
        (m) => m.listedAt,
        2,
      ),
    ).toEqual(ordered(members, (m) => m.listedAt, 'asc'));
    expect((await q().membersOf('g-1', 'pending', { limit: 10 })).map((m) => m.id)).toEqual([pending.id]);
    expect(await q().membersOf('g-1', 'removed', { limit: 10 })).toEqual([]);
  });

  it('membershipsOf: a user’s active memberships (member or pending), newest first', async () => {
    const rows = [1, 2, 2, 3].map((m, i) =>
      aMember({ groupId: `g-${i}`, userId: 'u-1', listedAt: at(m), status: i === 1 ? 'pending' : 'member' }),
    );
    const gone = aMember({ groupId: 'g-9', userId: 'u-1', status: 'left', active: false });
    await seed(store, 'groupMembers', [...rows, gone, aMember({ userId: 'u-2' })]);
    expect(
      await readAll(
        (o) => q().membershipsOf('u-1', o),
        (m) => m.listedAt,
        3,
      ),
    ).toEqual(ordered(rows, (m) => m.listedAt, 'desc'));
  });

  it('feed: pinned on top, then newest first, across ties; members see visible posts only', async () => {
    const plain = [1, 2, 2, 3, 4].map((m) => aPost({ groupId: 'g-1', createdAt: at(m) }));
    const pinnedOld = aPost({
      groupId: 'g-1',
      createdAt: at(0),
      pinned: true,
      pinnedAt: at(5),
      feedKey: `1:${at(5)}`,
    });
    const pinnedNew = aPost({
      groupId: 'g-1',
      createdAt: at(1),
      pinned: true,
      pinnedAt: at(9),
      feedKey: `1:${at(9)}`,
    });
    const held = aPost({ groupId: 'g-1', createdAt: at(6), status: 'held' });
    const hidden = aPost({ groupId: 'g-1', createdAt: at(7), status: 'hidden', hiddenBy: 'reports' });
    await seed(store, 'groupPosts', [
      ...plain,
      pinnedOld,
      pinnedNew,
      held,
      hidden,
      aPost({ groupId: 'g-2' }),
    ]);
    const all = await readAll(
      (o) => q().feed('g-1', { visibleOnly: false }, o),
      (p) => p.feedKey,
      3,
    );
    expect(all.slice(0, 2)).toEqual([pinnedNew.id, pinnedOld.id]);
    expect(all).toEqual(ordered([...plain, pinnedOld, pinnedNew, held, hidden], (p) => p.feedKey, 'desc'));
    const visible = await readAll(
      (o) => q().feed('g-1', { visibleOnly: true }, o),
      (p) => p.feedKey,
      2,
    );
    expect(visible).toEqual(ordered([...plain, pinnedOld, pinnedNew], (p) => p.feedKey, 'desc'));
  });

  it('commentsOf: oldest first, paged across ties; editsOf: newest first, at most the limit', async () => {
    const comments = [1, 1, 2, 3].map((m) => aGroupComment({ postId: 'p-1', createdAt: at(m) }));
    await seed(store, 'groupComments', [...comments, aGroupComment({ postId: 'p-2' })]);
    expect(
      await readAll(
        (o) => q().commentsOf('p-1', o),
        (c) => c.createdAt,
        3,
      ),
    ).toEqual(ordered(comments, (c) => c.createdAt, 'asc'));
    const edits = [1, 2, 3].map((m, i) =>
      anEdit({ id: `p-1:${i + 1}`, postId: 'p-1', version: i + 1, at: at(m) }),
    );
    await seed(store, 'groupPostEdits', [...edits, anEdit({ postId: 'p-2' })]);
    expect((await q().editsOf('p-1', 2)).map((e) => e.version)).toEqual([3, 2]);
  });

  it('talliesOf and chatsOf: one post’s shards, one group’s chats; counts and flags round-trip', async () => {
    const shards = [0, 1].map((shard) => aGroupTally({ id: `p-1:votes:0${shard}`, postId: 'p-1', shard }));
    const reads = aGroupTally({ id: 'p-1:reads:00', postId: 'p-1', kind: 'reads', counts: [4] });
    await seed(store, 'groupTallies', [...shards, reads, aGroupTally({ postId: 'p-2' })]);
    expect(await q().talliesOf('p-1')).toEqual([reads, ...shards]);
    await store.transact((tx) => tx.update('groupTallies', 'p-1:reads:00', { counts: [5] }));
    expect((await store.get('groupTallies', 'p-1:reads:00'))!.counts).toEqual([5]);
    const chats = [
      aChat({ id: 'g-1:b', groupId: 'g-1', demo: true, opengid: 'demo-b' }),
      aChat({ id: 'g-1:a', groupId: 'g-1' }),
    ];
    await seed(store, 'groupChats', [...chats, aChat({ groupId: 'g-2' })]);
    expect(await q().chatsOf('g-1')).toEqual([chats[1], chats[0]]);
  });

  it('openReviews: open ones of a group or of a place, newest first; closed ones and empty scopes never', async () => {
    const rows = [1, 2, 2, 3].map((m) => aReview({ groupId: 'g-1', openedAt: at(m) }));
    const closed = aReview({ groupId: 'g-1', open: false });
    const station = aReview({ groupId: 'g-s', constituencyId: null, stationId: 'st-1', openedAt: at(4) });
    const elsewhere = aReview({ groupId: 'g-e', countyId: 'c-2', townshipId: 't-2', constituencyId: 'x-2' });
    await seed(store, 'groupReviews', [...rows, closed, station, elsewhere]);
    expect(
      await readAll(
        (o) => q().openReviews({ groupId: 'g-1' }, o),
        (r) => r.openedAt,
        3,
      ),
    ).toEqual(ordered(rows, (r) => r.openedAt, 'desc'));
    expect((await q().openReviews({ townshipId: rows[0].townshipId }, { limit: 10 })).length).toBe(5);
    expect((await q().openReviews({ countyId: rows[0].countyId }, { limit: 10 })).length).toBe(5);
    expect((await q().openReviews({ constituencyId: rows[0].constituencyId! }, { limit: 10 })).length).toBe(
      4,
    );
    expect((await q().openReviews({ stationId: 'st-1' }, { limit: 10 })).map((r) => r.id)).toEqual([
      station.id,
    ]);
    expect(await q().openReviews({}, { limit: 10 })).toEqual([]);
  });

  it('pendingFanouts, pollsClosingBy, postsWithPendingImages: what the timer works on, oldest first', async () => {
    const fanouts = [aFanout({ createdAt: at(2) }), aFanout({ createdAt: at(1) }), aFanout({ done: true })];
    await seed(store, 'groupFanouts', fanouts);
    expect((await q().pendingFanouts(10)).map((f) => f.id)).toEqual([fanouts[1].id, fanouts[0].id]);
    expect(await q().pendingFanouts(1)).toHaveLength(1);

    const poll = (closesAt: string, open = true) =>
      aPost({
        poll: { options: ['甲', '乙'], closesAt, closedAt: open ? null : closesAt },
        pollOpen: open,
        pollClosesAt: closesAt,
      });
    const soon = poll(at(10));
    const exactly = poll(at(50));
    const later = poll(at(100));
    const done = poll(at(5), false);
    await seed(store, 'groupPosts', [soon, exactly, later, done, aPost()]);
    expect((await q().pollsClosingBy(at(50), 10)).map((p) => p.id)).toEqual([soon.id, exactly.id]);

    const waiting = [
      aPost({ imagesPending: true, createdAt: at(3) }),
      aPost({ imagesPending: true, createdAt: at(2) }),
    ];
    await seed(store, 'groupPosts', waiting);
    expect((await q().postsWithPendingImages(10)).map((p) => p.id)).toEqual([waiting[1].id, waiting[0].id]);
  });
});
