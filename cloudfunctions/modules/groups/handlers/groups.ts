/** groups: creating a group, finding it (by its code or the deputy's card), the lists, its code and linked chats. */
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { appendActivity, audit, once, priorResult } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import { officeScope as scopeOf } from '../../../core/scope';
import { sharedQueries } from '../../shared/public';
import { JOIN_PAGE } from '../constants';
import type { GroupPreview, GroupsHandlers } from '../contract';
import type { Group, GroupMember } from '../records';
import { groupsQueries, type GroupScope } from '../storage';
import {
  chatLabel,
  groupSubject,
  groupView,
  inArea,
  loadGroup,
  membershipOf,
  placeName,
  roleIn,
} from '../views';

/** Whether (and how) the caller may join now, and why not when not. */
export function joinDecision(
  ctx: Ctx,
  group: Group,
  membership: GroupMember | null,
): Pick<GroupPreview, 'mine' | 'joinAs' | 'whyNot'> {
  const subject = groupSubject(group, membership);
  const role = roleIn(ctx, subject);
  const mine =
    membership && membership.status !== 'left'
      ? membership.status
      : role === 'owner' || role === 'office'
        ? role
        : null;
  const no = (whyNot: string) => ({ mine, joinAs: null, whyNot });
  if (!ctx.caller) return no('请先登录');
  if (role === 'owner') return no('您是本群的群主');
  if (membership?.status === 'member') return no('您已是本群成员');
  if (membership?.status === 'pending') return no('已申请加入，等待群主审核');
  if (membership?.status === 'removed') return no('您已被群主移出本群');
  if (!ctx.caller.user.verifiedEntryId) return no('加入实名制群需先完成实名认证（我的 → 实名认证）');
  const area = inArea(ctx, group, ctx.caller.user.constituencyId);
  if (!area && group.joinRule === 'auto') return no(`本群只接受${placeName(ctx, group)}的实名认证选民加入`);
  return { mine, joinAs: area && group.joinRule === 'auto' ? 'member' : 'pending', whyNot: null };
}

/** The caller's own part of the county for lists: the office's scope, a station, or a deputy's constituency. */
function listScope(ctx: Ctx): GroupScope {
  const caller = ctx.caller!;
  return scopeOf(caller.grants) ?? (caller.deputy ? { constituencyId: caller.deputy.constituencyId } : {});
}

