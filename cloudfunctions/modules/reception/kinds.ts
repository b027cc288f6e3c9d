/** What the reception module tells users (outbox kinds) and records in deputies' duty records. */
import type { ActivitySpec, NotificationSpec } from '../../core/module';

export const NOTIFICATIONS = {
  'reception.invited': { about: '代表被安排参加接待日', subscription: true },
  'reception.published': { about: '代表参加的接待日已公布', subscription: false },
  'reception.promoted': { about: '候补的选民获得座位', subscription: true },
  'reception.reminder': { about: '接待日前一天提醒选民和代表', subscription: true },
} as const satisfies Record<string, NotificationSpec>;

export const ACTIVITIES = {
  'reception.attend': { label: '参加代表接待日', points: 2 },
  'reception.visit': { label: '接待群众', points: 1 },
} as const satisfies Record<string, ActivitySpec>;

declare module '../../core/records' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface NotificationKinds extends Record<keyof typeof NOTIFICATIONS, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ActivityTypes extends Record<keyof typeof ACTIVITIES, true> {}
}
