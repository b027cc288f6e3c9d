/**
 * Delivering the outbox (the jobs timer, every minute): each pending notification goes out through the
 * notifier (a subscription message on WeChat) and is marked one by one, so a rerun sends nothing twice.
 */
import type { JobStep } from '../../core/module';
import type { Ports } from '../../core/ports';
import type { NotificationKind } from '../../core/records';
import { applyMediaVerdict } from './media';
import { keyNames } from './names';
import { sharedQueries } from './storage';

const MAX_ATTEMPTS = 5;
const BATCH = 100;

export async function deliverOutbox(
  ports: Ports,
): Promise<{ sent: number; skipped: number; failed: number }> {
  const { store, notifier } = ports;
  const counts = { sent: 0, skipped: 0, failed: 0 };
  for (const item of await sharedQueries(ports).pendingOutbox(BATCH)) {
    const user = await store.get('users', item.userId);
    let outcome: 'sent' | 'skipped' | 'retry' | 'failed';
    try {
      outcome = user
        ? await notifier.deliver({
            openid: user.openid,
            kind: item.kind as NotificationKind,
            title: item.title,
            body: item.body,
            link: item.link,
          })
        : 'skipped';
    } catch (e) {
      console.error('[jobs] delivery failed', item.id, e instanceof Error ? e.message : e);
      outcome = item.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'retry';
    }
    await store.transact((tx) =>
      tx.update('outbox', item.id, {
        attempts: item.attempts + 1,
        ...(outcome === 'retry' ? {} : { status: outcome }),
        ...(outcome === 'sent' ? { sentAt: ports.clock.now().toISOString() } : {}),
      }),
    );
    if (outcome === 'sent') counts.sent++;
    else if (outcome === 'skipped') counts.skipped++;
    else counts.failed++;
  }
  return counts;
}

const outboxStep: JobStep = {
  name: 'outbox',
  phase: 'deliver',
  openapi: ['subscribeMessage.send'],
  run: deliverOutbox,
};

/** The image checks' verdicts (message push, not the timer): the modules they belong to settle them after. */
const mediaStep: JobStep = {
  name: 'mediaChecks',
  run: async () => 0,
  events: { wxa_media_check: applyMediaVerdict },
};

/** Deputies from before the pinyin sort key get theirs (names.ts). */
const nameKeysStep: JobStep = {
  name: 'deputyNameKeys',
  run: (ports) =>
    keyNames(ports, 'deputies', async function* () {
      yield await sharedQueries(ports).deputiesWithoutNameKey();
    }),
};

export const JOBS: JobStep[] = [mediaStep, nameKeysStep, outboxStep];
