import type { CloudbaseSchema } from '../../../adapters/storage';
import type { Where } from '../../../adapters/cloudbase/db';
import type { IndexSpec } from '../../../adapters/cloudbase/kit';
import type { CasesQueries } from './queries';

type Dir = 'asc' | 'desc';
/** An index on `lead` (equality fields, ascending), then `sort` and _id in `dir`. */
const index = (name: string, lead: string[], sort: string | null, dir: Dir = 'asc'): IndexSpec => ({
  name,
  fields: [
    ...lead.map((f): [string, Dir] => [f, 'asc']),
    ...(sort ? [[sort, dir] as [string, Dir]] : []),
    ['_id', dir],
  ],
});

export const casesCloudbase: CloudbaseSchema<CasesQueries> = {
  indexes: {
    cases: [
      index('submitter_createdAt_id', ['submitterUserId'], 'createdAt', 'desc'),
      index('intake_holder_createdAt_id', ['intakeKey', 'holder'], 'createdAt'),
      // A deputy's own cases: status or overdue are applied while scanning (a deputy holds hundreds).
      index('deputy_updatedAt_id', ['deputyId'], 'updatedAt', 'desc'),
      index('county_holder_updatedAt_id', ['countyId', 'holder'], 'updatedAt', 'desc'),
      index('county_status_updatedAt_id', ['countyId', 'status'], 'updatedAt', 'desc'),
      index('county_overdue_updatedAt_id', ['countyId', 'overdue'], 'updatedAt', 'desc'),
      index('township_holder_updatedAt_id', ['townshipId', 'holder'], 'updatedAt', 'desc'),
      index('township_status_updatedAt_id', ['townshipId', 'status'], 'updatedAt', 'desc'),
      index('township_overdue_updatedAt_id', ['townshipId', 'overdue'], 'updatedAt', 'desc'),
      index('follows_id', ['followsCaseId'], null),
      index('published_publishedAt_id', ['published'], 'publishedAt', 'desc'),
      index('overdue_dueAt_id', ['overdue'], 'dueAt'),
      index('county_createdAt_id', ['countyId'], 'createdAt'),
      index('township_createdAt_id', ['townshipId'], 'createdAt'),
    ],
    caseSteps: [index('case_seq_id', ['caseId'], 'seq')],
    caseUnits: [
      index('case_id', ['caseId'], null),
      index('unit_updatedAt_id', ['unitId'], 'updatedAt', 'desc'),
      index('unit_open_updatedAt_id', ['unitId', 'open'], 'updatedAt', 'desc'),
      index('unit_overdue_updatedAt_id', ['unitId', 'overdue'], 'updatedAt', 'desc'),
      index('unit_status_updatedAt_id', ['unitId', 'caseStatus'], 'updatedAt', 'desc'),
    ],
    units: [index('county_name_id', ['countyId'], 'name')],
    caseCounters: [index('scope_month_id', ['scopeId'], 'month')],
  },

  queries: (kit) => {
    const { _ } = kit;
    /** Equality conditions of the given fields that are set (an empty string still filters). */
    const eq = (fields: Record<string, unknown>): Where[] => {
      const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      return Object.keys(set).length ? [set] : [];
    };
    return {
      casesOfSubmitter: (userId, opts) =>
        kit.list('cases', [{ submitterUserId: userId }], 'createdAt', 'desc', opts),
      waitingFor: (intakeKey, opts) =>
        kit.list('cases', [{ intakeKey, holder: 'deputies' }], 'createdAt', 'asc', opts),
      casesOfDeputy: (deputyId, filter, opts) =>
        kit.list(
          'cases',
          eq({ deputyId, status: filter.status, overdue: filter.overdue ? true : undefined }),
          'updatedAt',
          'desc',
          opts,
        ),
      casesInScope: (filter, opts) =>
        kit.list(
          'cases',
          eq({
            countyId: filter.countyId,
            townshipId: filter.townshipId,
            holder: filter.holder,
            status: filter.status,
            overdue: filter.overdue ? true : undefined,
          }),
          'updatedAt',
          'desc',
          opts,
        ),
      partsOfUnit: (unitId, filter, opts) =>
        kit.list(
          'caseUnits',
          eq({
            unitId,
            open: filter.open,
            overdue: filter.overdue ? true : undefined,
            caseStatus: filter.caseStatus,
          }),
          'updatedAt',
          'desc',
          opts,
        ),
      partsOfCase: (caseId) => kit.byId('caseUnits', { caseId }),
      stepsOfCase: (caseId) => kit.list('caseSteps', [{ caseId }], 'seq', 'asc', { limit: 100 }),
      followersOf: (caseId) => kit.byId('cases', { followsCaseId: caseId }),
      publishedCases: (opts) => kit.list('cases', [{ published: true }], 'publishedAt', 'desc', opts),
      dueBefore: (nowIso, limit) =>
        kit.list('cases', [{ overdue: false }, { dueAt: _.lt(nowIso) }], 'dueAt', 'asc', { limit }),
      createdInScope: (filter, opts) =>
        kit.list(
          'cases',
          [
            ...eq({ countyId: filter.countyId, townshipId: filter.townshipId }),
            { createdAt: _.gte(filter.fromIso) },
            { createdAt: _.lt(filter.toIso) },
          ],
          'createdAt',
          'asc',
          opts,
        ),
      unitsOfCounty: (countyId) => kit.list('units', [{ countyId }], 'name', 'asc', { limit: 100 }),
      countersOf: (scopeId, fromMonth, toMonth, opts) =>
        kit.list(
          'caseCounters',
          [{ scopeId }, { month: _.gte(fromMonth) }, { month: _.lte(toMonth) }],
          'month',
          'asc',
          opts,
        ),
    };
  },
};
