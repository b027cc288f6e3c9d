/**
 * The groups part of the demo county: 青石镇第一选区's real-name group, owned by 李华 (its deputy), with
 * 王小明 and 刘桂英 as members — a pinned welcome, a notice answered in the comments, and an open poll 王小明
 * has not answered yet (one unread). Counters, reads and the duty record are what the app itself writes.
 */
import { appendActivity } from '../../core/effects';
import type { Ctx } from '../../core/context';
import { makeGeo } from '../../core/context';
import type { Ports } from '../../core/ports';
import { maskName } from '../../core/privacy';
import { DEMO_DEPUTY_ID, daysAgo, personaUserId, userIdFor } from '../shared/public';
import { addToTally } from './effects';
import type { Group, GroupMember, GroupPost } from './records';
import { memberId, newPost, pairId } from './views';

export const DEMO_GROUP_ID = 'grp-qs-c1';
export const DEMO_GROUP_CODE = 'GQSCZYL2';

export async function seedGroups(ports: Ports): Promise<void> {
  const at = (days: number) => daysAgo(ports, days);
  const deputy = (await ports.store.get('deputies', DEMO_DEPUTY_ID))!;
  const owner = personaUserId('deputy');
  const ctx: Ctx = {
    ports,
    caller: null,
    action: 'seed.groups',
    rule: () => false,
    now: ports.clock.now(),
    geo: makeGeo([], []),
    openData: {},
  };
  const group: Group = {
    id: DEMO_GROUP_ID,
    code: DEMO_GROUP_CODE,
    name: '青石镇第一选区选民群',
    description: '本选区实名认证选民与代表李华的联系群：发布通知、征集意见、回应大家关心的事。',
    kind: 'constituency',
    countyId: deputy.countyId,
    townshipId: deputy.townshipId,
    constituencyId: deputy.constituencyId,
    stationId: null,
    joinRule: 'auto',
    memberCount: 2,
    pendingCount: 0,
    postSeq: 3,
    lastPostAt: at(1),
    lastPostExcerpt: '下次代表接待日，大家最想谈哪个话题？',
    createdBy: owner,
    createdByDeputyId: deputy.id,
    codeFileId: null,
    createdAt: at(30),
    updatedAt: at(1),
  };
  const member = (userId: string, name: string, days: number, seenSeq: number): GroupMember => ({
    id: memberId(group.id, userId),
    groupId: group.id,
    userId,
    status: 'member',
    active: true,
    muted: false,
    name,
    maskedName: maskName(name),
    constituencyId: deputy.constituencyId,
    inArea: true,
    via: 'card',
    chatId: null,
    chatCounted: false,
    seenSeq,
    requestedAt: at(days),
    joinedAt: at(days),
    listedAt: at(days),
    updatedAt: at(days),
  });
  const voter = personaUserId('voter');
  const holder = userIdFor('demo:holder');
  const post = (id: string, days: number, text: string, extra: Partial<GroupPost> = {}): GroupPost =>
    newPost(group, {
      id,
      kind: 'notice',
      authorUserId: owner,
      authorDeputyId: deputy.id,
      authorName: `${deputy.name}代表`,
      text,
      createdAt: at(days),
      ...extra,
    });
  const closesAt = new Date(ports.clock.now().getTime() + 5 * 86400_000).toISOString();
  const posts = [
    post(
      'gp-demo-welcome',
      28,
      '欢迎加入青石镇第一选区选民群！本群成员都是本选区实名认证的选民。我会在这里发布通知、听取大家的意见，有事也可以在“我的留言”里单独找我。请文明发言。',
      { pinned: true, pinnedAt: at(28) },
    ),
    post(
      'gp-demo-lights',
      5,
      '大家反映的村口到镇上的三盏路灯，镇城建办已经安排维修，本周五前修好。修好后请路过的乡亲帮忙看看。',
      { commentCount: 2 },
    ),
    post('gp-demo-poll', 1, '下次代表接待日，大家最想谈哪个话题？请投票，5 天后截止。', {
      poll: { options: ['道路交通', '养老医疗', '农产品销售'], closesAt, closedAt: null },
      pollOpen: true,
      pollClosesAt: closesAt,
    }),
  ];
  await ports.store.transact(async (tx) => {
    await tx.insert('groups', group);
    await tx.insert('groupMembers', member(voter, '王小明', 20, 2));
    await tx.insert('groupMembers', member(holder, '刘桂英', 18, 3));
    await appendActivity(
      tx,
      { ...ctx, now: new Date(group.createdAt) },
      {
        deputyId: deputy.id,
        type: 'groups.create',
        refType: 'group',
        refId: group.id,
        summary: `建立实名制群：${group.name}`,
      },
    );
    for (const p of posts) {
      await tx.insert('groupPosts', p);
      await appendActivity(
        tx,
        { ...ctx, now: new Date(p.createdAt) },
        {
          deputyId: deputy.id,
          type: 'groups.post',
          refType: 'groupPost',
          refId: p.id,
          summary: `在“${group.name}”发布公告：${p.text.slice(0, 30)}`,
        },
      );
    }
    const comments = [
      {
        id: 'gc-demo-1',
        userId: voter,
        name: '王小明',
        role: 'member' as const,
        text: '谢谢李代表，晚上接孩子终于不用摸黑了。',
        days: 4,
      },
      {
        id: 'gc-demo-2',
        userId: owner,
        name: `${deputy.name}代表`,
        role: 'owner' as const,
        text: '修好后我也会去看一看，有问题随时在群里说。',
        days: 4,
      },
    ];
    for (const c of comments) {
      await tx.insert('groupComments', {
        id: c.id,
        postId: 'gp-demo-lights',
        groupId: group.id,
        authorUserId: c.userId,
        role: c.role,
        authorName: c.name,
        publicName: c.role === 'owner' ? c.name : maskName(c.name),
        text: c.text,
        status: 'visible',
        hiddenBy: null,
        reviewed: false,
        reportCount: 0,
        createdAt: at(c.days),
      });
    }
    await appendActivity(
      tx,
      { ...ctx, now: new Date(at(4)) },
      {
        deputyId: deputy.id,
        type: 'groups.answer',
        refType: 'groupPost',
        refId: 'gp-demo-lights',
        summary: `在“${group.name}”回复群成员：${comments[1].text.slice(0, 30)}`,
      },
    );
    const reads: [string, string, number][] = [
      [voter, 'gp-demo-welcome', 20],
      [voter, 'gp-demo-lights', 4],
      [holder, 'gp-demo-welcome', 18],
      [holder, 'gp-demo-lights', 5],
      [holder, 'gp-demo-poll', 1],
    ];
    for (const [userId, postId, days] of reads) {
      await tx.insert('groupReads', {
        id: pairId(postId, userId),
        postId,
        groupId: group.id,
        userId,
        at: at(days),
      });
      await addToTally(tx, postId, 'reads', 0, 1, () => 0);
    }
    await tx.insert('groupVotes', {
      id: pairId('gp-demo-poll', holder),
      postId: 'gp-demo-poll',
      groupId: group.id,
      userId: holder,
      option: 1,
      at: at(1),
    });
    await addToTally(tx, 'gp-demo-poll', 'votes', 1, 3, () => 0);
  });
}
