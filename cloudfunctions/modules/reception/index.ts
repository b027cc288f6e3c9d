/**
 * The reception module (function `reception`): liaison stations, reception days (代表接待日) with slots,
 * deputies' day assignments and rotation, voters' bookings with a waitlist, check-in on the day, walk-ins,
 * visit records and figures. Other modules use it only through ./public.ts.
 */
import type { Module } from '../../core/module';
import { receptionContracts } from './contract';
import { bookingHandlers } from './handlers/bookings';
import { dayHandlers } from './handlers/days';
import { deskHandlers } from './handlers/desk';
import { figureHandlers } from './handlers/figures';
import { stationHandlers } from './handlers/stations';
import { JOBS } from './jobs';
import { ACTIVITIES, NOTIFICATIONS } from './kinds';
import { receptionPolicy } from './policy';
import { RECEPTION_COLLECTIONS } from './records';
import { seedReception } from './seed';
import { receptionStorage } from './storage';

export const reception = {
  name: 'reception',
  summary: '联络站、代表接待日与时段、代表安排与轮值、选民预约与候补、签到、接待记录与统计',
  contracts: receptionContracts,
  policy: receptionPolicy,
  handlers: {
    ...stationHandlers,
    ...dayHandlers,
    ...bookingHandlers,
    ...deskHandlers,
    ...figureHandlers,
  },
  collections: RECEPTION_COLLECTIONS,
  storage: receptionStorage,
  notifications: NOTIFICATIONS,
  activities: ACTIVITIES,
  jobs: JOBS,
  seed: seedReception,
  openapi: ['security.msgSecCheck'],
  rendersQr: true,
} satisfies Module<typeof receptionContracts>;
