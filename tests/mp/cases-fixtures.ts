/** The cases answers the mp tests feed the pages, each parsed with its action's output schema. */
import { DEFAULT_CATEGORIES, DEFAULT_LIMITS } from '../../cloudfunctions/modules/cases/constants';
import type { ActionOutput } from '../../cloudfunctions/modules/contracts';
import { answer, voterMe } from './fixtures';

export { regions } from './fixtures';

/** 王小明, verified in 青石镇第一选区. */
export const voter = answer('account', 'me', {
  ...voterMe('王小明', true),
  verification: {
    state: 'verified',
    nameMasked: '王*明',
    constituencyId: 'tw-qs-c1',
    constituencyName: '青石镇第一选区',
    lockedUntil: null,
  },
});

export const settings = answer('cases', 'settings', {
  countyId: 'county-yl',
  categories: [...DEFAULT_CATEGORIES],
  limits: { ...DEFAULT_LIMITS },
});

export const submitted = answer('cases', 'submit', { caseId: 'k1', status: 'submitted', held: false });

type Got = ActionOutput<'cases', 'get'>;
const NO = {
  accept: false,
  decline: false,
  answer: false,
  forward: false,
  followUp: false,
  assign: false,
  return: false,
  reply: false,
  rate: false,
  publish: false,
  link: false,
  release: false,
  support: false,
};

/** The voter's case k1, answered by 县交通运输局 and waiting for the rating. */
export const replied: Got = answer('cases', 'get', {
  case: {
    caseId: 'k1',
    kind: 'report',
    status: 'replied',
    statusLabel: '承办单位已答复，请评价',
    version: 7,
    category: '交通出行',
    townshipId: 'tw-qs',
    townshipName: '青石镇',
    constituencyId: 'tw-qs-c1',
    constituencyName: '青石镇第一选区',
    text: '村口的桥栏杆断了，孩子上学很危险。',
    latitude: null,
    longitude: null,
    // The voter's two photos: one passed, one still waiting for its check (only they and staff see it).
    images: [
      { fileId: 'cloud://env-1/uploads/u1/bridge-rail-1.jpg', status: 'pass' },
      { fileId: 'cloud://env-1/uploads/u1/bridge-rail-2.jpg', status: 'pending' },
    ],
    imagesWithheld: 0,
    consentForward: true,
    consentPublish: true,
    submitterName: '王小明',
    mine: true,
    held: false,
    deputyName: '李华',
    leadUnit: { unitId: 'unit-jt', name: '县交通运输局' },
    assistingUnits: [],
    handledBy: 'unit',
    answerCategory: '列入年度计划',
    answerText: '明年春季维修',
    answeredAt: '2026-11-25T02:00:00.000Z',
    attitude: null,
    result: null,
    reopenCount: 0,
    stage: 'rate',
    dueAt: '2026-12-10T16:00:00.000Z',
    overdue: false,
    followsCaseId: null,
    fromThreadId: null,
    fromVisitId: null,
    published: false,
    publishedAt: null,
    supportCount: 0,
    supported: false,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-25T02:00:00.000Z',
    closedAt: null,
    can: { ...NO, rate: true },
  },
  timeline: [
    {
      at: '2026-11-20T02:00:00.000Z',
      action: 'submit',
      status: 'submitted',
      actor: '提交人',
      text: '您提交了这件社情民意',
      note: '',
    },
    {
      at: '2026-11-20T03:00:00.000Z',
      action: 'accept',
      status: 'accepted',
      actor: '李华代表',
      text: '李华代表受理了这件事',
      note: '',
    },
    {
      at: '2026-11-20T04:00:00.000Z',
      action: 'forward',
      status: 'forwarded',
      actor: '李华代表',
      text: '李华代表把这件事转交人大办，由人大办交给有关单位办理',
      note: '请交通部门处理',
    },
    {
      at: '2026-11-21T02:00:00.000Z',
      action: 'assign',
      status: 'assigned',
      actor: '青石镇人大',
      text: '青石镇人大交办给县交通运输局（主办）',
      note: '',
    },
    {
      at: '2026-11-25T02:00:00.000Z',
      action: 'reply',
      status: 'replied',
      actor: '县交通运输局',
      text: '县交通运输局作出答复（列入年度计划），请您评价',
      note: '明年春季维修',
    },
  ],
});

/** The same case after 不满意: sent back for re-handling. */
export const reopened: Got = answer('cases', 'rate', {
  case: {
    ...replied.case,
    status: 'reopened',
    statusLabel: '不满意，重新办理中',
    attitude: '满意',
    result: '不满意',
    reopenCount: 1,
    stage: 'rehandle',
    can: { ...NO },
  },
  timeline: [
    ...replied.timeline,
    {
      at: '2026-11-26T02:00:00.000Z',
      action: 'rate',
      status: 'reopened',
      actor: '提交人',
      text: '提交人评价：办理态度满意，办理结果不满意。事项退回重新办理，限 1 个月内再次答复',
      note: '',
    },
  ],
});
