/** cases: filing a report — by a verified voter, or by a deputy from a thread, a visit or on a voter's behalf — and the staff review of held text. */
import type { Ctx } from '../../../core/context';
import { appendActivity, audit, notify, once, priorResult } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize } from '../../../core/policy';
import type { Tx, Verdict } from '../../../core/ports';
import { chinaDate } from '../../../core/time';
import { registeredName } from '../../account/public';
import { markThreadReport, threadForReport } from '../../contact/public';
import { markVisitReport, visitForReport } from '../../reception/public';
import { recordMediaChecks, sharedQueries } from '../../shared/public';
import { CONSENT_VERSION } from '../constants';
import type { CasesHandlers } from '../contract';
import {
  actorName,
  actorsOf,
  appendStep,
  caseSubject,
  commit,
  count,
  loadCase,
  maskedSubmitter,
  next,
  settingsOf,
  withStage,
} from '../engine';
import type { Case } from '../records';
import { fullView } from '../views';
import { checkReportImages, imagesPlace, imagesRef } from '../images';

/** A case's page for the submitter (notifications open it). */
export const caseLink = (caseId: string) => `/cases/detail/index?caseId=${caseId}`;
export const staffLink = (caseId: string) => `/cases/detail/index?caseId=${caseId}&staff=1`;

/** msgSecCheck takes at most 2,500 characters: longer text is checked in parts, the worst verdict wins. */
async function checkText(ctx: Ctx, text: string): Promise<Verdict> {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 2500) parts.push(text.slice(i, i + 2500));
  let worst: Verdict = 'pass';
  for (const part of parts) {
    const v = await ctx.ports.content.text({ text: part, openid: ctx.caller!.user.openid, scene: 2 });
    if (v === 'risky') return 'risky';
    if (v === 'review') worst = 'review';
  }
  return worst;
}

/** Tells the deputies who may accept a waiting case (those with an account). */
export async function tellIntake(tx: Tx, ctx: Ctx, c: Case, deputies: { userId: string | null }[]) {
  for (const d of deputies) {
    if (!d.userId || d.userId === ctx.caller?.user.id) continue;
    await notify(tx, ctx, {
      userId: d.userId,
      kind: 'case.submitted',
      title: '有一件社情民意等待您受理',
      body: `${c.category}：${c.text.slice(0, 40)}`,
      link: staffLink(c.id),
    });
  }
}

/** The deputies of a case's intake (its constituency, or its township): at most 50. */
export async function intakeDeputies(ctx: Ctx, c: Pick<Case, 'intakeKey' | 'townshipId'>) {
  const q = sharedQueries(ctx.ports);
  const filter = c.intakeKey.startsWith('tw:')
    ? { townshipId: c.townshipId }
    : { constituencyId: c.intakeKey };
  return q.deputies(filter, { limit: 50 });
}

