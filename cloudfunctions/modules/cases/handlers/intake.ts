/**
 * cases: a deputy takes a report up — accepts (or a lead unit accepts its assignment), declines, answers
 * directly, forwards to the office, follows up — each appending to the deputy's duty record.
 */
import type { Ctx } from '../../../core/context';
import { appendActivity } from '../../../core/effects';
import type { Tx } from '../../../core/ports';
import { LITIGATION_POINTER } from '../constants';
import type { CasesHandlers } from '../contract';
import type { Case } from '../records';
import { casesQueries } from '../storage';
import { step, tell, tellUnit, updateParts, workingDaysSince } from './step';

const deputyActivity = (
  tx: Tx,
  ctx: Ctx,
  c: Case,
  type: 'case.accept' | 'case.answer' | 'case.forward' | 'case.followUp',
  what: string,
) =>
  appendActivity(tx, ctx, {
    deputyId: ctx.caller!.deputy!.id,
    type,
    refType: 'case',
    refId: c.id,
    summary: `${what}社情民意：${c.category}（${c.text.slice(0, 30)}）`,
  });

export const intakeHandlers: Pick<CasesHandlers, 'accept' | 'decline' | 'answer' | 'forward' | 'followUp'> = {
  accept: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'accept',
      () => ({}),
      (c, to) =>
        to === 'accepted'
          ? {
              patch: { deputyId: ctx.caller!.deputy!.id },
              kind: 'deputy',
              text: (n) => `${n}受理了这件事`,
              note: input.reason,
              effects: async (tx, saved, n) => {
                await tell(tx, ctx, saved, `${n}受理了您的社情民意`, saved.category);
                await deputyActivity(tx, ctx, saved, 'case.accept', '受理');
              },
            }
          : {
              patch: {},
              kind: 'unit',
              text: (n) => `${n}接受交办，开始办理`,
              note: input.reason,
              effects: async (tx, saved, n) => {
                const parts = await casesQueries(ctx.ports).partsOfCase(c.id);
                await updateParts(
                  tx,
                  parts.filter((p) => p.open),
                  {
                    caseStatus: saved.status,
                    updatedAt: saved.updatedAt,
                  },
                );
                await tell(tx, ctx, saved, `${n}已开始办理您的社情民意`);
              },
            },
    ),

  decline: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'decline',
      () => ({}),
      () => ({
        patch: { deputyId: ctx.caller!.deputy?.id ?? null, closedAt: ctx.now.toISOString() },
        kind: 'deputy',
        text: (n) => (input.litigation ? `${n}说明：这件事涉法涉诉，不在受理范围` : `${n}不予受理`),
        note: input.litigation ? [LITIGATION_POINTER, input.reason].filter(Boolean).join(' ') : input.reason,
        effects: (tx, saved, n) =>
          tell(
            tx,
            ctx,
            saved,
            `${n}未受理您的社情民意`,
            input.litigation ? LITIGATION_POINTER : (input.reason ?? ''),
          ),
      }),
    ),

  answer: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'answer',
      () => ({}),
      async (c) => ({
        patch: {
          handledBy: 'deputy',
          answerText: input.text,
          answeredAt: c.answeredAt ?? ctx.now.toISOString(),
          answerWorkingDays: c.answerWorkingDays ?? (await workingDaysSince(ctx, c)),
          attitude: null,
          result: null,
        },
        kind: 'deputy',
        text: (n) => `${n}直接答复了这件事，请您评价`,
        note: input.text,
        effects: async (tx, saved, n) => {
          await tell(tx, ctx, saved, `${n}答复了您的社情民意，请评价`, input.text.slice(0, 40));
          await deputyActivity(tx, ctx, saved, 'case.answer', '答复');
        },
      }),
    ),

  forward: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'forward',
      () => ({}),
      () => ({
        patch: {},
        kind: 'deputy',
        text: (n) => `${n}把这件事转交人大办，由人大办交给有关单位办理`,
        note: input.note,
        effects: async (tx, saved, n) => {
          await tell(tx, ctx, saved, `${n}已把您的社情民意转交人大办`);
          await deputyActivity(tx, ctx, saved, 'case.forward', '转交');
        },
      }),
    ),

  followUp: (ctx, input) =>
    step(
      ctx,
      input.caseId,
      'followUp',
      () => ({}),
      () => ({
        patch: {},
        kind: 'deputy',
        text: (n) => `${n}跟踪督办这件事`,
        note: input.text,
        effects: async (tx, saved, n) => {
          await tell(tx, ctx, saved, `${n}正在跟踪督办您的社情民意`, input.text.slice(0, 40));
          if (saved.leadUnitId && saved.holder === 'unit')
            await tellUnit(tx, ctx, saved.leadUnitId, saved, `${n}督办：${input.text.slice(0, 20)}`);
          await deputyActivity(tx, ctx, saved, 'case.followUp', '跟踪督办');
        },
      }),
    ),
};
