/** contact: the deputies' directory, contact cards, and deputy profiles kept by office staff. */
import type { Ctx } from '../../../core/context';
import { page } from '../../../core/cursor';
import { nameKey, nameSearch } from '../../../core/nameKey';
import { audit } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, regionSubject } from '../../../core/policy';
import { sharedQueries, type Deputy } from '../../shared/public';
import type { ContactHandlers } from '../contract';
import { relink } from '../link';
import { deputyPublic } from '../views';

const CARD_PAGE = 'pages/card/index';

async function deputyOf(ctx: Ctx, id: string): Promise<Deputy> {
  const d = await ctx.ports.store.get('deputies', id);
  if (!d) throw new AppError('NOT_FOUND', '代表不存在');
  return d;
}

export const deputyHandlers: Pick<ContactHandlers, 'deputies' | 'card' | 'myCard' | 'saveDeputy'> = {
  async deputies(ctx, input) {
    authorize(ctx);
    const q = sharedQueries(ctx.ports);
    const own = ctx.caller?.user.constituencyId ?? null;
    const search = input.q ? nameSearch(input.q) : undefined;
    if (search === null) return { items: [], nextCursor: null }; // nothing in it can match a name
    // Own constituency first (a constituency has a handful of deputies), leaving room for the rest; a
    // search lists what it matches, in pinyin order.
    const ownFirst = !input.constituencyId && !input.townshipId && !search && own;
    const mine = ownFirst && !input.cursor ? await q.deputies({ constituencyId: own }, { limit: 19 }) : [];
    const filter = {
      constituencyId: input.constituencyId,
      townshipId: input.townshipId,
      excludeConstituencyId: ownFirst ? own : undefined,
      search,
    };
    const rest = await page(
      (o) => q.deputies(filter, o),
      input.cursor,
      (d) => d.nameKey,
      Math.max(1, 20 - mine.length),
    );
    return {
      items: [...mine, ...rest.rows].map((d) => ({
        ...deputyPublic(ctx, d),
        mine: d.constituencyId === own,
      })),
      nextCursor: rest.nextCursor,
    };
  },

  async card(ctx, { code }) {
    authorize(ctx);
    const d = await sharedQueries(ctx.ports).deputyByCode(code);
    if (!d) throw new AppError('NOT_FOUND', '未找到该代表联系卡');
    return deputyPublic(ctx, d);
  },

  async myCard(ctx) {
    const caller = authorize(ctx);
    let deputy = caller.deputy!;
    const { codes, files, store } = ctx.ports;
    if (!deputy.cardFileId) {
      // Generated once and kept: wxacode.getUnlimited has no lifetime cap, but each call costs quota.
      const png = await codes.image({ scene: deputy.code, page: CARD_PAGE });
      const fileId = await files.put(`cards/${deputy.code}.png`, png, 'image/png');
      await store.transact(async (tx) => {
        await tx.update('deputies', deputy.id, { cardFileId: fileId });
      });
      deputy = { ...deputy, cardFileId: fileId };
    }
    return {
      deputy: deputyPublic(ctx, deputy),
      imageUrl: await files.url(deputy.cardFileId!),
      cardPath: `${CARD_PAGE}?code=${deputy.code}`,
    };
  },

  async saveDeputy(ctx, input) {
    const target = ctx.geo.region(input.constituencyId);
    if (!target || target.kind !== 'constituency') {
      throw new AppError('INVALID_INPUT', '请选择选区', { constituencyId: '选区不存在' });
    }
    const existing = input.deputyId ? await deputyOf(ctx, input.deputyId) : null;
    // Staff must be over both the old and the new constituency.
    if (existing) authorize(ctx, regionSubject(ctx, existing.constituencyId));
    authorize(ctx, regionSubject(ctx, input.constituencyId));
    if (input.stationId && !ctx.geo.station(input.stationId)) {
      throw new AppError('INVALID_INPUT', '联络站不存在', { stationId: '联络站不存在' });
    }
    // A photo is the caller's own upload (from this page's photo picker).
    if (input.photoFileId && !(await ctx.ports.media.accepts(input.photoFileId, ctx.caller!.user.id))) {
      throw new AppError('INVALID_INPUT', '照片无效，请重新选择', { photoFileId: '不是您上传的照片' });
    }
    if (input.userId) {
      const holder = await sharedQueries(ctx.ports).deputyByUser(input.userId);
      if (holder && holder.id !== existing?.id) {
        throw new AppError('CONFLICT', `该账号已关联代表 ${holder.name}`, { userId: '已关联其他代表' });
      }
    }
    const now = ctx.now.toISOString();
    const saved = await ctx.ports.store.transact(async (tx) => {
      const userId = input.userId === undefined ? (existing?.userId ?? null) : input.userId;
      if (userId && !(await tx.get('users', userId))) {
        throw new AppError('NOT_FOUND', '要关联的账号不存在', { userId: '账号不存在' });
      }
      const d: Deputy = {
        id: existing?.id ?? ctx.ports.ids.next(),
        code: existing?.code ?? ctx.ports.ids.code(8),
        cardFileId: existing?.cardFileId ?? null,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        userId,
        name: input.name,
        nameKey: nameKey(input.name),
        level: input.level,
        countyId: target.countyId,
        townshipId: target.townshipId!,
        constituencyId: target.id,
        workUnit: input.workUnit,
        // A new photo replaces an older typed-in address; none given keeps what there was.
        photoFileId: input.photoFileId === undefined ? (existing?.photoFileId ?? null) : input.photoFileId,
        photoUrl: input.photoFileId === undefined ? (existing?.photoUrl ?? '') : '',
        stationId: input.stationId,
        publicContact: input.publicContact,
      };
      if (existing) {
        const { id: _id, ...patch } = d;
        await tx.update('deputies', d.id, patch);
      } else {
        await tx.insert('deputies', d);
      }
      await relink(tx, { id: d.id, userId: existing?.userId ?? null }, userId);
      await audit(tx, ctx, { entityType: 'deputy', entityId: d.id, detail: { created: !existing } });
      return d;
    });
    return deputyPublic(ctx, saved);
  },
};
