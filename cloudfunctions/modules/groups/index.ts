/**
 * The groups module (function `groups`): real-name groups (实名制群) of verified voters of one constituency
 * or station area — joining by the group's code, the deputy's card or a card in a linked WeChat chat; owners'
 * roster (approve, remove, mute); posts with images and polls, edited with history; comments, reads,
 * reports and reviews; the feed with unread counts; new-post notices fanned out by the timer. Other modules
 * use it only through ./public.ts.
 */
import type { Module } from '../../core/module';
import { groupsContracts } from './contract';
import { commentHandlers } from './handlers/comments';
import { groupHandlers } from './handlers/groups';
import { imageHandlers } from './handlers/images';
import { memberHandlers } from './handlers/members';
import { postHandlers } from './handlers/posts';
import { subscriptionHandlers } from './handlers/subscriptions';
import { JOBS } from './jobs';
import { ACTIVITIES, NOTIFICATIONS } from './kinds';
import { groupsPolicy } from './policy';
import { GROUP_COLLECTIONS } from './records';
import { seedGroups } from './seed';
import { groupsStorage } from './storage';

export const groups = {
  name: 'groups',
  summary:
    '实名制群：本选区实名选民入群、关联微信群、群公告（图片、投票）、评论、已读、举报与审核、新公告提醒',
  contracts: groupsContracts,
  policy: groupsPolicy,
  handlers: {
    ...groupHandlers,
    ...memberHandlers,
    ...postHandlers,
    ...commentHandlers,
    ...subscriptionHandlers,
    ...imageHandlers,
  },
  collections: GROUP_COLLECTIONS,
  storage: groupsStorage,
  notifications: NOTIFICATIONS,
  activities: ACTIVITIES,
  jobs: JOBS,
  seed: seedGroups,
  openapi: [
    'security.msgSecCheck',
    'security.mediaCheckAsync',
    'wxacode.getUnlimited',
    'cloudbase.getOpenData',
  ],
} satisfies Module<typeof groupsContracts>;
