/**
 * Real-name groups through the handlers on both engines: creating, joining (auto, approval, twice, refused,
 * from a linked chat), removing and muting taking effect at once, posts (held, refused, images waiting for
 * their check, edits with history and a stale version), the feed with pinned on top and unread counts,
 * reads once per member, polls (one vote, results after voting or close, closing by the timer, a burst of
 * votes counted exactly), comments with masked names, reports hiding at 3 and reviews, notifications fanned
 * out by the timer within the subscriptions members granted, the reception day's announcement, retries
 * and a failure mid-action that leaves nothing behind.
 */
import { runEvent, runJobs } from '../../cloudfunctions/core/jobs';
import type { Tx } from '../../cloudfunctions/core/ports';
import { JOB_STEPS } from '../../cloudfunctions/modules/registry';
import { DEMO_GROUP_CODE, DEMO_GROUP_ID } from '../../cloudfunctions/modules/groups/seed';
import { groupsQueries } from '../../cloudfunctions/modules/groups/storage';
import { fanOut, FANOUT_BATCH, FANOUT_BATCHES_PER_RUN } from '../../cloudfunctions/modules/groups/jobs';
import { sharedQueries, userIdFor } from '../../cloudfunctions/modules/shared/public';
import { ENGINES, makeWorld, type EngineName, type Who, type World } from './harness';
import { checkAtOnce, checkLater, upload as uploadAs } from './media';

const DAY = 86400_000;
jest.setTimeout(120_000);

let w: World;
const at = (days: number) => new Date(w.clock.now().getTime() + days * DAY).toISOString();
/** A stored upload of `who` (what POST /api/files or cloud storage would hold). */
async function upload(who: 'deputy' | 'voter' | { openid: string }, name: string) {
  const uid = typeof who === 'string' ? w.userId(who) : userIdFor(who.openid);
  return uploadAs(w, uid, name);
}

/** A verified voter of `constituencyId` (their register entry set directly). */
async function voterOf(openid: string, constituencyId: string): Promise<{ openid: string }> {
  await w.call({ openid }, 'account', 'me', {});
  await w.ports.store.transact((tx) =>
    tx.update('users', userIdFor(openid), {
      verifiedEntryId: `entry-${openid}`,
      verifiedAt: at(-1),
      constituencyId,
    }),
  );
  return { openid };
}

async function newGroup(joinRule: 'auto' | 'approval' = 'auto', name = '第一选区议事群') {
  return w.call('deputy', 'groups', 'create', { constituencyId: 'tw-qs-c1', name, joinRule });
}

async function post(groupId: string, text: string, extra: Record<string, unknown> = {}, requestId?: string) {
  return w.call('deputy', 'groups', 'post', { groupId, text, ...extra }, requestId);
}

const feedOf = (who: Who, groupId: string, cursor?: string) =>
  w.call(who, 'groups', 'feed', { groupId, cursor });

/** The database is byte for byte as it was after `act`, which must fail with `code`. */
async function refusedUnchanged(code: string, act: () => Promise<{ ok: boolean }>) {
  const before = w.fingerprint();
  const r = await act();
  expect(r).toMatchObject({ ok: false, error: { code } });
  expect(w.fingerprint()).toBe(before);
}

