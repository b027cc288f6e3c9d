/** What the groups module tells users (outbox kinds) and records in deputies' duty records. */
import type { ActivitySpec, NotificationSpec } from '../../core/module';

export const NOTIFICATIONS = {
  // Written only for members holding a subscription (long-term, or a one-time one it uses up).
  'groups.post': { about: '实名制群有新公告（仅对订阅了提醒的成员）', subscription: true },
  'groups.approved': { about: '加入实名制群的申请已通过', subscription: false },
} as const satisfies Record<string, NotificationSpec>;

export const ACTIVITIES = {
  'groups.create': { label: '建立实名制群', points: 1 },
  'groups.post': { label: '发布群公告', points: 1 },
  'groups.answer': { label: '回复群成员', points: 0.5 },
  'groups.pollClose': { label: '完成群内投票', points: 0.5 },
} as const satisfies Record<string, ActivitySpec>;

declare module '../../core/records' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface NotificationKinds extends Record<keyof typeof NOTIFICATIONS, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ActivityTypes extends Record<keyof typeof ACTIVITIES, true> {}
}
