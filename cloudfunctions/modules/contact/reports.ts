/** A thread as a public opinion report needs it (the cases module turns it into one), and the link back. */
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../core/ports';
import { contactQueries } from './storage';

export interface ThreadForReport {
  threadId: string;
  deputyId: string;
  voterUserId: string;
  /** Masked (王*明) or the WeChat name. */
  voterName: string;
  countyId: string;
  townshipId: string;
  category: string;
  /** The voter's visible messages, oldest first. */
  text: string;
  reportCaseId: string | null;
}

/** The thread, for its own deputy only (FORBIDDEN otherwise; a thread still held is not shown). */
export async function threadForReport(ctx: Ctx, threadId: string): Promise<ThreadForReport> {
  const t = await ctx.ports.store.get('threads', threadId);
  if (!t) throw new AppError('NOT_FOUND', '留言不存在');
  if (!ctx.caller?.deputy || ctx.caller.deputy.id !== t.deputyId)
    throw new AppError('FORBIDDEN', '只有收到这条留言的代表可以把它转为社情民意');
  if (t.held) throw new AppError('NOT_FOUND', '留言不存在');
  const messages = await contactQueries(ctx.ports).messagesOfThread(t.id, { limit: 50 });
  const text = messages
    .filter((m) => m.authorRole === 'voter' && m.status === 'visible')
    .map((m) => m.text)
    .join('\n');
  return {
    threadId: t.id,
    deputyId: t.deputyId,
    voterUserId: t.voterUserId,
    voterName: t.voterName,
    countyId: t.countyId,
    townshipId: t.townshipId,
    category: t.category,
    text,
    reportCaseId: t.reportCaseId ?? null,
  };
}

/** Marks the thread with its report, in the report's unit of work; a thread becomes one report only. */
export async function markThreadReport(tx: Tx, threadId: string, caseId: string): Promise<void> {
  const t = await tx.get('threads', threadId);
  if (!t) throw new AppError('NOT_FOUND', '留言不存在');
  if (t.reportCaseId) throw new AppError('CONFLICT', '这条留言已转为社情民意');
  await tx.update('threads', threadId, { reportCaseId: caseId });
}
