/** What the cases module tells users (outbox kinds) and records in deputies' duty records. */
import type { ActivitySpec, NotificationSpec } from '../../core/module';

export const NOTIFICATIONS = {
  'case.submitted': { about: '选区代表收到待受理的社情民意', subscription: true },
  'case.progress': {
    about: '提交人的社情民意有了进展（受理、转交、交办、答复、办结、公开）',
    subscription: true,
  },
  'case.assigned': { about: '承办单位收到交办或重新办理的事项', subscription: true },
  'case.returned': { about: '承办单位退回交办的事项（告知转交的代表）', subscription: false },
  'case.overdue': { about: '事项超过办理时限：提醒正在办理的代表、人大办或承办单位', subscription: true },
  'case.late': { about: '告知提交人事项已超过办理时限', subscription: false },
} as const satisfies Record<string, NotificationSpec>;

export const ACTIVITIES = {
  'case.file': { label: '代选民提交社情民意', points: 1 },
  'case.fromVisit': { label: '接待记录转为社情民意', points: 1 },
  'case.accept': { label: '受理社情民意', points: 1 },
  'case.answer': { label: '直接答复社情民意', points: 2 },
  'case.forward': { label: '转交社情民意', points: 1 },
  'case.followUp': { label: '跟踪督办社情民意', points: 1 },
} as const satisfies Record<string, ActivitySpec>;

declare module '../../core/records' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface NotificationKinds extends Record<keyof typeof NOTIFICATIONS, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ActivityTypes extends Record<keyof typeof ACTIVITIES, true> {}
}
