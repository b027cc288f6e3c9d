/**
 * The consult module (function `consult`): consultations (意见征询) on drafts — articles split from the
 * pasted text, questions, an audience, open and close times — one editable response per person with
 * comments per article, results from maintained counters, XLSX export, adoption feedback per article
 * told to every respondent, and reminders to deputies. Other modules use it only through ./public.ts.
 */
import type { Module } from '../../core/module';
import { consultContracts } from './contract';
import { draftHandlers } from './handlers/drafts';
import { feedbackHandlers } from './handlers/feedback';
import { responseHandlers } from './handlers/responses';
import { resultHandlers } from './handlers/results';
import { JOBS } from './jobs';
import { ACTIVITIES, NOTIFICATIONS } from './kinds';
import { consultPolicy } from './policy';
import { CONSULT_COLLECTIONS } from './records';
import { seedConsult } from './seed';
import { consultStorage } from './storage';

export const consult = {
  name: 'consult',
  summary: '意见征询：征询稿逐条征求意见、问卷、实名范围、结果统计与导出、采纳情况反馈、截止提醒',
  contracts: consultContracts,
  policy: consultPolicy,
  handlers: {
    ...draftHandlers,
    ...responseHandlers,
    ...resultHandlers,
    ...feedbackHandlers,
  },
  collections: CONSULT_COLLECTIONS,
  storage: consultStorage,
  notifications: NOTIFICATIONS,
  activities: ACTIVITIES,
  jobs: JOBS,
  seed: seedConsult,
  openapi: ['security.msgSecCheck'],
} satisfies Module<typeof consultContracts>;
