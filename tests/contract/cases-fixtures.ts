/** Full records of the cases module with plain defaults; pass overrides for what a test is about. */
import type {
  Case,
  CaseCounter,
  CaseSettings,
  CaseStep,
  CaseUnit,
  HandlingUnit,
  WorkCalendarRecord,
} from '../../cloudfunctions/modules/cases/records';
import { DEFAULT_LIMITS } from '../../cloudfunctions/modules/cases/constants';
import { at, COUNTY, CONSTITUENCY, nextId, TOWNSHIP } from './fixtures';

export const aCase = (over: Partial<Case> = {}): Case => ({
  id: nextId('case'),
  kind: 'report',
  status: 'submitted',
  version: 1,
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  constituencyId: CONSTITUENCY,
  intakeKey: CONSTITUENCY,
  category: '交通出行',
  text: '村口路灯坏了',
  latitude: null,
  longitude: null,
  images: [],
  consentForward: true,
  consentPublish: false,
  consentVersion: 'report-2026-12',
  submitterUserId: 'user-1',
  submitterName: '王小明',
  submitterNameMasked: '王*明',
  filedByDeputyId: null,
  fromThreadId: null,
  fromVisitId: null,
  held: false,
  deputyId: null,
  leadUnitId: null,
  assistingUnitIds: [],
  handledBy: null,
  answerCategory: null,
  answerText: null,
  answeredAt: null,
  answerWorkingDays: null,
  attitude: null,
  result: null,
  ratedAt: null,
  reopenCount: 0,
  lateStages: 0,
  unitLate: false,
  steps: 1,
  holder: 'deputies',
  stage: 'accept',
  stageStartedAt: at(0),
  dueAt: at(60 * 24 * 9),
  overdue: false,
  followsCaseId: null,
  published: false,
  publishedAt: null,
  publicText: null,
  publicAnswer: null,
  month: '2026-03',
  createdAt: at(0),
  updatedAt: at(0),
  closedAt: null,
  ...over,
});

export const aStep = (over: Partial<CaseStep> = {}): CaseStep => {
  const caseId = over.caseId ?? 'case-x';
  const seq = over.seq ?? 0;
  return {
    id: `${caseId}:${String(seq).padStart(4, '0')}`,
    caseId,
    seq,
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    actorKind: 'voter',
    actorName: '提交人',
    actorUserId: 'user-1',
    text: '您提交了这件社情民意',
    note: '',
    at: at(seq),
    ...over,
  };
};

export const aCaseUnit = (over: Partial<CaseUnit> = {}): CaseUnit => {
  const caseId = over.caseId ?? nextId('case');
  const unitId = over.unitId ?? 'unit-1';
  return {
    id: `${caseId}:${unitId}`,
    caseId,
    unitId,
    role: 'lead',
    caseStatus: 'assigned',
    open: true,
    overdue: false,
    assignedAt: at(0),
    returnBy: at(60 * 24 * 9),
    dueAt: at(60 * 24 * 90),
    updatedAt: at(0),
    countyId: COUNTY,
    ...over,
  };
};

export const aUnit = (over: Partial<HandlingUnit> = {}): HandlingUnit => ({
  id: nextId('unit'),
  countyId: COUNTY,
  name: '县交通运输局',
  contact: '0000-1',
  staffUserIds: ['user-7'],
  active: true,
  createdAt: at(0),
  ...over,
});

export const aCalendar = (over: Partial<WorkCalendarRecord> = {}): WorkCalendarRecord => ({
  id: `${COUNTY}:2026`,
  countyId: COUNTY,
  year: 2026,
  holidays: ['2026-10-01', '2026-10-02'],
  workdays: ['2026-10-10'],
  updatedBy: null,
  updatedAt: at(0),
  ...over,
});

export const aCaseSettings = (over: Partial<CaseSettings> = {}): CaseSettings => ({
  id: COUNTY,
  categories: ['城乡建设', '其他'],
  limits: { ...DEFAULT_LIMITS, reply: { n: 60, unit: 'workingDays' } },
  updatedAt: at(0),
  ...over,
});

export const aCaseCounter = (over: Partial<CaseCounter> = {}): CaseCounter => ({
  id: nextId('counter'),
  scopeId: COUNTY,
  month: '2026-03',
  shard: 0,
  counts: { total: 3, 'cat:交通出行': 2, 'wd:4': 1 },
  ...over,
});
