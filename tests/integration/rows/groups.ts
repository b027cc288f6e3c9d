/** The groups module's rows of the authorization and bad-input matrices (the demo group of 青石镇第一选区). */
import { DEMO_GROUP_CODE, DEMO_GROUP_ID } from '../../../cloudfunctions/modules/groups/seed';
import { personaUserId } from '../../../cloudfunctions/modules/shared/public';
import type { World } from '../harness';
import { CALLERS, long, ok, OFFICE, SIGNED_IN, type AuthorizationCase, type BadInputCase } from './types';

const group = { groupId: DEMO_GROUP_ID };
const voterId = () => personaUserId('voter');
/** Owners of the demo group (李华), and who reads it: its member 王小明 and the offices over 青石镇. */
const READERS = ['voter', 'deputy', ...OFFICE] as const;
const LISTERS = ['deputy', 'otherDeputy', 'station', 'township', 'otherTownship', 'county'] as const;

/** A new group of 第一选区 (李华's) that 王小明 is not in yet. */
async function freshGroup(w: World, joinRule: 'auto' | 'approval' = 'auto') {
  return w.call('deputy', 'groups', 'create', { constituencyId: 'tw-qs-c1', name: '议事群', joinRule });
}

/** The demo post 路灯 with one image held for review (as a `review` verdict leaves it). */
async function heldImage(w: World) {
  const fileId = `local://uploads/${personaUserId('deputy')}/held-0001.jpg`;
  await w.ports.store.transact((tx) =>
    tx.update('groupPosts', 'gp-demo-lights', { images: [{ fileId, status: 'review', traceId: null }] }),
  );
  return { postId: 'gp-demo-lights', fileId };
}

export const authorization: Record<string, AuthorizationCase> = {
  create: {
    allowed: ok('deputy'),
    input: () => ({ constituencyId: 'tw-qs-c1', name: '第一选区议事群', joinRule: 'auto' }),
  },
  preview: { allowed: ok(...CALLERS), input: () => ({ code: DEMO_GROUP_CODE }) },
  list: { allowed: ok(...LISTERS), input: () => ({}) },
  mine: { allowed: ok(...SIGNED_IN), input: () => ({}) },
  code: { allowed: ok('deputy', ...OFFICE), input: () => group },
  chats: { allowed: ok('deputy'), input: () => group },
  // Verified voters only (王小明 here; the others of the matrix are not verified).
  join: { allowed: ok('voter'), input: async (w) => ({ code: (await freshGroup(w)).code }) },
  leave: { allowed: ok('voter'), input: () => group },
  members: { allowed: ok('deputy', ...OFFICE), input: () => group },
  approve: {
    allowed: ok('deputy'),
    input: async (w) => {
      const g = await freshGroup(w, 'approval');
      await w.call('voter', 'groups', 'join', { code: g.code });
      return { groupId: g.groupId, userId: voterId() };
    },
  },
  remove: { allowed: ok('deputy'), input: () => ({ ...group, userId: voterId() }) },
  mute: { allowed: ok('deputy'), input: () => ({ ...group, userId: voterId() }) },
  post: { allowed: ok('deputy'), input: () => ({ ...group, text: '本周六上午议事会' }) },
  edit: {
    allowed: ok('deputy'),
    input: () => ({ postId: 'gp-demo-lights', text: '路灯周四修好', version: 1 }),
  },
  pin: { allowed: ok('deputy'), input: () => ({ postId: 'gp-demo-lights' }) },
  feed: { allowed: ok(...READERS), input: () => group },
  getPost: { allowed: ok(...READERS), input: () => ({ postId: 'gp-demo-lights' }) },
  read: { allowed: ok(...READERS), input: () => ({ postId: 'gp-demo-poll' }) },
  vote: { allowed: ok('voter'), input: () => ({ postId: 'gp-demo-poll', option: 0 }) },
  closePoll: { allowed: ok('deputy'), input: () => ({ postId: 'gp-demo-poll' }) },
  comment: { allowed: ok('voter', 'deputy'), input: () => ({ postId: 'gp-demo-lights', text: '谢谢' }) },
  comments: { allowed: ok(...READERS), input: () => ({ postId: 'gp-demo-lights' }) },
  report: { allowed: ok('voter'), input: () => ({ commentId: 'gc-demo-2', reason: 'irrelevant' }) },
  hide: { allowed: ok('deputy', ...OFFICE), input: () => ({ commentId: 'gc-demo-1' }) },
  reports: { allowed: ok(...LISTERS), input: () => ({}) },
  reviewImage: {
    allowed: ok(...OFFICE),
    input: async (w) => ({ ...(await heldImage(w)), decision: 'release' }),
  },
  heldImages: { allowed: ok(...OFFICE, 'otherTownship'), input: () => ({}) },
  subscription: { allowed: ok(...SIGNED_IN), input: () => ({}) },
  subscribe: { allowed: ok(...SIGNED_IN), input: () => ({ result: 'accept' }) },
};

const image = (n: number) =>
  `local://uploads/${personaUserId('deputy')}/photo-${String(n).padStart(4, '0')}.jpg`;
const poll = (over: Record<string, unknown> = {}) => ({
  ...group,
  text: '投票',
  poll: { options: ['甲', '乙'], closesAt: '2026-11-25T02:00:00Z', ...over },
});