export const groupHandlers: Pick<GroupsHandlers, 'create' | 'preview' | 'list' | 'mine' | 'code' | 'chats'> =
  {
    async create(ctx, input) {
      let place: Pick<Group, 'countyId' | 'townshipId' | 'constituencyId' | 'stationId' | 'kind'>;
      if (input.constituencyId) {
        const r = ctx.geo.region(input.constituencyId);
        if (!r || r.kind !== 'constituency' || !r.townshipId) throw new AppError('NOT_FOUND', '选区不存在');
        place = {
          kind: 'constituency',
          countyId: r.countyId,
          townshipId: r.townshipId,
          constituencyId: r.id,
          stationId: null,
        };
      } else {
        const s = ctx.geo.station(input.stationId);
        if (!s) throw new AppError('NOT_FOUND', '联络站不存在');
        place = {
          kind: 'station',
          countyId: s.countyId,
          townshipId: s.townshipId,
          constituencyId: null,
          stationId: s.id,
        };
      }
      const caller = authorize(ctx, groupSubject(place, null));
      const prior = await priorResult<{ groupId: string; code: string }>(ctx);
      if (prior) return prior;
      // The name and description are shown on cards and codes to everyone: held text cannot wait there.
      const verdict = await ctx.ports.content.text({
        text: `${input.name}\n${input.description}`,
        openid: caller.user.openid,
        scene: 1,
      });
      if (verdict !== 'pass')
        throw new AppError('CONTENT_REJECTED', '群名称或简介未通过内容安全检查，请修改', { name: '请修改' });
      const now = ctx.now.toISOString();
      const group: Group = {
        id: ctx.ports.ids.next(),
        code: `G${ctx.ports.ids.code(7)}`,
        name: input.name,
        description: input.description,
        ...place,
        joinRule: input.joinRule,
        memberCount: 0,
        pendingCount: 0,
        postSeq: 0,
        lastPostAt: null,
        lastPostExcerpt: '',
        createdBy: caller.user.id,
        createdByDeputyId: caller.deputy?.id ?? null,
        codeFileId: null,
        createdAt: now,
        updatedAt: now,
      };
      return once(ctx, async (tx) => {
        await tx.insert('groups', group);
        if (caller.deputy && group.constituencyId) {
          await appendActivity(tx, ctx, {
            deputyId: caller.deputy.id,
            type: 'groups.create',
            refType: 'group',
            refId: group.id,
            summary: `建立实名制群：${group.name}`,
          });
        }
        await audit(tx, ctx, {
          entityType: 'group',
          entityId: group.id,
          detail: { joinRule: group.joinRule },
        });
        return { groupId: group.id, code: group.code };
      });
    },

    async preview(ctx, input) {
      authorize(ctx);
      const q = groupsQueries(ctx.ports);
      let groups: Group[];
      if (input.code) {
        const found = await q.groupByCode(input.code);
        if (!found) throw new AppError('NOT_FOUND', '没有找到这个群，请核对群码或重新扫码');
        groups = [found];
      } else {
        const deputy = await ctx.ports.store.get('deputies', input.deputyId!);
        if (!deputy) throw new AppError('NOT_FOUND', '代表不存在');
        groups = await q.groupsIn({ constituencyId: deputy.constituencyId }, { limit: 20 });
      }
      const owners = new Map<string, Promise<string[]>>();
      const ownersOf = (g: Group) => {
        const key = g.constituencyId ?? `st:${g.stationId}`;
        if (!owners.has(key)) {
          owners.set(
            key,
            g.constituencyId
              ? sharedQueries(ctx.ports)
                  .deputies({ constituencyId: g.constituencyId }, { limit: 20 })
                  .then((ds) => ds.filter((d) => d.userId).map((d) => `${d.name}代表`))
              : Promise.resolve([placeName(ctx, g)]),
          );
        }
        return owners.get(key)!;
      };
      const items = await Promise.all(
        groups.map(async (g) => ({
          groupId: g.id,
          code: g.code,
          name: g.name,
          description: g.description,
          kind: g.kind,
          placeName: placeName(ctx, g),
          joinRule: g.joinRule,
          memberCount: g.memberCount,
          owners: await ownersOf(g),
          ...joinDecision(ctx, g, await membershipOf(ctx, g)),
        })),
      );
      return { items };
    },

    async list(ctx, input) {
      const caller = authorize(ctx);
      const scope = listScope(ctx);
      const p = await page(
        (o) => groupsQueries(ctx.ports).groupsIn(scope, o),
        input.cursor,
        (g) => g.createdAt,
      );
      return {
        items: p.rows.map((g) =>
          groupView(ctx, g, roleIn(ctx, groupSubject(g, null)) === 'owner' ? 'owner' : 'office'),
        ),
        nextCursor: p.nextCursor,
        places: [
          ...(caller.deputy
            ? [
                {
                  constituencyId: caller.deputy.constituencyId,
                  stationId: null,
                  name: ctx.geo.region(caller.deputy.constituencyId)?.name ?? '',
                },
              ]
            : []),
          ...caller.grants
            .filter((gr) => gr.role === 'stationStaff')
            .map((gr) => ({
              constituencyId: null,
              stationId: gr.scopeId,
              name: ctx.geo.station(gr.scopeId)?.name ?? '',
            })),
        ],
      };
    },

    async mine(ctx, input) {
      const caller = authorize(ctx);
      const p = await page(
        (o) => groupsQueries(ctx.ports).membershipsOf(caller.user.id, o),
        input.cursor,
        (m) => m.listedAt,
      );
      const groups = await Promise.all(p.rows.map((m) => ctx.ports.store.get('groups', m.groupId)));
      const items = p.rows.flatMap((m, i) => {
        const g = groups[i];
        if (!g || (m.status !== 'member' && m.status !== 'pending')) return [];
        return [
          {
            groupId: g.id,
            name: g.name,
            placeName: placeName(ctx, g),
            status: m.status,
            muted: m.muted,
            unread: m.status === 'member' ? Math.max(0, g.postSeq - m.seenSeq) : 0,
            lastPostAt: m.status === 'member' ? g.lastPostAt : null,
            lastPostExcerpt: m.status === 'member' ? g.lastPostExcerpt : '',
          },
        ];
      });
      return { items, nextCursor: p.nextCursor };
    },

    async code(ctx, input) {
      const group = await loadGroup(ctx, input.groupId);
      authorize(ctx, groupSubject(group, null));
      let fileId = group.codeFileId;
      if (!fileId) {
        const png = await ctx.ports.codes.image({ scene: group.code, page: JOIN_PAGE });
        fileId = await ctx.ports.files.put(`groupcodes/${group.code}.png`, png, 'image/png');
        const stored = fileId;
        await ctx.ports.store.transact((tx) => tx.update('groups', group.id, { codeFileId: stored }));
      }
      return { code: group.code, url: await ctx.ports.files.url(fileId), page: JOIN_PAGE };
    },

    async chats(ctx, input) {
      const group = await loadGroup(ctx, input.groupId);
      authorize(ctx, groupSubject(group, null));
      const chats = await groupsQueries(ctx.ports).chatsOf(group.id);
      return {
        items: chats
          .sort((a, b) => b.members - a.members || (a.firstAt < b.firstAt ? -1 : 1))
          .map((c) => ({
            chatId: c.id,
            label: chatLabel(c),
            demo: c.demo,
            members: c.members,
            firstAt: c.firstAt,
            lastAt: c.lastAt,
          })),
      };
    },
  };
