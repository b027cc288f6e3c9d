/** What the consult module tells users (outbox kinds) and records in deputies' duty records. */
import type { ActivitySpec, NotificationSpec } from '../../core/module';

export const NOTIFICATIONS = {
  'consult.feedback': { about: '征询结束后公布采纳情况，告诉每位参与者', subscription: true },
  'consult.corrected': { about: '征询稿更正为新版本，告诉已参与的人', subscription: true },
  'consult.reminder': { about: '截止前 2 天提醒尚未参与的代表', subscription: true },
} as const satisfies Record<string, NotificationSpec>;

export const ACTIVITIES = {
  'consult.respond': { label: '参加意见征询', points: 1 },
} as const satisfies Record<string, ActivitySpec>;

declare module '../../core/records' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface NotificationKinds extends Record<keyof typeof NOTIFICATIONS, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ActivityTypes extends Record<keyof typeof ACTIVITIES, true> {}
}
