/**
 * The timer's work (the `jobs` function; every minute locally): deliver the outbox.
 * Each item is marked inside its own unit of work, so a crash mid-run delivers nothing twice
 * except the one item in flight (subscription messages tolerate that; nothing is lost).
 */
import type { Ports } from '../ports';

const MAX_ATTEMPTS = 5;
const BATCH = 100;

export async function deliverOutbox(
  ports: Ports,
): Promise<{ sent: number; skipped: number; failed: number }> {
  const { store, notifier } = ports;
  const counts = { sent: 0, skipped: 0, failed: 0 };
  for (const item of await store.pendingOutbox(BATCH)) {
    const user = await store.get('users', item.userId);
    let outcome: 'sent' | 'skipped' | 'retry' | 'failed';
    try {
      outcome = user
        ? await notifier.deliver({
            openid: user.openid,
            kind: item.kind,
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
