/** groups: joining (by code, from the deputy's card, from a card in a WeChat chat), leaving, and the owners' roster. */
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { audit, notify } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import type { Tx } from '../../../core/ports';
import { maskName } from '../../../core/privacy';
import { registeredName } from '../../account/public';
import type { GroupsHandlers, MemberView } from '../contract';
import type { Group, GroupChat, GroupMember } from '../records';
import { groupsQueries } from '../storage';
import {
  chatId,
  chatLabel,
  groupSubject,
  inArea,
  loadGroup,
  memberId,
  membershipOf,
  placeName,
} from '../views';
import { joinDecision } from './groups';

export function memberView(ctx: Ctx, m: GroupMember, chats: Map<string, GroupChat>): MemberView {
  const chat = m.chatId ? chats.get(m.chatId) : undefined;
  return {
    userId: m.userId,
    name: m.name,
    status: m.status,
    muted: m.muted,
    via: m.via,
    chat: chat ? { chatId: chat.id, label: chatLabel(chat), demo: chat.demo } : null,
    inArea: m.inArea,
    constituencyName: ctx.geo.region(m.constituencyId)?.name ?? '',
    requestedAt: m.requestedAt,
    joinedAt: m.joinedAt,
  };
}

async function chatsById(ctx: Ctx, groupId: string) {
  return new Map((await groupsQueries(ctx.ports).chatsOf(groupId)).map((c) => [c.id, c]));
}

/** Adds `delta` to the members a linked chat brought (a member joining, approved, leaving or removed). */
async function countChat(tx: Tx, ctx: Ctx, id: string | null, delta: number) {
  if (!id || delta === 0) return;
  const chat = await tx.get('groupChats', id);
  if (chat) {
    await tx.update('groupChats', id, {
      members: Math.max(0, chat.members + delta),
      lastAt: ctx.now.toISOString(),
    });
  }
}

/** An owner's change to one person's membership, in one unit of work that reads it first. */
async function changeMember(
  ctx: Ctx,
  input: { groupId: string; userId: string },
  change: (tx: Tx, group: Group, m: GroupMember) => Promise<Partial<GroupMember>>,
): Promise<MemberView> {
  const group = await loadGroup(ctx, input.groupId);
  authorize(ctx, groupSubject(group, await membershipOf(ctx, group)));
  const id = memberId(group.id, input.userId);
  const next = await ctx.ports.store.transact(async (tx) => {
    const m = await tx.get('groupMembers', id);
    const g = await tx.get('groups', group.id);
    if (!m || !g) throw new AppError('NOT_FOUND', '此人不在本群中');
    const patch = await change(tx, g, m);
    const updated = { ...m, ...patch, updatedAt: ctx.now.toISOString() };
    await tx.update('groupMembers', id, updated);
    await audit(tx, ctx, { entityType: 'groupMember', entityId: id, detail: { status: updated.status } });
    return updated;
  });
  return memberView(ctx, next, await chatsById(ctx, group.id));
}

export const memberHandlers: Pick<
  GroupsHandlers,
  'join' | 'leave' | 'members' | 'approve' | 'remove' | 'mute'
