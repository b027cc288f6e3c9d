/**
 * The cases module (function `cases`): one case engine — public opinion reports (社情民意) its first
 * kind, suggestions next — from submission through acceptance, forwarding, assignment to handling units,
 * reply, rating and one reopening to publication; deadlines on a working-day calendar, statistics from
 * maintained counters, XLSX export. Other modules use it only through ./public.ts.
 */
import type { Module } from '../../core/module';
import { casesContracts } from './contract';
import { casesHandlers } from './handlers';
import { JOBS } from './jobs';
import { ACTIVITIES, NOTIFICATIONS } from './kinds';
import { casesPolicy } from './policy';
import { CASES_COLLECTIONS } from './records';
import { seedCases } from './seed';
import { casesStorage } from './storage';

export const cases = {
  name: 'cases',
  summary:
    '社情民意（案件）：提交、受理、转交、交办承办单位、答复、评价、重新办理、公开；办理时限与工作日、统计与导出',
  contracts: casesContracts,
  policy: casesPolicy,
  handlers: casesHandlers,
  collections: CASES_COLLECTIONS,
  storage: casesStorage,
  notifications: NOTIFICATIONS,
  activities: ACTIVITIES,
  jobs: JOBS,
  seed: seedCases,
  openapi: ['security.msgSecCheck', 'security.mediaCheckAsync'],
} satisfies Module<typeof casesContracts>;
