/** The timer's work (the `jobs` function; every minute on the local host): every module's steps in order. */
import { makeGeo, type Ctx } from './context';
import type { JobStep, PushEvent } from './module';
import type { Ports } from './ports';

/** Runs the steps: work first, delivery (the outbox) last. Each step is safe to run again. */
export async function runJobs(ports: Ports, steps: readonly JobStep[]): Promise<Record<string, unknown>> {
  const ordered = [
    ...steps.filter((s) => s.phase !== 'deliver'),
    ...steps.filter((s) => s.phase === 'deliver'),
  ];
  const done: Record<string, unknown> = {};
  for (const step of ordered) done[step.name] = await step.run(ports);
  return done;
}

/** The message-push event an invocation carries (`{ MsgType: 'event', Event }`), if it is one we handle. */
export function pushEventOf(event: unknown): PushEvent | null {
  if (typeof event !== 'object' || event === null) return null;
  const e = event as Record<string, unknown>;
  return e.MsgType === 'event' && e.Event === 'wxa_media_check' ? 'wxa_media_check' : null;
}

/** Runs every step's handler of one message-push event, in order. */
export async function runEvent(
  ports: Ports,
  steps: readonly JobStep[],
  name: PushEvent,
  event: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const done: Record<string, unknown> = {};
  for (const step of steps) {
    const handle = step.events?.[name];
    if (handle) done[step.name] = await handle(ports, event);
  }
  return done;
}

/** The context a timer step writes effects under: no caller, the timer's own clock. */
export const timerCtx = (ports: Ports, action: string): Ctx => ({
  ports,
  caller: null,
  action: `jobs.${action}`,
  rule: () => false,
  now: ports.clock.now(),
  geo: makeGeo([], []),
  openData: {},
});