> = {
  async join(ctx, input) {
    const group = await groupsQueries(ctx.ports).groupByCode(input.code);
    if (!group) throw new AppError('NOT_FOUND', '没有找到这个群，请核对群码或重新扫码');
    const membership = await membershipOf(ctx, group);
    const caller = authorize(ctx, groupSubject(group, membership));
    const decision = joinDecision(ctx, group, membership);
    if (!decision.joinAs) {
      const twice = membership?.status === 'member' || membership?.status === 'pending';
      throw new AppError(twice || decision.mine === 'owner' ? 'CONFLICT' : 'FORBIDDEN', decision.whyNot!);
    }
    // The chat it was opened in, only as the platform confirms it (never a field the client fills in).
    const chat = input.chat
      ? await ctx.ports.openData.chat(ctx.openData.chat, { openid: caller.user.openid })
      : null;
    const name = (await registeredName(ctx, caller.user)) ?? caller.user.displayName;
    const status = decision.joinAs;
    const id = memberId(group.id, caller.user.id);
    const cid = chat ? chatId(group.id, chat.opengid) : null;

    await ctx.ports.store.transact(async (tx) => {
      const g = await tx.get('groups', group.id);
      const before = await tx.get('groupMembers', id);
      if (!g) throw new AppError('NOT_FOUND', '群不存在');
      if (before && before.status !== 'left')
        throw new AppError('CONFLICT', before.status === 'removed' ? '您已被群主移出本群' : '您已在本群中');
      const now = ctx.now.toISOString();
      const counted = status === 'member' && !!cid;
      const m: GroupMember = {
        id,
        groupId: g.id,
        userId: caller.user.id,
        status,
        active: true,
        muted: before?.muted ?? false,
        name,
        maskedName: maskName(name),
        constituencyId: caller.user.constituencyId,
        inArea: inArea(ctx, g, caller.user.constituencyId),
        via: cid ? 'chat' : input.from,
        chatId: cid,
        chatCounted: counted,
        seenSeq: g.postSeq,
        requestedAt: now,
        joinedAt: status === 'member' ? now : null,
        listedAt: now,
        updatedAt: now,
      };
      if (before) await tx.update('groupMembers', id, m);
      else await tx.insert('groupMembers', m);
      await tx.update('groups', g.id, {
        ...(status === 'member' ? { memberCount: g.memberCount + 1 } : { pendingCount: g.pendingCount + 1 }),
        updatedAt: now,
      });
      if (cid && chat) {
        const linked = await tx.get('groupChats', cid);
        if (linked) {
          await tx.update('groupChats', cid, { members: linked.members + (counted ? 1 : 0), lastAt: now });
        } else {
          await tx.insert('groupChats', {
            id: cid,
            groupId: g.id,
            opengid: chat.opengid,
            demo: chat.demo,
            members: counted ? 1 : 0,
            firstAt: now,
            lastAt: now,
          });
        }
      }
      await audit(tx, ctx, {
        entityType: 'groupMember',
        entityId: id,
        detail: { status, via: m.via, ...(cid ? { chatId: cid } : {}) },
      });
    });
    return { groupId: group.id, status, linkedChat: !!cid };
  },

  async leave(ctx, input) {
    const group = await loadGroup(ctx, input.groupId);
    const caller = authorize(ctx, groupSubject(group, await membershipOf(ctx, group)));
    const id = memberId(group.id, caller.user.id);
    await ctx.ports.store.transact(async (tx) => {
      const m = await tx.get('groupMembers', id);
      const g = await tx.get('groups', group.id);
      if (!m || !g || (m.status !== 'member' && m.status !== 'pending'))
        throw new AppError('CONFLICT', '您已不在本群中');
      const now = ctx.now.toISOString();
      await tx.update('groupMembers', id, {
        status: 'left',
        active: false,
        chatCounted: false,
        updatedAt: now,
      });
      await tx.update('groups', g.id, {
        ...(m.status === 'member'
          ? { memberCount: Math.max(0, g.memberCount - 1) }
          : { pendingCount: Math.max(0, g.pendingCount - 1) }),
        updatedAt: now,
      });
      if (m.chatCounted) await countChat(tx, ctx, m.chatId, -1);
      await audit(tx, ctx, { entityType: 'groupMember', entityId: id, detail: { status: 'left' } });
    });
    return { status: 'left' as const };
  },

  async members(ctx, input) {
    const group = await loadGroup(ctx, input.groupId);
    authorize(ctx, groupSubject(group, await membershipOf(ctx, group)));
    const p = await page(
      (o) => groupsQueries(ctx.ports).membersOf(group.id, input.status ?? 'member', o),
      input.cursor,
      (m) => m.listedAt,
    );
    const chats = await chatsById(ctx, group.id);
    return { items: p.rows.map((m) => memberView(ctx, m, chats)), nextCursor: p.nextCursor };
  },

  async approve(ctx, input) {
    return changeMember(ctx, input, async (tx, g, m) => {
      if (m.status !== 'pending')
        throw new AppError('CONFLICT', m.status === 'member' ? '此人已是本群成员' : '此人没有在等待审核');
      const now = ctx.now.toISOString();
      await tx.update('groups', g.id, {
        memberCount: g.memberCount + 1,
        pendingCount: Math.max(0, g.pendingCount - 1),
        updatedAt: now,
      });
      await countChat(tx, ctx, m.chatId, 1);
      await notify(tx, ctx, {
        userId: m.userId,
        kind: 'groups.approved',
        title: '已加入实名制群',
        body: `您已加入“${g.name}”（${placeName(ctx, g)}）`,
        link: `/groups/feed/index?groupId=${g.id}`,
      });
      return {
        status: 'member',
        joinedAt: now,
        listedAt: now,
        seenSeq: g.postSeq,
        chatCounted: !!m.chatId,
      };
    });
  },

  async remove(ctx, input) {
    return changeMember(ctx, input, async (tx, g, m) => {
      if (m.status !== 'member' && m.status !== 'pending') throw new AppError('CONFLICT', '此人已不在本群中');
      await tx.update('groups', g.id, {
        ...(m.status === 'member'
          ? { memberCount: Math.max(0, g.memberCount - 1) }
          : { pendingCount: Math.max(0, g.pendingCount - 1) }),
        updatedAt: ctx.now.toISOString(),
      });
      if (m.chatCounted) await countChat(tx, ctx, m.chatId, -1);
      return { status: 'removed', active: false, chatCounted: false };
    });
  },

  async mute(ctx, input) {
    return changeMember(ctx, input, async (_tx, _g, m) => {
      if (m.status !== 'member') throw new AppError('CONFLICT', '只能禁言本群成员');
      return { muted: input.muted };
    });
  },
};
