/**
 * The account module (function `account`): who the caller is, real-name verification against the voter
 * register (选民名册), the register itself, verification conflicts, notifications and the duty record.
 * Other modules use it only through ./public.ts.
 */
import type { Module } from '../../core/module';
import { accountContracts } from './contract';
import { identityHandlers } from './handlers/identity';
import { ACTIVITIES, NOTIFICATIONS } from './kinds';
import { noticeHandlers } from './handlers/notices';
import { JOBS } from './jobs';
import { registerHandlers } from './handlers/register';
import { accountPolicy } from './policy';
import { ACCOUNT_COLLECTIONS } from './records';
import { seedAccount } from './seed';
import { accountStorage } from './storage';

export const account = {
  name: 'account',
  summary: '账号、实名认证、选民名册与认证冲突、通知、履职档案',
  contracts: accountContracts,
  policy: accountPolicy,
  handlers: { ...identityHandlers, ...registerHandlers, ...noticeHandlers },
  collections: ACCOUNT_COLLECTIONS,
  storage: accountStorage,
  notifications: NOTIFICATIONS,
  activities: ACTIVITIES,
  jobs: JOBS,
  seed: seedAccount,
  openapi: [],
} satisfies Module<typeof accountContracts>;
