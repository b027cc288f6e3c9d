/**
 * cases: the lead unit replies (cases that follow this one take the same answer), and the submitter rates
 * the answer — 不满意 reopens it once.
 */
import type { CasesHandlers } from '../contract';
import { commit, loadCase, withStage } from '../engine';
import { casesQueries } from '../storage';
import {
  answerOf,
  followerParts,
  step,
  tell,
  tellDeputy,
  tellUnit,
  updateParts,
  workingDaysSince,
} from './step';

export const repliesHandlers: Pick<CasesHandlers, 'reply' | 'rate'> = {
  async reply(ctx, input) {
    const c = await loadCase(ctx, input.caseId);
    const q = casesQueries(ctx.ports);
    const [parts, followers] = await Promise.all([q.partsOfCase(c.id), q.followersOf(c.id)]);
    const waiting = followers.filter((f) => f.status === 'inProgress');
    const days = await workingDaysSince(ctx, c);
    const followed = await Promise.all(
      waiting.map(async (f) => ({ f, days: await workingDaysSince(ctx, f) })),
    );
    return step(
      ctx,
      c.id,
      'reply',
      () => ({}),
      () => ({
        patch: {
          handledBy: 'unit',
          answerCategory: input.answerCategory,
          answerText: input.text,
          answeredAt: c.answeredAt ?? ctx.now.toISOString(),
          answerWorkingDays: c.answerWorkingDays ?? days,
          attitude: null,
          result: null,
        },
        kind: 'unit',
        text: (n) => `${n}作出答复（${input.answerCategory}），请您评价`,
        note: input.text,
        effects: async (tx, saved, n) => {
          await updateParts(
            tx,
            parts.filter((p) => p.open || p.caseStatus !== 'returned'),
            {
              open: false,
              caseStatus: saved.status,
              updatedAt: saved.updatedAt,
            },
          );
          await tell(
            tx,
            ctx,
            saved,
            `${n}答复了您的社情民意，请评价`,
            `${input.answerCategory}：${input.text.slice(0, 30)}`,
          );
          await tellDeputy(tx, ctx, saved, `${n}答复了您转交的社情民意`, 'case.returned');
          for (const { f, days: d } of followed) {
            const after = await withStage(ctx, f, {
              ...f,
              ...answerOf(saved, f, ctx.now.toISOString(), d),
              status: 'replied',
            });
            const s = await commit(tx, ctx, f, after, {
              action: 'follow',
              actorKind: 'unit',
              actorName: n,
              text: `这件事与早先的同类事项合并办理，${n}已作出答复（${input.answerCategory}），请您评价`,
              note: input.text,
            });
            await followerParts(tx, ctx, s);
            await tell(tx, ctx, s, `${n}答复了您的社情民意，请评价`);
          }
        },
      }),
    );
  },

  rate: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'rate',
      () => ({ result: input.result }),
      async (c, to) => {
        const reopen = to === 'reopened';
        const parts = reopen && c.handledBy === 'unit' ? await casesQueries(ctx.ports).partsOfCase(c.id) : [];
        return {
          patch: {
            attitude: input.attitude,
            result: input.result,
            ratedAt: ctx.now.toISOString(),
            reopenCount: reopen ? 1 : c.reopenCount,
            closedAt: reopen ? null : ctx.now.toISOString(),
          },
          kind: 'voter',
          text: () =>
            `提交人评价：办理态度${input.attitude}，办理结果${input.result}${
              reopen ? '。事项退回重新办理，限 1 个月内再次答复' : '。事项办结'
            }`,
          effects: async (tx, saved) => {
            if (!reopen) {
              const lead = saved.leadUnitId ? `${saved.id}:${saved.leadUnitId}` : null;
              if (lead && (await tx.get('caseUnits', lead)))
                await tx.update('caseUnits', lead, { caseStatus: saved.status, updatedAt: saved.updatedAt });
              return;
            }
            if (saved.handledBy === 'unit' && saved.leadUnitId) {
              const lead = parts.find((p) => p.unitId === saved.leadUnitId);
              if (lead) {
                await tx.update('caseUnits', lead.id, {
                  open: true,
                  overdue: false,
                  caseStatus: saved.status,
                  dueAt: saved.dueAt,
                  updatedAt: saved.updatedAt,
                });
              }
              await tellUnit(tx, ctx, saved.leadUnitId, saved, '提交人不满意，请在 1 个月内重新办理并答复');
            } else await tellDeputy(tx, ctx, saved, '提交人不满意您的答复，请重新办理', 'case.assigned');
          },
        };
      },
    ),
};