export const badInput: Record<string, BadInputCase> = {
  create: {
    who: 'deputy',
    inputs: [
      {},
      { constituencyId: 'tw-qs-c1', stationId: 'tw-qs-st', name: '议事群', joinRule: 'auto' },
      { constituencyId: 'tw-qs-c1', name: '群', joinRule: 'auto' },
      { constituencyId: 'tw-qs-c1', name: long(31), joinRule: 'auto' },
      { constituencyId: 'tw-qs-c1', name: '议事群', description: long(301), joinRule: 'auto' },
      { constituencyId: 'tw-qs-c1', name: '议事群', joinRule: 'open' },
    ],
  },
  preview: { who: 'voter', inputs: [{}, { code: 'ABC' }, { code: DEMO_GROUP_CODE, deputyId: 'dep-01' }] },
  list: { who: 'deputy', inputs: [{ cursor: 'garbage' }] },
  mine: { who: 'voter', inputs: [{ cursor: 'garbage' }] },
  code: { who: 'deputy', inputs: [{}, { groupId: 5 }] },
  chats: { who: 'deputy', inputs: [{}] },
  join: {
    who: 'voter',
    inputs: [
      {},
      { code: 'G1' },
      { code: DEMO_GROUP_CODE, chat: 'yes' },
      { code: DEMO_GROUP_CODE, from: 'chat' },
    ],
  },
  leave: { who: 'voter', inputs: [{}] },
  members: {
    who: 'deputy',
    inputs: [{}, { ...group, status: 'left' }, { ...group, cursor: 'garbage' }],
  },
  approve: { who: 'deputy', inputs: [{}, group] },
  remove: { who: 'deputy', inputs: [{ ...group, userId: '' }] },
  mute: { who: 'deputy', inputs: [{ ...group, userId: 'u1', muted: 'yes' }] },
  post: {
    who: 'deputy',
    inputs: [
      {},
      { ...group, text: '' },
      { ...group, text: long(2001) },
      { ...group, text: '照片', images: Array.from({ length: 10 }, (_, i) => image(i)) },
      { ...group, text: '照片', images: ['https://example.com/a.jpg'] },
      { ...group, text: '照片', images: [image(1), image(1)] },
      // Well-formed, but not an upload of this deputy's (nothing stored there).
      { ...group, text: '照片', images: [image(2)] },
      poll({ options: ['只有一个'] }),
      poll({ options: ['甲', '甲'] }),
      poll({ options: ['甲', long(41)] }),
      poll({ closesAt: '明天' }),
      poll({ closesAt: '2026-11-01T02:00:00Z' }),
    ],
  },
  edit: {
    who: 'deputy',
    inputs: [
      { postId: 'gp-demo-lights', text: '改' },
      { postId: 'gp-demo-lights', text: '改', version: 0 },
      { postId: 'gp-demo-lights', text: long(2001), version: 1 },
      { postId: 'gp-demo-lights', text: '', version: 1 },
    ],
  },
  pin: { who: 'deputy', inputs: [{ postId: 'gp-demo-lights', pinned: 'yes' }] },
  feed: { who: 'voter', inputs: [{}, { ...group, cursor: 'garbage' }] },
  getPost: { who: 'voter', inputs: [{}] },
  read: {
    who: 'voter',
    inputs: [
      {},
      { postId: 'gp-demo-poll', postIds: ['gp-demo-poll'] },
      { postIds: [] },
      { postIds: Array.from({ length: 21 }, (_, i) => `p-${i}`) },
    ],
  },
  vote: {
    who: 'voter',
    inputs: [
      { postId: 'gp-demo-poll' },
      { postId: 'gp-demo-poll', option: 1.5 },
      { postId: 'gp-demo-poll', option: -1 },
      { postId: 'gp-demo-poll', option: 9 },
    ],
  },
  closePoll: { who: 'deputy', inputs: [{}] },
  comment: {
    who: 'voter',
    inputs: [
      { postId: 'gp-demo-lights', text: '' },
      { postId: 'gp-demo-lights', text: long(501) },
    ],
  },
  comments: { who: 'voter', inputs: [{ postId: 'gp-demo-lights', cursor: 'garbage' }] },
  report: {
    who: 'voter',
    inputs: [
      { commentId: 'gc-demo-2', reason: 'ugly' },
      { postId: 'gp-demo-lights', commentId: 'gc-demo-2', reason: 'spam' },
      { reason: 'spam' },
    ],
  },
  hide: {
    who: 'deputy',
    inputs: [
      {},
      { postId: 'gp-demo-lights', commentId: 'gc-demo-1' },
      { commentId: 'gc-demo-1', hidden: 'no' },
    ],
  },
  reports: { who: 'deputy', inputs: [{ cursor: 'garbage' }] },
  reviewImage: {
    who: 'township',
    inputs: [
      { postId: 'gp-demo-lights', fileId: image(1) },
      { postId: 'gp-demo-lights', fileId: image(1), decision: 'approve' },
      { postId: 'gp-demo-lights', fileId: '', decision: 'hide' },
      { fileId: image(1), decision: 'hide' },
    ],
  },
  heldImages: { who: 'township', inputs: [{ cursor: 'garbage' }, { cursor: 7 }] },
  subscription: { who: 'voter', inputs: [{ extra: 1 }] },
  subscribe: { who: 'voter', inputs: [{}, { result: 'yes' }] },
};