describe.each(ENGINES)('groups on %s', (engine: EngineName) => {
  beforeEach(async () => {
    w = await makeWorld({ engine });
  });

  it('the demo group: 李华 owns it, 王小明 is in it with one unread, and the poll waits for his vote', async () => {
    const mine = await w.call('voter', 'groups', 'mine', {});
    expect(mine.items).toEqual([
      expect.objectContaining({ groupId: DEMO_GROUP_ID, status: 'member', unread: 1, muted: false }),
    ]);
    const feed = await feedOf('voter', DEMO_GROUP_ID);
    expect(feed.group).toMatchObject({ role: 'member', name: '青石镇第一选区选民群' });
    expect(feed.items.map((p) => p.postId)).toEqual(['gp-demo-welcome', 'gp-demo-poll', 'gp-demo-lights']);
    expect(feed.items[0].pinned).toBe(true);
    expect(feed.items[1].poll).toMatchObject({ myVote: null, results: null, closed: false });
    expect(feed.items.every((p) => p.readCount === null && p.memberCount === null)).toBe(true);
    // Opening the feed is seeing what is new.
    expect((await w.call('voter', 'groups', 'mine', {})).items[0].unread).toBe(0);
    const owner = await feedOf('deputy', DEMO_GROUP_ID);
    expect(owner.group.role).toBe('owner');
    expect(owner.items.map((p) => [p.postId, p.readCount, p.memberCount])).toEqual([
      ['gp-demo-welcome', 2, 2],
      ['gp-demo-poll', 1, 2],
      ['gp-demo-lights', 2, 2],
    ]);
    expect(owner.items[1].poll?.results).toEqual([0, 1, 0]);
    const preview = await w.call(null, 'groups', 'preview', { code: DEMO_GROUP_CODE.toLowerCase() });
    expect(preview.items[0]).toMatchObject({
      owners: ['李华代表'],
      placeName: '青石镇第一选区',
      joinAs: null,
      whyNot: '请先登录',
    });
  });

  it('creating a group records it in the deputy’s duty record; a station group belongs to its staff', async () => {
    const g = await newGroup('auto', '议事群');
    expect(g.code).toMatch(/^G[A-HJ-NP-Z2-9]{7}$/);
    const record = await w.call('deputy', 'account', 'dutyRecord', {});
    expect(record.items[0]).toMatchObject({ type: 'groups.create', summary: '建立实名制群：议事群' });
    const st = await w.call('station', 'groups', 'create', {
      stationId: 'tw-qs-st',
      name: '代表之家群',
      joinRule: 'approval',
    });
    expect((await w.call('station', 'groups', 'list', {})).items.map((x) => x.groupId)).toEqual([st.groupId]);
    expect((await w.call('deputy', 'groups', 'list', {})).items.map((x) => x.groupId)).toEqual([
      g.groupId,
      DEMO_GROUP_ID,
    ]);
    // The township office sees every group of 青石镇; the county office too.
    expect((await w.call('township', 'groups', 'list', {})).items).toHaveLength(3);
    expect((await w.call('county', 'groups', 'list', {})).items.every((x) => x.role === 'office')).toBe(true);
    // The deputy of 青石镇 does not own the station's group.
    await refusedUnchanged('FORBIDDEN', () =>
      w.raw('deputy', 'groups', 'post', { groupId: st.groupId, text: '通知' }),
    );
    // A group name the content check holds cannot wait on cards: refused.
    await refusedUnchanged('CONTENT_REJECTED', () =>
      w.raw('deputy', 'groups', 'create', { constituencyId: 'tw-qs-c1', name: '上访群', joinRule: 'auto' }),
    );
    // A retry with the same requestId creates nothing more.
    const a = await w.call(
      'deputy',
      'groups',
      'create',
      { constituencyId: 'tw-qs-c1', name: '甲群', joinRule: 'auto' },
      'req-group-1',
    );
    const b = await w.call(
      'deputy',
      'groups',
      'create',
      { constituencyId: 'tw-qs-c1', name: '甲群', joinRule: 'auto' },
      'req-group-1',
    );
    expect(b).toEqual(a);
  });

  it('joining: a verified voter of the constituency joins at once; twice, unverified or another constituency’s voter is refused and writes nothing', async () => {
    const g = await newGroup();
    expect(await w.call('voter', 'groups', 'join', { code: g.code, from: 'card' })).toEqual({
      groupId: g.groupId,
      status: 'member',
      linkedChat: false,
    });
    await refusedUnchanged('CONFLICT', () => w.raw('voter', 'groups', 'join', { code: g.code }));
    await refusedUnchanged('FORBIDDEN', () => w.raw('newcomer', 'groups', 'join', { code: g.code }));
    const far = await voterOf('far-voter', 'tw-lx-c1');
    const r = await w.raw(far, 'groups', 'join', { code: g.code });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('青石镇第一选区') },
    });
    const p = await w.call(far, 'groups', 'preview', { code: g.code });
    expect(p.items[0]).toMatchObject({ joinAs: null, whyNot: '本群只接受青石镇第一选区的实名认证选民加入' });
    // The owner does not join their own group.
    await refusedUnchanged('FORBIDDEN', () => w.raw('deputy', 'groups', 'join', { code: g.code }));
    await refusedUnchanged('NOT_FOUND', () => w.raw('voter', 'groups', 'join', { code: 'GZZZZZZZ' }));
    const members = await w.call('deputy', 'groups', 'members', { groupId: g.groupId });
    // Owners see registered names (王小明), never ID data.
    expect(members.items).toEqual([expect.objectContaining({ name: '王小明', via: 'card', inArea: true })]);
    expect(JSON.stringify(members)).not.toMatch(/idNumber|idMasked|\*{4}/);
    expect((await w.call('deputy', 'groups', 'list', {})).items[0]).toMatchObject({ memberCount: 1 });
    // Leaving, and coming back.
    await w.call('voter', 'groups', 'leave', { groupId: g.groupId });
    expect((await w.call('deputy', 'groups', 'list', {})).items[0]).toMatchObject({ memberCount: 0 });
    await refusedUnchanged('FORBIDDEN', () => w.raw('voter', 'groups', 'leave', { groupId: g.groupId }));
    await w.call('voter', 'groups', 'join', { code: g.code });
    expect((await w.call('deputy', 'groups', 'list', {})).items[0]).toMatchObject({ memberCount: 1 });
  });

  it('approval: voters queue (another constituency’s too) and an owner approves', async () => {
    const g = await newGroup('approval');
    const far = await voterOf('far-voter-2', 'tw-lx-c1');
    expect((await w.call(far, 'groups', 'join', { code: g.code })).status).toBe('pending');
    expect((await w.call('voter', 'groups', 'join', { code: g.code })).status).toBe('pending');
    await refusedUnchanged('FORBIDDEN', () => w.raw('voter', 'groups', 'feed', { groupId: g.groupId }));
    const pending = await w.call('deputy', 'groups', 'members', { groupId: g.groupId, status: 'pending' });
    expect(pending.items.map((m) => m.inArea).sort()).toEqual([false, true]);
    const approved = await w.call('deputy', 'groups', 'approve', {
      groupId: g.groupId,
      userId: w.userId('voter'),
    });
    expect(approved.status).toBe('member');
    await refusedUnchanged('CONFLICT', () =>
      w.raw('deputy', 'groups', 'approve', { groupId: g.groupId, userId: w.userId('voter') }),
    );
    expect((await feedOf('voter', g.groupId)).group.role).toBe('member');
    const notes = await w.call('voter', 'account', 'notifications', {});
    expect(notes.items[0]).toMatchObject({ title: '已加入实名制群' });
    // A pending request can be turned down (removed).
    await w.call('deputy', 'groups', 'remove', { groupId: g.groupId, userId: userIdFor('far-voter-2') });
    expect((await w.call('deputy', 'groups', 'list', {})).items[0]).toMatchObject({
      memberCount: 1,
      pendingCount: 0,
    });
  });

  it('a card opened in a WeChat chat links the chat: owners see how many verified members came through it', async () => {
    const g = await newGroup();
    const send = (who: Who, chat: unknown) =>
      w.send(who, 'groups', { action: 'join', data: { code: g.code, chat: true }, chat });
    expect(await send('voter', { demo: 'family' })).toMatchObject({ ok: true, data: { linkedChat: true } });
    const holder = { openid: 'demo:holder' };
    expect(await send(holder, { demo: 'family' })).toMatchObject({ ok: true, data: { linkedChat: true } });
    const far = await voterOf('far-voter-3', 'tw-qs-c1');
    expect(await send(far, { demo: 'market' })).toMatchObject({ ok: true });
    // A plain field in the data is never a chat: only the envelope's open data counts.
    const other = await voterOf('plain-field', 'tw-qs-c1');
    expect(
      await w.send(other, 'groups', {
        action: 'join',
        data: { code: g.code, chat: true, opengid: 'forged' },
      }),
    ).toMatchObject({ ok: true, data: { linkedChat: false } });
    const chats = await w.call('deputy', 'groups', 'chats', { groupId: g.groupId });
    expect(chats.items.map((c) => [c.label, c.members, c.demo])).toEqual([
      ['演示群 family', 2, true],
      ['演示群 market', 1, true],
    ]);
    const members = await w.call('deputy', 'groups', 'members', { groupId: g.groupId });
    expect(members.items[0]).toMatchObject({ via: 'chat', chat: { label: '演示群 family' } });
    await w.call('deputy', 'groups', 'remove', { groupId: g.groupId, userId: w.userId('voter') });
    expect((await w.call('deputy', 'groups', 'chats', { groupId: g.groupId })).items[0].members).toBe(1);
    // Anything but the demo parameter is refused locally (a CloudID cannot be read here).
    const odd = await voterOf('odd-chat', 'tw-qs-c1');
    await refusedUnchanged('INVALID_INPUT', () => send(odd, { cloudID: 'x', data: { opengid: 'G' } }));
  });

  it('removing and muting hold at once: a removed member reads and writes nothing, a muted one reads and votes but does not comment', async () => {
    const removedFeed = () => w.raw('voter', 'groups', 'feed', { groupId: DEMO_GROUP_ID });
    await w.call('deputy', 'groups', 'mute', { groupId: DEMO_GROUP_ID, userId: w.userId('voter') });
    expect(await removedFeed()).toMatchObject({ ok: true, data: { group: { muted: true } } });
    await refusedUnchanged('FORBIDDEN', () =>
      w.raw('voter', 'groups', 'comment', { postId: 'gp-demo-lights', text: '我说两句' }),
    );
    expect((await w.call('voter', 'groups', 'getPost', { postId: 'gp-demo-lights' })).canComment).toBe(false);
    expect((await w.call('voter', 'groups', 'vote', { postId: 'gp-demo-poll', option: 0 })).myVote).toBe(0);
    await w.call('deputy', 'groups', 'mute', {
      groupId: DEMO_GROUP_ID,
      userId: w.userId('voter'),
      muted: false,
    });
    await w.call('voter', 'groups', 'comment', { postId: 'gp-demo-lights', text: '我说两句' });

    await w.call('deputy', 'groups', 'remove', { groupId: DEMO_GROUP_ID, userId: w.userId('voter') });
    await refusedUnchanged('FORBIDDEN', removedFeed);
    await refusedUnchanged('FORBIDDEN', () =>
      w.raw('voter', 'groups', 'comment', { postId: 'gp-demo-lights', text: '还能说吗' }),
    );
    await refusedUnchanged('FORBIDDEN', () =>
      w.raw('voter', 'groups', 'getPost', { postId: 'gp-demo-lights' }),
    );
    await refusedUnchanged('FORBIDDEN', () => w.raw('voter', 'groups', 'read', { postId: 'gp-demo-lights' }));
    await refusedUnchanged('FORBIDDEN', () => w.raw('voter', 'groups', 'join', { code: DEMO_GROUP_CODE }));
    expect((await w.call('voter', 'groups', 'mine', {})).items).toEqual([]);
    expect((await w.call('deputy', 'groups', 'list', {})).items[0]).toMatchObject({ memberCount: 1 });
  });

  it('posting: the duty record, the members’ unread, held text only for its author and staff until the office releases it, risky text refused', async () => {
    const g = await newGroup();
    await w.call('voter', 'groups', 'join', { code: g.code });
    const first = await post(g.groupId, '本周六上午在村委会开议事会。');
    expect(first.status).toBe('visible');
    expect((await w.call('deputy', 'account', 'dutyRecord', {})).items[0]).toMatchObject({
      type: 'groups.post',
    });
    expect((await w.call('voter', 'groups', 'mine', {})).items[0]).toMatchObject({ unread: 1 });
    await refusedUnchanged('CONTENT_REJECTED', () =>
      w.raw('deputy', 'groups', 'post', { groupId: g.groupId, text: '代开发票请联系' }),
    );
    const held = await post(g.groupId, '有人组织上访，请大家冷静。');
    expect(held.status).toBe('held');
    expect((await feedOf('voter', g.groupId)).items.map((p) => p.postId)).toEqual([first.postId]);
    expect((await feedOf('deputy', g.groupId)).items[0]).toMatchObject({
      postId: held.postId,
      status: 'held',
    });
    await refusedUnchanged('NOT_FOUND', () => w.raw('voter', 'groups', 'getPost', { postId: held.postId }));
    const queue = await w.call('township', 'groups', 'reports', {});
    expect(queue.items[0]).toMatchObject({ targetId: held.postId, reason: 'held', canRestore: true });
    expect((await w.call('deputy', 'groups', 'reports', {})).items[0]).toMatchObject({ canRestore: false });
    // The owner cannot release their own held text; the office can.
    await refusedUnchanged('FORBIDDEN', () =>
      w.raw('deputy', 'groups', 'hide', { postId: held.postId, hidden: false }),
    );
    expect(await w.call('township', 'groups', 'hide', { postId: held.postId, hidden: false })).toEqual({
      status: 'visible',
    });
    expect((await feedOf('voter', g.groupId)).items.map((p) => p.postId)).toEqual([
      held.postId,
      first.postId,
    ]);
    expect((await w.call('township', 'groups', 'reports', {})).items).toEqual([]);
    // A retry of a post sends nothing twice.
    const a = await post(g.groupId, '重发测试', {}, 'req-post-1');
    const b = await post(g.groupId, '重发测试', {}, 'req-post-1');
    expect(b).toEqual(a);
    expect((await feedOf('deputy', g.groupId)).items.filter((p) => p.text === '重发测试')).toHaveLength(1);
  });

  it('the feed: pinned on top, newest first, paged by cursor; members see only visible posts', async () => {
    const g = await newGroup();
    await w.call('voter', 'groups', 'join', { code: g.code });
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      w.clock.advance(60_000);
      ids.push((await post(g.groupId, `第 ${i + 1} 条通知`)).postId);
    }
    await w.call('deputy', 'groups', 'pin', { postId: ids[3] });
    await w.call('deputy', 'groups', 'hide', { postId: ids[10] });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 5; guard++) {
      const page = await feedOf('voter', g.groupId, cursor);
      expect(page.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.items.map((p) => p.postId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = [ids[3], ...ids.filter((_id, i) => i !== 3 && i !== 10).reverse()];
    expect(seen).toEqual(expected);
    const ownerFirst = await feedOf('deputy', g.groupId);
    expect(ownerFirst.items.some((p) => p.postId === ids[10] && p.status === 'hidden')).toBe(true);
    await w.call('deputy', 'groups', 'pin', { postId: ids[3], pinned: false });
    expect((await feedOf('voter', g.groupId)).items[0].postId).toBe(ids[24]);
    await refusedUnchanged('INVALID_INPUT', () =>
      w.raw('voter', 'groups', 'feed', { groupId: g.groupId, cursor: 'x' }),
    );
  });

  it('reads: once per member, counted for owners as 已读 N / 成员 M; owners’ and office reads do not count', async () => {
    const g = await newGroup();
    await w.call('voter', 'groups', 'join', { code: g.code });
    await w.call({ openid: 'demo:holder' }, 'groups', 'join', { code: g.code });
    const { postId } = await post(g.groupId, '请大家相互转告。');
    expect((await feedOf('voter', g.groupId)).items[0].read).toBe(false);
    expect(await w.call('voter', 'groups', 'read', { postId })).toEqual({ read: 1 });
    const before = w.fingerprint();
    expect(await w.call('voter', 'groups', 'read', { postIds: [postId] })).toEqual({ read: 0 });
    expect(w.fingerprint()).toBe(before);
    expect(await w.call('deputy', 'groups', 'read', { postId })).toEqual({ read: 0 });
    expect(await w.call('township', 'groups', 'read', { postId })).toEqual({ read: 0 });
    expect((await feedOf('voter', g.groupId)).items[0].read).toBe(true);
    expect((await feedOf('deputy', g.groupId)).items[0]).toMatchObject({ readCount: 1, memberCount: 2 });
    await w.call({ openid: 'stranger' }, 'account', 'me', {});
    await refusedUnchanged('FORBIDDEN', () => w.raw({ openid: 'stranger' }, 'groups', 'read', { postId }));
    await refusedUnchanged('INVALID_INPUT', () =>
      w.raw('voter', 'groups', 'read', { postIds: [postId, 'gp-demo-lights'] }),
    );
  });

  it('polls: one vote per member, results after voting or after close, closed by the timer into the duty record', async () => {
    const g = await newGroup();
    await w.call('voter', 'groups', 'join', { code: g.code });
    await w.call({ openid: 'demo:holder' }, 'groups', 'join', { code: g.code });
    const { postId } = await post(g.groupId, '议事会定在哪天？', {
      poll: { options: ['周六', '周日'], closesAt: at(2) },
    });
    expect((await feedOf({ openid: 'demo:holder' }, g.groupId)).items[0].poll).toMatchObject({
      results: null,
    });
    expect(await w.call('voter', 'groups', 'vote', { postId, option: 1 })).toMatchObject({
      myVote: 1,
      results: [0, 1],
      total: 1,
    });
    await refusedUnchanged('CONFLICT', () => w.raw('voter', 'groups', 'vote', { postId, option: 0 }));
    await refusedUnchanged('INVALID_INPUT', () =>
      w.raw({ openid: 'demo:holder' }, 'groups', 'vote', { postId, option: 5 }),
    );
    await refusedUnchanged('FORBIDDEN', () => w.raw('deputy', 'groups', 'vote', { postId, option: 0 }));
    await refusedUnchanged('NOT_FOUND', () =>
      w.raw('voter', 'groups', 'vote', { postId: 'gp-demo-lights', option: 0 }),
    );
    w.clock.advance(3 * DAY);
    await refusedUnchanged('CLOSED', () =>
      w.raw({ openid: 'demo:holder' }, 'groups', 'vote', { postId, option: 0 }),
    );
    // After close every member sees the results.
    expect((await feedOf({ openid: 'demo:holder' }, g.groupId)).items[0].poll).toMatchObject({
      closed: true,
      results: [0, 1],
    });
    await runJobs(w.ports, JOB_STEPS);
    const record = await w.call('deputy', 'account', 'dutyRecord', {});
    expect(record.items.map((a) => a.type)).toContain('groups.pollClose');
    expect((await w.ports.store.get('groupPosts', postId))!.pollOpen).toBe(false);
    await runJobs(w.ports, JOB_STEPS);
    expect(
      (await w.call('deputy', 'account', 'dutyRecord', {})).items.filter(
        (a) => a.type === 'groups.pollClose',
      ),
    ).toHaveLength(1);
    // An owner may close early (and once).
    const early = await post(g.groupId, '再投一次', { poll: { options: ['甲', '乙'], closesAt: at(5) } });
    expect((await w.call('deputy', 'groups', 'closePoll', { postId: early.postId })).poll?.closed).toBe(true);
    await refusedUnchanged('CLOSED', () => w.raw('deputy', 'groups', 'closePoll', { postId: early.postId }));
    // A poll must close after 10 minutes at least.
    await refusedUnchanged('INVALID_INPUT', () =>
      w.raw('deputy', 'groups', 'post', {
        groupId: g.groupId,
        text: '太快了',
        poll: { options: ['甲', '乙'], closesAt: at(0) },
      }),
    );
  });

  it('comments: members see masked names, owners real ones; an owner’s answer is in the duty record; held comments only for author and staff', async () => {
    const holder = { openid: 'demo:holder' };
    const c1 = await w.call('voter', 'groups', 'comment', { postId: 'gp-demo-lights', text: '第二盏还没亮' });
    expect(c1.status).toBe('visible');
    const asHolder = await w.call(holder, 'groups', 'comments', { postId: 'gp-demo-lights' });
    expect(asHolder.items.map((c) => c.author)).toEqual(['王*明', '李华代表', '王*明']);
    const asOwner = await w.call('deputy', 'groups', 'comments', { postId: 'gp-demo-lights' });
    expect(asOwner.items.map((c) => c.author)).toEqual(['王小明', '李华代表', '王小明']);
    await w.call('deputy', 'groups', 'comment', { postId: 'gp-demo-lights', text: '我明天去看看' });
    const record = await w.call('deputy', 'account', 'dutyRecord', {});
    expect(record.items[0]).toMatchObject({ type: 'groups.answer' });
    const held = await w.call('voter', 'groups', 'comment', {
      postId: 'gp-demo-lights',
      text: '不修就去上访',
    });
    expect(held.status).toBe('held');
    expect((await w.call(holder, 'groups', 'comments', { postId: 'gp-demo-lights' })).items).toHaveLength(4);
    expect((await w.call('voter', 'groups', 'comments', { postId: 'gp-demo-lights' })).items).toHaveLength(5);
    expect((await w.call('deputy', 'groups', 'comments', { postId: 'gp-demo-lights' })).items[4].status).toBe(
      'held',
    );
    await refusedUnchanged('CONTENT_REJECTED', () =>
      w.raw('voter', 'groups', 'comment', { postId: 'gp-demo-lights', text: '赌博网站看这里' }),
    );
    // The count members see leaves the held one out; a retry of a comment writes nothing twice.
    expect((await w.call(holder, 'groups', 'getPost', { postId: 'gp-demo-lights' })).commentCount).toBe(4);
    const a = await w.call(
      'voter',
      'groups',
      'comment',
      { postId: 'gp-demo-lights', text: '好' },
      'req-comment-1',
    );
    const before = w.fingerprint();
    expect(
      await w.call('voter', 'groups', 'comment', { postId: 'gp-demo-lights', text: '好' }, 'req-comment-1'),
    ).toEqual(a);
    expect(w.fingerprint()).toBe(before);
  });

  it('reports: one per person; at 3 it is hidden for review, and a restored one stays up', async () => {
    const g = await newGroup();
    const reporters = [
      await voterOf('r-1', 'tw-qs-c1'),
      await voterOf('r-2', 'tw-qs-c1'),
      await voterOf('r-3', 'tw-qs-c1'),
    ];
    for (const r of [...reporters, 'voter' as const]) await w.call(r, 'groups', 'join', { code: g.code });
    const { postId } = await post(g.groupId, '通知');
    const { commentId } = await w.call('voter', 'groups', 'comment', { postId, text: '买药加我微信' });
    expect(await w.call(reporters[0], 'groups', 'report', { commentId, reason: 'spam' })).toEqual({
      reported: true,
      hidden: false,
    });
    await refusedUnchanged('CONFLICT', () =>
      w.raw(reporters[0], 'groups', 'report', { commentId, reason: 'offensive' }),
    );
    await refusedUnchanged('FORBIDDEN', () =>
      w.raw('voter', 'groups', 'report', { commentId, reason: 'spam' }),
    );
    await w.call(reporters[1], 'groups', 'report', { commentId, reason: 'spam' });
    expect(await w.call(reporters[2], 'groups', 'report', { commentId, reason: 'irrelevant' })).toEqual({
      reported: true,
      hidden: true,
    });
    expect((await w.call(reporters[0], 'groups', 'comments', { postId })).items).toEqual([]);
    expect((await w.call(reporters[0], 'groups', 'getPost', { postId })).commentCount).toBe(0);
    const queue = await w.call('deputy', 'groups', 'reports', { groupId: g.groupId });
    expect(queue.items).toEqual([
      expect.objectContaining({
        targetId: commentId,
        reason: 'reports',
        reportCount: 3,
        author: '王小明',
        canRestore: true,
      }),
    ]);
    expect((await w.call('county', 'groups', 'reports', {})).items).toHaveLength(1);
    await refusedUnchanged('FORBIDDEN', () => w.raw('station', 'groups', 'reports', { groupId: g.groupId }));
    expect(await w.call('deputy', 'groups', 'hide', { commentId, hidden: false })).toEqual({
      status: 'visible',
    });
    expect((await w.call(reporters[0], 'groups', 'comments', { postId })).items).toHaveLength(1);
    const fourth = await voterOf('r-4', 'tw-qs-c1');
    await w.call(fourth, 'groups', 'join', { code: g.code });
    expect((await w.call(fourth, 'groups', 'report', { commentId, reason: 'spam' })).hidden).toBe(false);
    // Owners hide what they judge out of place at once.
    await w.call('deputy', 'groups', 'hide', { postId });
    await refusedUnchanged('NOT_FOUND', () => w.raw(fourth, 'groups', 'report', { postId, reason: 'spam' }));
  });

  it('editing keeps the history; a stale version is refused (CONFLICT) and writes nothing', async () => {
    const g = await newGroup();
    await w.call('voter', 'groups', 'join', { code: g.code });
    const { postId } = await post(g.groupId, '周六开会');
    const v2 = await w.call('deputy', 'groups', 'edit', { postId, text: '改为周日开会', version: 1 });
    expect(v2).toMatchObject({ version: 2, text: '改为周日开会', editedAt: expect.any(String) });
    await refusedUnchanged('CONFLICT', () =>
      w.raw('deputy', 'groups', 'edit', { postId, text: '周六还是周日？', version: 1 }),
    );
    const detail = await w.call('deputy', 'groups', 'getPost', { postId });
    expect(detail.history).toEqual([{ version: 1, text: '周六开会', at: expect.any(String) }]);
    expect((await w.call('voter', 'groups', 'getPost', { postId })).history).toEqual([]);
    await refusedUnchanged('FORBIDDEN', () =>
      w.raw('voter', 'groups', 'edit', { postId, text: '我来改', version: 2 }),
    );
  });

  it('two owners editing one post at once: one wins, the other gets CONFLICT, nothing half-written', async () => {
    const g = await newGroup();
    const { postId } = await post(g.groupId, '原文');
    // A second deputy of 第一选区 with an account: co-owner of every group of the constituency.
    await w.call({ openid: 'co-owner' }, 'account', 'me', {});
    await w.ports.store.transact((tx) => tx.update('deputies', 'dep-02', { userId: userIdFor('co-owner') }));
    const [a, b] = await Promise.all([
      w.raw('deputy', 'groups', 'edit', { postId, text: '李华改的', version: 1 }),
      w.raw({ openid: 'co-owner' }, 'groups', 'edit', { postId, text: '另一位代表改的', version: 1 }),
    ]);
    const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const stored = (await w.ports.store.get('groupPosts', postId))!;
    expect(stored.version).toBe(2);
    expect(await groupsQueries(w.ports).editsOf(postId, 10)).toHaveLength(1);
  });

  it('images: only one’s own uploads; waiting ones shown to nobody but the author and staff; risky ones never', async () => {
    const { media, event } = checkLater('trace');
    w = await makeWorld({ engine, media });
    const g = await newGroup();
    await w.call('voter', 'groups', 'join', { code: g.code });
    const ok = await upload('deputy', 'photo-ok-1');
    const bad = await upload('deputy', 'photo-bad-1');
    const theirs = await upload('voter', 'photo-voter');
    await refusedUnchanged('INVALID_INPUT', () =>
      w.raw('deputy', 'groups', 'post', { groupId: g.groupId, text: '照片', images: [theirs] }),
    );
    await refusedUnchanged('INVALID_INPUT', () =>
      w.raw('deputy', 'groups', 'post', {
        groupId: g.groupId,
        text: '照片',
        images: ['local://uploads/' + w.userId('deputy') + '/missing-file.jpg'],
      }),
    );
    const { postId } = await post(g.groupId, '维修现场', { images: [ok, bad] });
    const member = (await feedOf('voter', g.groupId)).items[0];
    expect(member).toMatchObject({ images: [], imagesWithheld: 2 });
    expect((await feedOf('deputy', g.groupId)).items[0].images).toEqual([
      { fileId: ok, status: 'pending' },
      { fileId: bad, status: 'pending' },
    ]);
    // WeChat answers later, as a message-push event to the jobs function.
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', event(ok, 'pass'));
    expect((await feedOf('voter', g.groupId)).items[0]).toMatchObject({
      images: [{ fileId: ok, status: 'pass' }],
      imagesWithheld: 1,
    });
    // A forged event (a trace nobody was given) and a repeated one change nothing.
    const before = w.fingerprint();
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', { ...event(ok, 'risky'), trace_id: 'made-up' });
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', event(ok, 'risky'));
    expect(w.fingerprint()).toBe(before);
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', event(bad, 'risky'));
    expect((await feedOf('voter', g.groupId)).items[0].imagesWithheld).toBe(1);
    expect((await feedOf('deputy', g.groupId)).items[0].images[1]).toEqual({ fileId: bad, status: 'risky' });
    expect((await w.ports.store.get('groupPosts', postId))!.imagesPending).toBe(false);
  });

  it('images checked at once locally (the test hook says risky); a lost event is caught up by the timer', async () => {
    w = await makeWorld({ engine, media: checkAtOnce((f) => (f.includes('risky-') ? 'risky' : 'pass')) });
    const g = await newGroup();
    await w.call('voter', 'groups', 'join', { code: g.code });
    const good = await upload('deputy', 'fine-photo-1');
    const risky = await upload('deputy', 'risky-photo');
    await post(g.groupId, '两张照片', { images: [good, risky] });
    expect((await feedOf('voter', g.groupId)).items[0]).toMatchObject({
      images: [{ fileId: good }],
      imagesWithheld: 1,
    });
  });

  it('new posts reach members through the timer in batches, within the subscriptions they granted', async () => {
    const templates = { 'groups.post': { templateId: 'tmpl-post', longTerm: false } };
    w.ports.config.subscriptions = templates;
    const g = await newGroup();
    const people = [];
    for (let i = 0; i < 120; i++) {
      const v = await voterOf(`fan-${i}`, 'tw-qs-c1');
      await w.call(v, 'groups', 'join', { code: g.code });
      people.push(v);
    }
    // One-time subscriptions: fan-0 grants two, fan-1 one; fan-2 a long-term one.
    for (const r of ['accept', 'accept'] as const)
      await w.call(people[0], 'groups', 'subscribe', { result: r });
    expect(await w.call(people[1], 'groups', 'subscribe', { result: 'accept' })).toMatchObject({
      templateId: 'tmpl-post',
      oneTime: 1,
      longTerm: false,
    });
    w.ports.config.subscriptions = { 'groups.post': { templateId: 'tmpl-long', longTerm: true } };
    expect(await w.call(people[2], 'groups', 'subscribe', { result: 'accept' })).toMatchObject({
      longTerm: true,
    });
    const outbox = async () =>
      (await sharedQueries(w.ports).pendingOutbox(100)).filter((o) => o.kind === 'groups.post');
    const before = w.snapshot();
    await post(g.groupId, '第一条公告');
    const after = w.snapshot();
    // The request wrote one fan-out document, not one per member.
    expect(after.outbox).toBe(before.outbox);
    expect(after.groupFanouts).toBe(before.groupFanouts + 1);
    expect(await fanOut(w.ports)).toBe(3);
    expect((await outbox()).map((o) => o.userId).sort()).toEqual(
      [people[0], people[1], people[2]].map((p) => userIdFor(p.openid)).sort(),
    );
    expect(await fanOut(w.ports)).toBe(0);
    await post(g.groupId, '第二条公告');
    await fanOut(w.ports);
    const second = (await outbox()).filter((o) => o.body.includes('第二条'));
    // fan-1's one subscription was used by the first post: it gets no message now.
    expect(second.map((o) => o.userId).sort()).toEqual(
      [people[0], people[2]].map((p) => userIdFor(p.openid)).sort(),
    );
    expect(await w.call(people[0], 'groups', 'subscription', {})).toMatchObject({ oneTime: 0 });
    expect(await w.call(people[1], 'groups', 'subscription', {})).toMatchObject({ oneTime: 0 });
    // Batches are bounded: a run reaches at most FANOUT_BATCH × FANOUT_BATCHES_PER_RUN members.
    expect(FANOUT_BATCH * FANOUT_BATCHES_PER_RUN).toBeLessThan(5000);
    // Without a template nothing can be granted, and nothing is written.
    w.ports.config.subscriptions = undefined;
    const fp = w.fingerprint();
    expect(await w.call('voter', 'groups', 'subscribe', { result: 'accept' })).toMatchObject({
      templateId: null,
    });
    expect(w.fingerprint()).toBe(fp);
  });

  it('two timer runs at once reach each member exactly once, over several batches', async () => {
    w.ports.config.subscriptions = { 'groups.post': { templateId: 'tmpl-long', longTerm: true } };
    const g = await newGroup();
    const total = FANOUT_BATCH * 2 + 7;
    for (let i = 0; i < total; i++) {
      const v = await voterOf(`wide-${i}`, 'tw-qs-c1');
      await w.call(v, 'groups', 'join', { code: g.code });
      await w.call(v, 'groups', 'subscribe', { result: 'accept' });
    }
    await post(g.groupId, '大家好');
    const outbox = () =>
      (JSON.parse(w.fingerprint()).outbox as { kind: string; userId: string }[]).filter(
        (o) => o.kind === 'groups.post',
      );
    const [a, b] = await Promise.all([fanOut(w.ports), fanOut(w.ports)]);
    let reached = a + b;
    for (let run = 0; run < 3; run++) reached += await fanOut(w.ports);
    expect(reached).toBe(total);
    expect(outbox()).toHaveLength(total);
    expect(new Set(outbox().map((o) => o.userId)).size).toBe(total);
  });

  it('a reception day published gets a post in the groups of the constituencies it serves', async () => {
    const g = await newGroup();
    await w.call('voter', 'groups', 'join', { code: g.code });
    const day = await w.call(
      'township',
      'reception',
      'createDay',
      {
        stationId: 'tw-qs-st',
        date: at(10).slice(0, 10),
        startTime: '09:00',
        endTime: '11:00',
        theme: '人居环境整治',
        capacityPerSlot: 5,
      },
      'req-day-1',
    );
    await w.call('township', 'reception', 'assignDeputy', { dayId: day.dayId, deputyId: 'dep-01' });
    await w.call('deputy', 'reception', 'respond', { dayId: day.dayId, decision: 'confirm' });
    await w.call('township', 'reception', 'publish', { dayId: day.dayId });
    for (const groupId of [g.groupId, DEMO_GROUP_ID]) {
      const top = (await feedOf('voter', groupId)).items.find((p) => p.kind === 'reception');
      expect(top).toMatchObject({ dayId: day.dayId, authorName: '青石镇人大代表之家' });
      expect(top!.text).toContain('人居环境整治');
      expect(top!.text).toContain('李华');
    }
    expect((await w.call('voter', 'groups', 'mine', {})).items.every((m) => m.unread >= 0)).toBe(true);
    const fanouts = await groupsQueries(w.ports).pendingFanouts(10);
    expect(fanouts.length).toBeGreaterThanOrEqual(2);
  });

  it('a failure in the middle of posting leaves nothing behind', async () => {
    const g = await newGroup();
    await w.call('voter', 'groups', 'join', { code: g.code });
    const transact = w.ports.store.transact.bind(w.ports.store);
    w.ports.store.transact = <T>(work: (tx: Tx) => Promise<T>) =>
      transact((tx) =>
        work({
          ...tx,
          get: tx.get.bind(tx),
          update: tx.update.bind(tx),
          remove: tx.remove.bind(tx),
          insert: async (collection, doc) => {
            if (collection === 'groupFanouts') throw new Error('the function ran out of time');
            return tx.insert(collection, doc);
          },
        } as Tx),
      );
    const before = w.fingerprint();
    const r = await w.raw('deputy', 'groups', 'post', { groupId: g.groupId, text: '断在半路' }, 'req-half-1');
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(w.fingerprint()).toBe(before);
    w.ports.store.transact = transact;
    expect(
      (await w.raw('deputy', 'groups', 'post', { groupId: g.groupId, text: '断在半路' }, 'req-half-1')).ok,
    ).toBe(true);
  });
});

