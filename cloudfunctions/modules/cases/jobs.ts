/**
 * The cases module's timer step: cases whose running stage passed its limit are flagged overdue, with a
 * step on the timeline; whoever holds the case is reminded and the submitter is told it is late — once
 * per stage (a claim document per case and stage, so a rerun after a crash tells nobody twice). An
 * answer left unrated past its limit closes as not rated.
 */
import type { Ctx } from '../../core/context';
import { notify } from '../../core/effects';
import { AppError } from '../../core/errors';
import { timerCtx } from '../../core/jobs';
import type { JobStep } from '../../core/module';
import type { Ports, Tx } from '../../core/ports';
import { addDays, chinaDate, dateLabel } from '../../core/time';
import { STAGE_LABEL } from './constants';
import { next as nextStatus, commit, withStage } from './engine';
import type { Case } from './records';
import { casesQueries } from './storage';
import { sharedQueries } from '../shared/public';

const BATCH = 100;

/** Changed meanwhile (a step was just taken): the next sweep looks again. Anything else is a fault. */
const conflictOnly = (e: unknown) => {
  if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
};
const link = (c: Case) => `/cases/detail/index?caseId=${c.id}`;

async function remindHolder(tx: Tx, ctx: Ctx, c: Case, what: string) {
  const base = {
    kind: 'case.overdue' as const,
    title: `事项已超过办理时限：${what}`,
    body: `${c.category}：${c.text.slice(0, 30)}`,
  };
  const staff = `${link(c)}&staff=1`;
  if (c.holder === 'deputy' && c.deputyId) {
    const d = await tx.get('deputies', c.deputyId);
    await notify(tx, ctx, { ...base, userId: d?.userId, link: staff });
  } else if (c.holder === 'unit' && c.leadUnitId) {
    const u = await tx.get('units', c.leadUnitId);
    for (const userId of u?.staffUserIds ?? []) await notify(tx, ctx, { ...base, userId, link: staff });
  }
}

/** One sweep: up to 100 cases per query, until none is left due (each in its own unit of work). */
export async function flagOverdue(ports: Ports): Promise<{ flagged: number; closed: number }> {
  const ctx = timerCtx(ports, 'flagOverdue');
  const q = casesQueries(ports);
  let flagged = 0;
  let closed = 0;
  for (let round = 0; round < 20; round++) {
    const due = await q.dueBefore(ctx.now.toISOString(), BATCH);
    if (due.length === 0) break;
    for (const c of due) {
      const stage = c.stage;
      if (!stage) continue;
      const claim = `late:${c.id}:${stage}:${c.stageStartedAt ?? ''}`;
      if (stage === 'rate') {
        // An answer nobody rated: closed as it stands, the rating left empty (closed never means solved).
        const to = nextStatus(c, 'expire', ['system']);
        const after = await withStage(ctx, c, { ...c, status: to, closedAt: ctx.now.toISOString() });
        await ports.store
          .transact((tx) =>
            commit(tx, ctx, c, after, {
              action: 'expire',
              actorKind: 'system',
              actorName: '系统',
              text: '答复后提交人未在期限内评价，事项办结（未评价）',
            }),
          )
          .catch(conflictOnly);
        closed++;
        continue;
      }
      const dueDay = c.dueAt ? dateLabel(addDays(chinaDate(c.dueAt), -1), ctx.now) : '';
      const deputies =
        c.holder === 'deputies'
          ? await sharedQueries(ports).deputies(
              c.intakeKey.startsWith('tw:') ? { townshipId: c.townshipId } : { constituencyId: c.intakeKey },
              { limit: 50 },
            )
          : [];
      const parts = c.holder === 'unit' ? await q.partsOfCase(c.id) : [];
      await ports.store
        .transact(async (tx) => {
          const seen = await tx.get('claims', claim);
          const after: Case = {
            ...c,
            overdue: true,
            lateStages: c.lateStages + (seen ? 0 : 1),
            unitLate: c.unitLate || c.holder === 'unit',
          };
          await commit(
            tx,
            ctx,
            c,
            after,
            seen
              ? null
              : {
                  action: 'overdue',
                  actorKind: 'system',
                  actorName: '系统',
                  text: `已超过「${STAGE_LABEL[stage]}」的时限${dueDay ? `（${dueDay}）` : ''}，已提醒办理人`,
                },
          );
          for (const p of parts.filter((x) => x.open && x.role === 'lead'))
            await tx.update('caseUnits', p.id, { overdue: true, updatedAt: ctx.now.toISOString() });
          if (seen) return;
          await tx.insert('claims', { id: claim, refId: c.id, at: ctx.now.toISOString() });
          await remindHolder(tx, ctx, c, STAGE_LABEL[stage]);
          for (const d of deputies) {
            await notify(tx, ctx, {
              userId: d.userId,
              kind: 'case.overdue',
              title: '有一件社情民意超过受理时限，请尽快受理',
              body: c.category,
              link: `${link(c)}&staff=1`,
            });
          }
          await notify(tx, ctx, {
            userId: c.submitterUserId,
            kind: 'case.late',
            title: '您的社情民意办理已超过时限',
            body: `「${STAGE_LABEL[stage]}」已超期，我们已提醒办理人，请耐心等待`,
            link: link(c),
          });
        })
        .catch(conflictOnly);
      flagged++;
    }
    if (due.length < BATCH) break;
  }
  return { flagged, closed };
}

export const JOBS: JobStep[] = [{ name: 'casesOverdue', run: flagOverdue }];
