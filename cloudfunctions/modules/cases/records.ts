/**
 * Cases (案件): public opinion reports (社情民意) now, suggestions next — one record per case, the
 * timeline of its transitions, each handling unit's part in it, the units, the working-day calendar,
 * the settings and the statistics counters.
 */
import type { ImageState } from '../shared/public';
import type { AnswerCategory, CaseKind, CaseStatus, Rating, Stage, StageLimit } from './constants';
import type { Holder } from './domain/flow';

export interface Case {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  /** +1 on every write: a unit of work that read another version answers CONFLICT. */
  version: number;
  countyId: string;
  townshipId: string;
  constituencyId: string | null;
  /** Who may accept it while it waits: its constituency, else `tw:<townshipId>` (any deputy of the township). */
  intakeKey: string;
  category: string;
  text: string;
  latitude: number | null;
  longitude: number | null;
  /**
   * Up to 9 photos (the filer's uploads), each with its image check as it stood at filing: `pass`, `review`,
   * or `pending` with the trace id its verdict comes back with (read from `mediaChecks`: see images.ts).
   */
  images: ImageState[];
  consentForward: boolean;
  consentPublish: boolean;
  consentVersion: string;
  /** The voter it is about (rates it, sees it under 我的社情民意); the filing deputy's account for a walk-in. */
  submitterUserId: string;
  /** The registered name (office staff see it; everyone else the masked form). */
  submitterName: string;
  submitterNameMasked: string;
  /** The deputy who filed it on the voter's behalf. */
  filedByDeputyId: string | null;
  fromThreadId: string | null;
  fromVisitId: string | null;
  /** The content check asked for a staff review. */
  held: boolean;
  /** The deputy who accepted it. */
  deputyId: string | null;
  leadUnitId: string | null;
  assistingUnitIds: string[];
  handledBy: 'deputy' | 'unit' | null;
  answerCategory: AnswerCategory | null;
  answerText: string | null;
  answeredAt: string | null;
  /** Working days from submission to the first answer (for the median). */
  answerWorkingDays: number | null;
  attitude: Rating | null;
  result: Rating | null;
  ratedAt: string | null;
  reopenCount: number;
  /** Stages that ran past their limit (the overdue rate counts cases with any). */
  lateStages: number;
  /** A stage held by a handling unit ran past its limit. */
  unitLate: boolean;
  /** Steps on its timeline so far (the next step's seq). */
  steps: number;
  /** Who holds it now, and the stage whose limit runs (see domain/flow). */
  holder: Holder;
  stage: Stage | null;
  stageStartedAt: string | null;
  /** The instant the running stage's limit ends (end of its last China day); null when none runs. */
  dueAt: string | null;
  overdue: boolean;
  /** The earlier case whose outcome it follows. */
  followsCaseId: string | null;
  published: boolean;
  publishedAt: string | null;
  publicText: string | null;
  publicAnswer: string | null;
  /** The month (YYYY-MM) of submission: the statistics count each case in its month. */
  month: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** One step of a case's timeline: who did what, when, and why (shown to the submitter in plain words). */
export interface CaseStep {
  /** `${caseId}:${seq}` with seq zero-padded, so a case's steps read in order by id. */
  id: string;
  caseId: string;
  seq: number;
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actorKind: 'voter' | 'deputy' | 'office' | 'unit' | 'system';
  /** As shown: 李华代表, 青石镇人大, 县交通运输局, 系统. */
  actorName: string;
  actorUserId: string | null;
  /** The step in plain words, as written when it happened. */
  text: string;
  /** The reason, note or answer the step carries (shown to the submitter). */
  note: string;
  at: string;
}

/** 交办: one handling unit's part in one case (`${caseId}:${unitId}`). */
export interface CaseUnit {
  id: string;
  caseId: string;
  unitId: string;
  role: 'lead' | 'assisting';
  /** The case's status, kept here for the unit's lists. */
  caseStatus: CaseStatus;
  /** Still in the unit's queue: assigned and not yet answered (or reopened), and not returned. */
  open: boolean;
  overdue: boolean;
  assignedAt: string;
  /** The lead unit may return it until then. */
  returnBy: string;
  dueAt: string | null;
  updatedAt: string;
  countyId: string;
}

/** 承办单位: a government body that handles cases; its staff hold the role `handlingUnit` over it. */
export interface HandlingUnit {
  id: string;
  countyId: string;
  name: string;
  contact: string;
  /** The accounts granted `handlingUnit` over it (who is notified and reminded). */
  staffUserIds: string[];
  active: boolean;
  createdAt: string;
}

/** The working-day calendar of one county and year (`${countyId}:${year}`). */
export interface WorkCalendarRecord {
  id: string;
  countyId: string;
  year: number;
  holidays: string[];
  workdays: string[];
  updatedBy: string | null;
  updatedAt: string;
}

/** A county's settings (id = countyId): report categories and each stage's limit. */
export interface CaseSettings {
  id: string;
  categories: string[];
  limits: Record<Stage, StageLimit>;
  updatedAt: string;
}

/**
 * Statistics counters, kept in the units of work that change what they count. One document per
 * scope (county or township), month of submission and shard (`${scopeId}:${month}:${shard}`): four
 * shards spread concurrent writers over four documents; a report of a year reads 12 × 4 documents.
 */
export interface CaseCounter {
  id: string;
  scopeId: string;
  month: string;
  shard: number;
  counts: Record<string, number>;
}

declare module '../../core/records' {
  interface Collections {
    cases: Case;
    caseSteps: CaseStep;
    caseUnits: CaseUnit;
    units: HandlingUnit;
    workCalendars: WorkCalendarRecord;
    caseSettings: CaseSettings;
    caseCounters: CaseCounter;
  }
}

export const CASES_COLLECTIONS = [
  'cases',
  'caseSteps',
  'caseUnits',
  'units',
  'workCalendars',
  'caseSettings',
  'caseCounters',
] as const;
