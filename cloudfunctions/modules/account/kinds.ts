/** What the account module tells users (outbox kinds); it writes no duty-record activities. */
import type { ActivitySpec, NotificationSpec } from '../../core/module';

export const NOTIFICATIONS = {
  'verify.conflict': { about: '实名认证冲突的核实结果', subscription: false },
} as const satisfies Record<string, NotificationSpec>;

export const ACTIVITIES = {} as const satisfies Record<string, ActivitySpec>;

declare module '../../core/records' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface NotificationKinds extends Record<keyof typeof NOTIFICATIONS, true> {}
}
