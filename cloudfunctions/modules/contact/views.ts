/** Records → what the client sees. Names of voters are masked for everyone but office staff. */
import type { Ctx } from '../../core/context';
import type { Deputy } from '../shared/public';
import { CHASE_AFTER_DAYS } from './constants';
import type { DeputyPublic, ThreadSummary } from './contract';
import type { Thread } from './records';

export function deputyPublic(ctx: Ctx, d: Deputy): DeputyPublic {
  const station = ctx.geo.station(d.stationId);
  return {
    deputyId: d.id,
    code: d.code,
    name: d.name,
    level: d.level,
    constituencyId: d.constituencyId,
    constituencyName: ctx.geo.region(d.constituencyId)?.name ?? '',
    townshipName: ctx.geo.region(d.townshipId)?.name ?? '',
    workUnit: d.workUnit,
    photoUrl: d.photoUrl,
    // Older documents (CloudBase) have no field at all.
    photoFileId: d.photoFileId ?? null,
    stationId: d.stationId,
    stationName: station?.name ?? null,
    publicContact: d.publicContact,
  };
}

export function canChase(t: Thread, now: Date): boolean {
  return (
    t.status !== 'closed' &&
    !t.chasedAt &&
    !!t.awaitingSince &&
    now.getTime() - Date.parse(t.awaitingSince) >= CHASE_AFTER_DAYS * 86400_000
  );
}

export function threadSummary(ctx: Ctx, t: Thread, deputyName: string): ThreadSummary {
  const viewerIsVoter = ctx.caller?.user.id === t.voterUserId;
  const viewerIsDeputy = !!ctx.caller?.deputy && ctx.caller.deputy.id === t.deputyId;
  return {
    threadId: t.id,
    deputyId: t.deputyId,
    deputyName,
    voterName: t.voterName,
    voterVerified: t.voterVerified,
    category: t.category,
    status: t.status,
    outcome: t.outcome,
    held: t.held,
    lastText: t.lastText,
    createdAt: t.createdAt,
    lastMessageAt: t.lastMessageAt,
    firstReplySeconds: t.firstReplySeconds,
    unread: viewerIsDeputy ? t.unreadByDeputy : viewerIsVoter ? t.unreadByVoter : false,
    canChase: viewerIsVoter && canChase(t, ctx.now),
    chasedAt: t.chasedAt,
  };
}