describe('a burst of votes (CloudBase adapter on the double)', () => {
  it('300 members vote at once: every vote counted exactly once, by option', async () => {
    w = await makeWorld({ engine: 'cloudbase' });
    const g = await newGroup();
    const voters: { openid: string }[] = [];
    for (let i = 0; i < 300; i++) {
      const v = await voterOf(`burst-${i}`, 'tw-qs-c1');
      await w.call(v, 'groups', 'join', { code: g.code });
      voters.push(v);
    }
    const { postId } = await post(g.groupId, '选一个', {
      poll: { options: ['甲', '乙', '丙'], closesAt: at(3) },
    });
    const answers = await Promise.all(
      voters.map((v, i) => w.raw(v, 'groups', 'vote', { postId, option: i % 3 })),
    );
    const refused = answers.filter((a) => !a.ok);
    // Under contention the adapter may in the end answer CONFLICT (the phone asks again) — never a wrong count.
    expect(refused.every((a) => !a.ok && a.error.code === 'CONFLICT')).toBe(true);
    const accepted = answers.map((a, i) => (a.ok ? i % 3 : null)).filter((x): x is number => x !== null);
    const poll = (await feedOf('deputy', g.groupId)).items[0].poll!;
    expect(poll.results).toEqual([0, 1, 2].map((o) => accepted.filter((x) => x === o).length));
    expect(poll.total).toBe(accepted.length);
    expect(accepted.length).toBeGreaterThanOrEqual(290);
  });
});
