/** A visit record as a public opinion report needs it (the cases module turns it into one), and the link back. */
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../core/ports';

export interface VisitForReport {
  visitId: string;
  deputyId: string;
  /** The voter who booked the seat; null for a walk-in. */
  voterUserId: string | null;
  /** Masked (王*明). */
  visitorName: string;
  countyId: string;
  townshipId: string;
  raised: string;
  promised: string;
  caseId: string | null;
}

/** The visit, for the deputy who received the visitor only (FORBIDDEN otherwise). */
export async function visitForReport(ctx: Ctx, visitId: string): Promise<VisitForReport> {
  const { store } = ctx.ports;
  const v = await store.get('visits', visitId);
  if (!v) throw new AppError('NOT_FOUND', '接待记录不存在');
  if (!ctx.caller?.deputy || ctx.caller.deputy.id !== v.deputyId)
    throw new AppError('FORBIDDEN', '只有接待的代表可以把记录转为社情民意');
  const [day, booking] = await Promise.all([
    store.get('receptionDays', v.dayId),
    v.bookingId ? store.get('bookings', v.bookingId) : null,
  ]);
  if (!day) throw new AppError('NOT_FOUND', '接待日不存在');
  return {
    visitId: v.id,
    deputyId: v.deputyId,
    voterUserId: booking?.voterUserId ?? null,
    visitorName: v.visitorName,
    countyId: day.countyId,
    townshipId: day.townshipId,
    raised: v.raised,
    promised: v.promised,
    caseId: v.caseId ?? null,
  };
}

/** Marks the visit with its report, in the report's unit of work; a visit becomes one report only. */
export async function markVisitReport(tx: Tx, visitId: string, caseId: string): Promise<void> {
  const v = await tx.get('visits', visitId);
  if (!v) throw new AppError('NOT_FOUND', '接待记录不存在');
  if (v.caseId) throw new AppError('CONFLICT', '这条接待记录已转为社情民意');
  await tx.update('visits', visitId, { caseId });
}
