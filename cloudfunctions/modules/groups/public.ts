/** What other modules may use of the groups module. */
import type { Ctx } from '../../core/context';
import type { Tx } from '../../core/ports';
import { daySpan } from '../../core/time';
import { announce, postLink } from './effects';
import type { Group } from './records';
import { groupsQueries } from './storage';
import { newPost } from './views';

export type { Group, GroupPost } from './records';
export { postLink };

/** What announcing a reception day needs of it. */
export interface AnnouncedDay {
  id: string;
  countyId: string;
  townshipId: string;
  stationId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  theme: string;
}

/**
 * A reception day was published: the real-name groups of the constituencies it serves — its station's
 * township's and its confirmed deputies' — and of its station get a post about it, in the publishing unit of
 * work (one post per group and day: publishing again writes none). Returns how many groups were told.
 */
export async function announceReceptionDay(
  tx: Tx,
  ctx: Ctx,
  day: AnnouncedDay,
  deputyIds: readonly string[],
): Promise<number> {
  const deputies = (await Promise.all(deputyIds.map((id) => tx.get('deputies', id)))).filter(
    (d): d is NonNullable<typeof d> => !!d,
  );
  const constituencies = new Set([
    ...ctx.geo.regions
      .filter((r) => r.kind === 'constituency' && r.townshipId === day.townshipId)
      .map((r) => r.id),
    ...deputies.map((d) => d.constituencyId),
  ]);
  const q = groupsQueries(ctx.ports);
  const found = await Promise.all([
    ...[...constituencies].map((constituencyId) => q.groupsIn({ constituencyId }, { limit: 20 })),
    q.groupsIn({ stationId: day.stationId }, { limit: 20 }),
  ]);
  const groups = [...new Map(found.flat().map((g) => [g.id, g])).values()];
  const station = ctx.geo.station(day.stationId);
  const names = deputies.map((d) => d.name).join('、');
  const text = [
    `【代表接待日】${daySpan(day.date, day.startsAt, day.endsAt, ctx.now)}，${station?.name ?? ''}`,
    station?.address ? `地点：${station.address}` : '',
    `主题：${day.theme}`,
    names ? `参加接待的代表：${names}` : '',
    '有事想当面说的，可在小程序“代表接待日”中预约。',
  ]
    .filter(Boolean)
    .join('\n');
  let told = 0;
  for (const found of groups) {
    const id = `rd-${day.id}-${found.id}`;
    if (await tx.get('groupPosts', id)) continue;
    const g: Group | null = await tx.get('groups', found.id);
    if (!g) continue;
    const now = ctx.now.toISOString();
    const post = newPost(g, {
      id,
      kind: 'reception',
      authorUserId: ctx.caller?.user.id ?? 'system',
      authorDeputyId: null,
      authorName: station?.name ?? '乡镇人大',
      text,
      refId: day.id,
      createdAt: now,
    });
    await tx.insert('groupPosts', post);
    await announce(tx, ctx, g, post);
    told++;
  }
  return told;
}
