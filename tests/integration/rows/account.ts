/** The account module's rows of the authorization and bad-input matrices. */
import { VERIFY_CONSENT_VERSION } from '../../../cloudfunctions/modules/account/constants';
import { DEMO_UNCLAIMED, DEMO_VOTER } from '../../../cloudfunctions/modules/account/public';
import { CALLERS, long, ok, OFFICE, SIGNED_IN, type AuthorizationCase, type BadInputCase } from './types';

const consent = { consent: true, consentVersion: VERIFY_CONSENT_VERSION };
const badCheck = DEMO_UNCLAIMED.idNumber.slice(0, 17) + (DEMO_UNCLAIMED.idNumber[17] === '1' ? '2' : '1');

export const authorization: Record<string, AuthorizationCase> = {
  me: { allowed: ok(...SIGNED_IN), input: () => ({}) },
  regions: { allowed: ok(...CALLERS), input: () => ({}) },
  verify: {
    // 王小明 is verified already; anyone else binds the unclaimed register entry.
    allowed: { ...ok(...SIGNED_IN), voter: 'CONFLICT' },
    input: () => ({ name: DEMO_UNCLAIMED.name, idNumber: DEMO_UNCLAIMED.idNumber, ...consent }),
  },
  importRegister: {
    allowed: ok(...OFFICE),
    input: () => ({ constituencyId: 'tw-qs-c1', rows: [{ name: '赵一', idNumber: '11010519491231002X' }] }),
  },
  register: { allowed: ok(...OFFICE), input: () => ({ constituencyId: 'tw-qs-c1' }) },
  conflicts: { allowed: ok(...OFFICE, 'otherTownship'), input: () => ({}) },
  resolveConflict: {
    allowed: ok(...OFFICE),
    input: async (w) => {
      await w
        .call('newcomer', 'account', 'verify', {
          name: DEMO_VOTER.name,
          idNumber: DEMO_VOTER.idNumber,
          ...consent,
        })
        .catch(() => undefined); // answers CONFLICT: the claim goes to the township office
      return {
        conflictId: (await w.call('county', 'account', 'conflicts', {})).items[0].conflictId,
        resolution: 'keepHolder',
      };
    },
  },
  notifications: { allowed: ok(...SIGNED_IN), input: () => ({}) },
  readNotifications: { allowed: ok(...SIGNED_IN), input: () => ({ ids: ['x1'] }) },
  dutyRecord: { allowed: ok('deputy', ...OFFICE), input: () => ({ deputyId: 'dep-01' }) },
};

export const badInput: Record<string, BadInputCase> = {
  me: { who: 'voter', inputs: [{ extra: 1 }, 'x', 5] },
  regions: { who: 'voter', inputs: [{ extra: 1 }, []] },
  verify: {
    who: 'newcomer',
    inputs: [
      {},
      {
        name: DEMO_UNCLAIMED.name,
        idNumber: badCheck,
        consent: true,
        consentVersion: VERIFY_CONSENT_VERSION,
      },
      { name: DEMO_UNCLAIMED.name, idNumber: '12345', consent: true, consentVersion: VERIFY_CONSENT_VERSION },
      { name: 123, idNumber: DEMO_UNCLAIMED.idNumber, consent: true, consentVersion: VERIFY_CONSENT_VERSION },
      {
        name: DEMO_UNCLAIMED.name,
        idNumber: DEMO_UNCLAIMED.idNumber,
        consent: 'yes',
        consentVersion: VERIFY_CONSENT_VERSION,
      },
      { name: DEMO_UNCLAIMED.name, idNumber: DEMO_UNCLAIMED.idNumber, consent: true, consentVersion: 'old' },
      {
        name: long(31),
        idNumber: DEMO_UNCLAIMED.idNumber,
        consent: true,
        consentVersion: VERIFY_CONSENT_VERSION,
      },
    ],
  },
  importRegister: {
    who: 'township',
    inputs: [
      {},
      { constituencyId: 'tw-qs-c1' },
      { constituencyId: 'tw-qs-c1', rows: [] },
      { constituencyId: 'tw-qs-c1', rows: 'x' },
      { constituencyId: 'tw-qs', rows: [{ name: '赵一', idNumber: '11010519491231002X' }] },
      {
        constituencyId: 'tw-qs-c1',
        rows: Array.from({ length: 1001 }, () => ({ name: '赵一', idNumber: '11010519491231002X' })),
      },
      { constituencyId: 'tw-qs-c1', file: { name: 'a.exe', contentBase64: 'eA==' } },
      {
        constituencyId: 'tw-qs-c1',
        file: { name: 'a.csv', contentBase64: Buffer.from('a,b\n1,2').toString('base64') },
      },
    ],
  },
  register: {
    who: 'township',
    inputs: [{}, { constituencyId: 7 }, { constituencyId: 'tw-qs-c1', cursor: 'garbage' }],
  },
  conflicts: { who: 'township', inputs: [{ status: 'maybe' }, { cursor: 5 }] },
  resolveConflict: { who: 'township', inputs: [{}, { conflictId: 'x', resolution: 'delete' }] },
  notifications: { who: 'voter', inputs: [{ cursor: 'garbage' }] },
  readNotifications: { who: 'voter', inputs: [{}, { ids: [] }, { ids: Array(21).fill('a') }] },
  dutyRecord: { who: 'deputy', inputs: [{ deputyId: 5 }, { cursor: 'garbage' }] },
};