export const filingHandlers: Pick<CasesHandlers, 'submit' | 'draftFrom' | 'release'> = {
  async submit(ctx, input) {
    const caller = authorize(ctx);
    const region = ctx.geo.region(input.constituencyId ?? input.townshipId);
    const kind = input.constituencyId ? 'constituency' : 'township';
    if (!region || region.kind !== kind) {
      const field = input.constituencyId ? 'constituencyId' : 'townshipId';
      throw new AppError('INVALID_INPUT', kind === 'constituency' ? '选区不存在' : '乡镇不存在', {
        [field]: '请重新选择',
      });
    }
    const townshipId = region.kind === 'township' ? region.id : region.townshipId!;
    const settings = await settingsOf(ctx, region.countyId);
    if (!settings.categories.includes(input.category)) {
      throw new AppError('INVALID_INPUT', '请从列表中选择类别', { category: '类别不在列表中' });
    }
    const deputy = caller.deputy;
    const thread = input.fromThreadId ? await threadForReport(ctx, input.fromThreadId) : null;
    const visit = input.fromVisitId ? await visitForReport(ctx, input.fromVisitId) : null;
    if (thread?.reportCaseId || visit?.caseId) {
      throw new AppError('CONFLICT', thread ? '这条留言已转为社情民意' : '这条接待记录已转为社情民意');
    }
    if ((thread ?? visit) && (thread ?? visit)!.countyId !== region.countyId) {
      throw new AppError('INVALID_INPUT', '事项所在地不在本县', { townshipId: '请重新选择' });
    }
    const prior = await priorResult<{ caseId: string; status: Case['status']; held: boolean }>(ctx);
    if (prior) return prior;
    const verdict = await checkText(ctx, input.text);
    if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', '内容未通过安全检查，请修改后再提交');
    const held = verdict === 'review';
    const images = await checkReportImages(ctx, input.images);

    // Whom it is about: the thread's voter, the visit's voter, else the caller (a deputy's walk-in).
    const submitterUserId = thread?.voterUserId ?? visit?.voterUserId ?? caller.user.id;
    let submitterName = '';
    let submitterNameMasked = '';
    if (thread) submitterNameMasked = thread.voterName;
    else if (visit) submitterNameMasked = visit.visitorName;
    else if (deputy) submitterNameMasked = `${deputy.name}代表（代群众提交）`;
    else {
      submitterName = (await registeredName(ctx, caller.user)) ?? caller.user.displayName;
      submitterNameMasked = maskedSubmitter(submitterName);
    }
    const intakeKey = input.constituencyId ?? `tw:${townshipId}`;
    const now = ctx.now.toISOString();
    const filedBy = deputy ?? null;
    const base: Case = {
      id: ctx.ports.ids.next(),
      kind: input.kind,
      status: 'submitted',
      version: 0,
      countyId: region.countyId,
      townshipId,
      constituencyId: input.constituencyId ?? null,
      intakeKey,
      category: input.category,
      text: input.text,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      images,
      consentForward: input.consentForward,
      consentPublish: input.consentPublish,
      consentVersion: CONSENT_VERSION,
      submitterUserId,
      submitterName,
      submitterNameMasked,
      filedByDeputyId: filedBy?.id ?? null,
      fromThreadId: thread?.threadId ?? null,
      fromVisitId: visit?.visitId ?? null,
      held,
      deputyId: null,
      leadUnitId: null,
      assistingUnitIds: [],
      handledBy: null,
      answerCategory: null,
      answerText: null,
      answeredAt: null,
      answerWorkingDays: null,
      attitude: null,
      result: null,
      ratedAt: null,
      reopenCount: 0,
      lateStages: 0,
      unitLate: false,
      steps: 0,
      holder: 'deputies',
      stage: null,
      stageStartedAt: null,
      dueAt: null,
      overdue: false,
      followsCaseId: null,
      published: false,
      publishedAt: null,
      publicText: null,
      publicAnswer: null,
      month: chinaDate(ctx.now).slice(0, 7),
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    const submitted = await withStage(ctx, null, base);
    // A deputy of its constituency who files it takes it up at once.
    const selfAccept =
      !!filedBy &&
      !held &&
      (intakeKey === filedBy.constituencyId || intakeKey === `tw:${filedBy.townshipId}`);
    const accepted = selfAccept
      ? await withStage(ctx, submitted, { ...submitted, status: 'accepted', deputyId: filedBy!.id })
      : null;
    const deputies = selfAccept || held ? [] : await intakeDeputies(ctx, base);
    const filerName = filedBy ? `${filedBy.name}代表` : '提交人';
    return once(ctx, async (tx) => {
      await tx.insert('cases', { ...submitted, steps: 1, version: 1 });
      await recordMediaChecks(tx, ctx, images, imagesRef(base.id), caller.user.id, imagesPlace(base));
      await appendStep(tx, ctx, null, submitted, {
        action: 'submit',
        actorKind: filedBy ? 'deputy' : 'voter',
        actorName: filerName,
        text: filedBy
          ? `${filerName}${thread ? '根据群众留言' : visit ? '根据接待记录' : '代群众'}提交了这件社情民意`
          : '您提交了这件社情民意',
        note: held ? '内容需人工复核，复核通过后送交代表' : '',
      });
      await count(tx, null, submitted);
      let final: Case = { ...submitted, steps: 1, version: 1 };
      if (accepted) {
        final = await commit(
          tx,
          ctx,
          final,
          { ...accepted, steps: 1, version: 1 },
          {
            action: 'accept',
            actorKind: 'deputy',
            actorName: filerName,
            text: `${filerName}受理了这件事`,
          },
        );
      }
      if (thread) await markThreadReport(tx, thread.threadId, base.id);
      if (visit) await markVisitReport(tx, visit.visitId, base.id);
      if (filedBy) {
        await appendActivity(tx, ctx, {
          deputyId: filedBy.id,
          type: visit ? 'case.fromVisit' : 'case.file',
          refType: 'case',
          refId: base.id,
          summary: `${visit ? '接待记录转为社情民意' : '提交社情民意'}：${input.category}`,
        });
      }
      if (submitterUserId !== caller.user.id) {
        await notify(tx, ctx, {
          userId: submitterUserId,
          kind: 'case.progress',
          title: `${filerName}把您反映的问题作为社情民意提交`,
          body: `${input.category}：${input.text.slice(0, 40)}`,
          link: caseLink(base.id),
        });
      }
      await tellIntake(tx, ctx, final, deputies);
      await audit(tx, ctx, {
        entityType: 'case',
        entityId: base.id,
        detail: { consentForward: input.consentForward, consentPublish: input.consentPublish, held },
      });
      return { caseId: base.id, status: final.status, held };
    });
  },

  async draftFrom(ctx, input) {
    authorize(ctx);
    if (input.fromThreadId) {
      const t = await threadForReport(ctx, input.fromThreadId);
      const deputy = ctx.caller!.deputy!;
      const settings = await settingsOf(ctx, t.countyId);
      return {
        from: 'thread',
        category: settings.categories.includes(t.category) ? t.category : '其他',
        townshipId: t.townshipId,
        constituencyId: deputy.townshipId === t.townshipId ? deputy.constituencyId : null,
        text: t.text.slice(0, 3000),
        submitterName: t.voterName,
        existingCaseId: t.reportCaseId,
      };
    }
    const v = await visitForReport(ctx, input.fromVisitId!);
    const deputy = ctx.caller!.deputy!;
    const text = v.promised ? `${v.raised}\n（代表答复：${v.promised}）` : v.raised;
    return {
      from: 'visit',
      category: '其他',
      townshipId: v.townshipId,
      constituencyId: deputy.townshipId === v.townshipId ? deputy.constituencyId : null,
      text: text.slice(0, 3000),
      submitterName: v.visitorName,
      existingCaseId: v.caseId,
    };
  },

  async release(ctx, input) {
    const c = await loadCase(ctx, input.caseId);
    authorize(ctx, caseSubject(c));
    const actors = actorsOf(ctx.caller, c);
    const hide = input.decision === 'hide';
    const to = next(c, hide ? 'decline' : 'release', actors);
    const name = await actorName(ctx, c, 'office');
    const after = await withStage(ctx, c, {
      ...c,
      status: to,
      held: false,
      closedAt: hide ? ctx.now.toISOString() : null,
    });
    const deputies = hide ? [] : await intakeDeputies(ctx, c);
    await once(ctx, (tx) =>
      commit(
        tx,
        ctx,
        c,
        after,
        {
          action: hide ? 'decline' : 'release',
          actorKind: 'office',
          actorName: name,
          text: hide ? `${name}复核后不予受理` : `${name}复核了内容，已送交代表`,
          note: hide ? '内容未通过审核' : '',
        },
        async (saved) => {
          if (hide) {
            await notify(tx, ctx, {
              userId: c.submitterUserId,
              kind: 'case.progress',
              title: '您的社情民意未通过内容审核',
              body: '如有疑问，请联系乡镇人大',
              link: caseLink(c.id),
            });
          } else await tellIntake(tx, ctx, saved, deputies);
          await audit(tx, ctx, { entityType: 'case', entityId: c.id, detail: { decision: input.decision } });
        },
      ).then((s) => ({ caseId: s.id })),
    );
    return fullView(ctx, await loadCase(ctx, c.id));
  },
};
