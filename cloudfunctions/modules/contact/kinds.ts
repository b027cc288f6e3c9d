/** What the contact module tells users (outbox kinds) and records in deputies' duty records. */
import type { ActivitySpec, NotificationSpec } from '../../core/module';

export const NOTIFICATIONS = {
  'message.received': { about: '代表收到选民留言', subscription: true },
  'message.replied': { about: '选民收到代表答复', subscription: true },
  'message.chased': { about: '选民催办未答复的留言', subscription: true },
  'message.closed': { about: '选民关闭留言（已解决 / 未解决）', subscription: false },
  'message.released': { about: '待审核的留言通过审核并送达', subscription: true },
  'message.hidden': { about: '待审核的留言未通过审核', subscription: false },
} as const satisfies Record<string, NotificationSpec>;

export const ACTIVITIES = {
  'message.reply': { label: '答复选民留言', points: 1 },
} as const satisfies Record<string, ActivitySpec>;

declare module '../../core/records' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface NotificationKinds extends Record<keyof typeof NOTIFICATIONS, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ActivityTypes extends Record<keyof typeof ACTIVITIES, true> {}
}
