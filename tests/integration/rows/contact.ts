/** The contact module's rows of the authorization and bad-input matrices. */
import { CALLERS, long, ok, OFFICE, SIGNED_IN, type AuthorizationCase, type BadInputCase } from './types';

export const authorization: Record<string, AuthorizationCase> = {
  deputies: { allowed: ok(...CALLERS), input: () => ({}) },
  card: {
    allowed: ok(...CALLERS),
    input: async (w) => ({ code: (await w.ports.store.get('deputies', 'dep-01'))!.code }),
  },
  myCard: { allowed: ok('deputy', 'otherDeputy'), input: () => ({}) },
  saveDeputy: {
    allowed: ok(...OFFICE),
    input: () => ({ name: '新代表', level: 'township', constituencyId: 'tw-qs-c1' }),
  },
  inviteDeputy: { allowed: ok(...OFFICE), input: () => ({ deputyId: 'dep-02' }) },
  acceptInvite: {
    // A fresh invitation for dep-02 (not linked yet); a deputy already linked to a profile is told so.
    allowed: { ...ok(...SIGNED_IN), deputy: 'CONFLICT', otherDeputy: 'CONFLICT' },
    input: async (w) => ({
      code: (await w.call('county', 'contact', 'inviteDeputy', { deputyId: 'dep-02' })).code,
    }),
  },
  send: { allowed: ok(...SIGNED_IN), input: () => ({ deputyId: 'dep-01', text: '你好' }) },
  inbox: { allowed: ok('deputy', 'otherDeputy'), input: () => ({}) },
  myThreads: { allowed: ok(...SIGNED_IN), input: () => ({}) },
  thread: { allowed: ok('voter', 'deputy', ...OFFICE), input: () => ({ threadId: 'th-demo-1' }) },
  reply: { allowed: ok('deputy'), input: () => ({ threadId: 'th-demo-2', text: '答复' }) },
  followUp: { allowed: ok('voter'), input: () => ({ threadId: 'th-demo-2', text: '追问' }) },
  close: { allowed: ok('voter'), input: () => ({ threadId: 'th-demo-2', outcome: 'resolved' }) },
  chase: {
    // th-demo-2 has waited a week for an answer.
    allowed: ok('voter'),
    input: () => ({ threadId: 'th-demo-2' }),
  },
  held: { allowed: ok(...OFFICE, 'otherTownship'), input: () => ({}) },
  review: {
    allowed: ok(...OFFICE),
    input: async (w) => ({
      messageId: (await w.call('voter', 'contact', 'send', { deputyId: 'dep-01', text: '明天去上访' }))
        .messageId,
      decision: 'release',
    }),
  },
};

export const badInput: Record<string, BadInputCase> = {
  deputies: { who: 'voter', inputs: [{ constituencyId: 5 }, { cursor: 'garbage' }] },
  card: { who: 'voter', inputs: [{}, { code: 'x' }, { code: long(40) }, { code: 'ab cd' }] },
  myCard: { who: 'deputy', inputs: [{ code: 'x' }] },
  saveDeputy: {
    who: 'township',
    inputs: [
      {},
      { name: '新代表', level: 'mayor', constituencyId: 'tw-qs-c1' },
      { name: '新代表', level: 'township', constituencyId: 'tw-qs' },
      { name: '新代表', level: 'township', constituencyId: 'tw-qs-c1', stationId: 'nope' },
      { name: '新代表', level: 'township', constituencyId: 'tw-qs-c1', photoFileId: 'javascript:alert(1)' },
    ],
  },
  inviteDeputy: { who: 'township', inputs: [{}, { deputyId: 5 }, { deputyId: '' }] },
  acceptInvite: { who: 'newcomer', inputs: [{}, { code: 'ABC' }, { code: 'OIOIOIOI' }, { code: 12345678 }] },
  send: {
    who: 'voter',
    inputs: [
      {},
      { deputyId: 'dep-01' },
      { deputyId: 'dep-01', text: '' },
      { deputyId: 'dep-01', text: '   ' },
      { deputyId: 'dep-01', text: long(1001) },
      { deputyId: 'dep-01', text: 42 },
      { deputyId: 'dep-01', text: '你好', category: '无此类别' },
      { text: '你好' },
      { deputyId: 'dep-01', code: 'DL01ABCD', text: '你好' },
    ],
  },
  inbox: {
    who: 'deputy',
    inputs: [{ status: 'lost' }, { verifiedOnly: 'yes' }, { cursor: 'garbage' }],
  },
  myThreads: { who: 'voter', inputs: [{ cursor: 'garbage' }] },
  thread: {
    who: 'voter',
    inputs: [{}, { threadId: '' }, { threadId: 'th-demo-1', cursor: 'garbage' }],
  },
  reply: {
    who: 'deputy',
    inputs: [{ threadId: 'th-demo-2' }, { threadId: 'th-demo-2', text: long(1001) }],
  },
  followUp: {
    who: 'voter',
    inputs: [
      { threadId: 'th-demo-2', text: '' },
      { threadId: ['x'], text: '追问' },
    ],
  },
  close: {
    who: 'voter',
    inputs: [{ threadId: 'th-demo-2' }, { threadId: 'th-demo-2', outcome: 'meh' }],
  },
  chase: { who: 'voter', inputs: [{}, { threadId: null }] },
  held: { who: 'township', inputs: [{ cursor: 'garbage' }] },
  review: { who: 'township', inputs: [{}, { messageId: 'x', decision: 'burn' }] },
};
