/**
 * The contact module (function `contact`): deputy profiles and contact cards (代表联系卡), and voter ↔
 * deputy message threads with content review. Other modules use it only through ./public.ts.
 */
import type { Module } from '../../core/module';
import { contactContracts } from './contract';
import { deputyHandlers } from './handlers/deputies';
import { invitationHandlers } from './handlers/invitations';
import { reviewHandlers } from './handlers/review';
import { threadHandlers } from './handlers/threads';
import { ACTIVITIES, NOTIFICATIONS } from './kinds';
import { contactPolicy } from './policy';
import { CONTACT_COLLECTIONS } from './records';
import { seedContact } from './seed';
import { contactStorage } from './storage';

export const contact = {
  name: 'contact',
  summary: '代表资料与联系卡，选民与代表的留言往来，待审核留言',
  contracts: contactContracts,
  policy: contactPolicy,
  handlers: { ...deputyHandlers, ...invitationHandlers, ...threadHandlers, ...reviewHandlers },
  collections: CONTACT_COLLECTIONS,
  storage: contactStorage,
  notifications: NOTIFICATIONS,
  activities: ACTIVITIES,
  seed: seedContact,
  openapi: ['security.msgSecCheck', 'wxacode.getUnlimited'],
} satisfies Module<typeof contactContracts>;
