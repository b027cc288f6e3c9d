/**
 * The consult module's timer steps, each safe to run again:
 * - close consultations past their close time;
 * - remind deputies in the audience who have not answered, 2 days before close (a claim per reminder);
 * - send feedback and correction notices to every respondent, in bounded batches per run (the notice
 *   keeps how far it got, in the same unit of work as the outbox items it wrote).
 */
import { notify } from '../../core/effects';
import { timerCtx } from '../../core/jobs';
import type { JobStep } from '../../core/module';
import type { Ports } from '../../core/ports';
import { dateTime } from '../../core/time';
import { sharedQueries, type Deputy, type DeputyFilter } from '../shared/public';
import { REMIND_DAYS_BEFORE_CLOSE } from './constants';
import { inPlaces, type AudienceSubject } from './policy';
import type { Consultation } from './records';
import { consultQueries } from './storage';

const DAY = 86400_000;
/** Respondents told per unit of work, and units per timer run (the outbox goes out 100 a minute). */
export const NOTICE_BATCH = 50;
export const NOTICE_BATCHES_PER_RUN = 10;

export async function closeDue(ports: Ports): Promise<number> {
  const ctx = timerCtx(ports, 'consultClose');
  const now = ctx.now.toISOString();
  let closed = 0;
  for (const c of await consultQueries(ports).publishedClosingBy(now, 100)) {
    await ports.store.transact(async (tx) => {
      const current = await tx.get('consultations', c.id);
      if (current?.status !== 'published' || current.closesAt > now) return;
      await tx.update('consultations', c.id, { status: 'closed', closedAt: current.closesAt });
      closed++;
    });
  }
  return closed;
}

/** The deputies of a consultation's audience (its chosen places, else its scope), 100 at a time. */
async function* audienceDeputies(ports: Ports, c: Consultation): AsyncGenerator<Deputy[]> {
  const { townshipIds, constituencyIds } = c.audience;
  const filters: DeputyFilter[] =
    townshipIds.length || constituencyIds.length
      ? [
          ...townshipIds.map((townshipId) => ({ townshipId })),
          ...constituencyIds.map((constituencyId) => ({ constituencyId })),
        ]
      : [c.townshipId ? { townshipId: c.townshipId } : {}];
  const subject: AudienceSubject = {
    countyId: c.countyId,
    townshipId: c.townshipId,
    audience: c.audience,
    respondent: { countyId: null, townshipId: null, constituencyId: null },
  };
  const seen = new Set<string>();
  for (const f of filters) {
    let after: { key: string; id: string } | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const rows = await sharedQueries(ports).deputies(f, { after, limit: 100 });
      yield rows.filter((d) => {
        const fresh = !seen.has(d.id);
        seen.add(d.id);
        return (
          fresh &&
          inPlaces(subject, {
            countyId: d.countyId,
            townshipId: d.townshipId,
            constituencyId: d.constituencyId,
          })
        );
      });
      if (rows.length < 100) break;
      after = { key: rows[rows.length - 1].name, id: rows[rows.length - 1].id };
    }
  }
}

export async function remindDeputies(ports: Ports): Promise<number> {
  const ctx = timerCtx(ports, 'consultReminders');
  const now = ctx.now.toISOString();
  const soon = new Date(ctx.now.getTime() + REMIND_DAYS_BEFORE_CLOSE * DAY).toISOString();
  let sent = 0;
  const due = (await consultQueries(ports).publishedClosingBy(soon, 100)).filter(
    (c) => !c.remindersSentAt && c.opensAt <= now && c.closesAt > now,
  );
  for (const c of due) {
    for await (const deputies of audienceDeputies(ports, c)) {
      const open: Deputy[] = [];
      for (const d of deputies) {
        if (!d.userId) continue;
        if (await ports.store.get('consultResponses', `${c.id}:${d.userId}`)) continue;
        open.push(d);
      }
      await ports.store.transact(async (tx) => {
        for (const d of open) {
          const marker = `remind:consult:${c.id}:${d.id}`;
          if (await tx.get('claims', marker)) continue;
          await tx.insert('claims', { id: marker, refId: c.id, at: now });
          await notify(tx, ctx, {
            userId: d.userId,
            kind: 'consult.reminder',
            title: '意见征询即将截止',
            body: `《${c.title}》将于 ${dateTime(c.closesAt, ctx.now)} 截止，欢迎提出您的意见`,
            link: `/consult/answer/index?consultationId=${c.id}`,
          });
          sent++;
        }
      });
    }
    await ports.store.transact((tx) => tx.update('consultations', c.id, { remindersSentAt: now }));
  }
  return sent;
}

/** Feedback and correction notices: at most NOTICE_BATCHES_PER_RUN batches of NOTICE_BATCH respondents. */
export async function sendNotices(ports: Ports): Promise<number> {
  const ctx = timerCtx(ports, 'consultNotices');
  let sent = 0;
  let batches = 0;
  for (const notice of await consultQueries(ports).pendingNotices(10)) {
    while (batches < NOTICE_BATCHES_PER_RUN) {
      batches++;
      const after =
        notice.afterKey && notice.afterId ? { key: notice.afterKey, id: notice.afterId } : undefined;
      const rows = await consultQueries(ports).responsesOf(notice.consultationId, {
        after,
        limit: NOTICE_BATCH,
      });
      const last = rows[rows.length - 1];
      const done = rows.length < NOTICE_BATCH;
      const wrote = await ports.store.transact(async (tx) => {
        const current = await tx.get('consultNotices', notice.id);
        // Another run got here first: leave it to that one.
        if (!current || current.done || current.afterId !== notice.afterId) return -1;
        for (const r of rows) {
          await notify(tx, ctx, {
            userId: r.userId,
            kind: `consult.${notice.kind}`,
            title: notice.title,
            body: notice.body,
            link: notice.link,
          });
        }
        await tx.update('consultNotices', notice.id, {
          afterKey: last ? last.createdAt : notice.afterKey,
          afterId: last ? last.id : notice.afterId,
          sent: current.sent + rows.length,
          done,
        });
        return rows.length;
      });
      if (wrote < 0) break;
      sent += wrote;
      notice.afterKey = last ? last.createdAt : notice.afterKey;
      notice.afterId = last ? last.id : notice.afterId;
      if (done) break;
    }
    if (batches >= NOTICE_BATCHES_PER_RUN) break;
  }
  return sent;
}

export const JOBS: JobStep[] = [
  { name: 'consultClose', run: closeDue },
  { name: 'consultReminders', run: remindDeputies },
  { name: 'consultNotices', run: sendNotices },
];
