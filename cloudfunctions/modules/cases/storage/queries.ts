/** The cases module's queries: what its handlers ask, one interface for both engines. */
import type { ListOptions } from '../../../core/ports';
import type { CaseStatus } from '../constants';
import type { Holder } from '../domain/flow';
import type { Case, CaseCounter, CaseStep, CaseUnit, HandlingUnit } from '../records';

/** One of holder / status / overdue narrows a scope's list (the office's queue). */
export interface ScopeFilter {
  countyId?: string;
  townshipId?: string;
  holder?: Holder;
  status?: CaseStatus;
  overdue?: boolean;
}

export interface CasesQueries {
  /** A submitter's cases, newest first (createdAt desc, id desc). */
  casesOfSubmitter(userId: string, opts: ListOptions): Promise<Case[]>;
  /** Cases waiting for a deputy of `intakeKey` (holder 'deputies'), oldest first (createdAt, id). */
  waitingFor(intakeKey: string, opts: ListOptions): Promise<Case[]>;
  /** A deputy's cases, latest activity first (updatedAt desc, id desc); status / overdue narrow it. */
  casesOfDeputy(
    deputyId: string,
    filter: { status?: CaseStatus; overdue?: boolean },
    opts: ListOptions,
  ): Promise<Case[]>;
  /** Cases of a county or township (exactly one), latest activity first; one of holder / status / overdue. */
  casesInScope(filter: ScopeFilter, opts: ListOptions): Promise<Case[]>;
  /** A unit's parts in cases, latest first (updatedAt desc, id desc); open / overdue / caseStatus narrow it. */
  partsOfUnit(
    unitId: string,
    filter: { open?: boolean; overdue?: boolean; caseStatus?: CaseStatus },
    opts: ListOptions,
  ): Promise<CaseUnit[]>;
  /** The units' parts in one case (at most 6), by id. */
  partsOfCase(caseId: string): Promise<CaseUnit[]>;
  /** A case's timeline in order (at most 100 steps). */
  stepsOfCase(caseId: string): Promise<CaseStep[]>;
  /** Cases that follow `caseId`'s outcome (at most 100), by id. */
  followersOf(caseId: string): Promise<Case[]>;
  /** Published cases, newest first (publishedAt desc, id desc). */
  publishedCases(opts: ListOptions): Promise<Case[]>;
  /** Cases whose running stage ended before `nowIso` and are not yet flagged, earliest due first. */
  dueBefore(nowIso: string, limit: number): Promise<Case[]>;
  /** Cases of a county or township created in [fromIso, toIso), oldest first (createdAt, id). */
  createdInScope(
    filter: { countyId?: string; townshipId?: string; fromIso: string; toIso: string },
    opts: ListOptions,
  ): Promise<Case[]>;
  /** A county's handling units (at most 100), by name. */
  unitsOfCounty(countyId: string): Promise<HandlingUnit[]>;
  /** Counter documents of one scope for months in [fromMonth, toMonth], by month then id. */
  countersOf(scopeId: string, fromMonth: string, toMonth: string, opts: ListOptions): Promise<CaseCounter[]>;
}
