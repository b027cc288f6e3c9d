import type { SqliteSchema } from '../../../adapters/storage';
import type { CasesQueries } from './queries';

export const casesSqlite: SqliteSchema<CasesQueries> = {
  migrations: [
    `
    CREATE TABLE cases (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('report')),
      status TEXT NOT NULL CHECK (status IN ('submitted','accepted','declined','answered','forwarded','assigned',
        'returned','inProgress','replied','reopened','closed')),
      version INTEGER NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL, constituencyId TEXT,
      intakeKey TEXT NOT NULL, category TEXT NOT NULL, text TEXT NOT NULL, latitude REAL, longitude REAL,
      images TEXT NOT NULL, consentForward INTEGER NOT NULL, consentPublish INTEGER NOT NULL,
      consentVersion TEXT NOT NULL, submitterUserId TEXT NOT NULL, submitterName TEXT NOT NULL,
      submitterNameMasked TEXT NOT NULL, filedByDeputyId TEXT, fromThreadId TEXT, fromVisitId TEXT,
      held INTEGER NOT NULL, deputyId TEXT, leadUnitId TEXT, assistingUnitIds TEXT NOT NULL, handledBy TEXT,
      answerCategory TEXT, answerText TEXT, answeredAt TEXT, answerWorkingDays INTEGER,
      attitude TEXT, result TEXT, ratedAt TEXT, reopenCount INTEGER NOT NULL CHECK (reopenCount BETWEEN 0 AND 1),
      lateStages INTEGER NOT NULL, unitLate INTEGER NOT NULL, steps INTEGER NOT NULL,
      holder TEXT NOT NULL, stage TEXT, stageStartedAt TEXT, dueAt TEXT, overdue INTEGER NOT NULL,
      followsCaseId TEXT, published INTEGER NOT NULL, publishedAt TEXT, publicText TEXT, publicAnswer TEXT,
      month TEXT NOT NULL, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, closedAt TEXT
    );
    CREATE INDEX cases_submitter ON cases (submitterUserId, createdAt, id);
    CREATE INDEX cases_waiting ON cases (intakeKey, holder, createdAt, id);
    CREATE INDEX cases_deputy ON cases (deputyId, updatedAt, id);
    CREATE INDEX cases_county_holder ON cases (countyId, holder, updatedAt, id);
    CREATE INDEX cases_county_status ON cases (countyId, status, updatedAt, id);
    CREATE INDEX cases_county_overdue ON cases (countyId, overdue, updatedAt, id);
    CREATE INDEX cases_township_holder ON cases (townshipId, holder, updatedAt, id);
    CREATE INDEX cases_township_status ON cases (townshipId, status, updatedAt, id);
    CREATE INDEX cases_township_overdue ON cases (townshipId, overdue, updatedAt, id);
    CREATE INDEX cases_follows ON cases (followsCaseId, id);
    CREATE INDEX cases_published ON cases (published, publishedAt, id);
    CREATE INDEX cases_due ON cases (overdue, dueAt, id);
    CREATE INDEX cases_county_created ON cases (countyId, createdAt, id);
    CREATE INDEX cases_township_created ON cases (townshipId, createdAt, id);
    CREATE TABLE caseSteps (
      id TEXT PRIMARY KEY, caseId TEXT NOT NULL, seq INTEGER NOT NULL, action TEXT NOT NULL, fromStatus TEXT,
      toStatus TEXT NOT NULL, actorKind TEXT NOT NULL, actorName TEXT NOT NULL, actorUserId TEXT,
      text TEXT NOT NULL, note TEXT NOT NULL, at TEXT NOT NULL,
      UNIQUE (caseId, seq)
    );
    CREATE TABLE caseUnits (
      id TEXT PRIMARY KEY, caseId TEXT NOT NULL, unitId TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('lead','assisting')), caseStatus TEXT NOT NULL, open INTEGER NOT NULL,
      overdue INTEGER NOT NULL, assignedAt TEXT NOT NULL, returnBy TEXT NOT NULL, dueAt TEXT,
      updatedAt TEXT NOT NULL, countyId TEXT NOT NULL
    );
    CREATE INDEX caseUnits_case ON caseUnits (caseId, id);
    CREATE INDEX caseUnits_unit ON caseUnits (unitId, updatedAt, id);
    CREATE INDEX caseUnits_open ON caseUnits (unitId, open, updatedAt, id);
    CREATE INDEX caseUnits_overdue ON caseUnits (unitId, overdue, updatedAt, id);
    CREATE INDEX caseUnits_status ON caseUnits (unitId, caseStatus, updatedAt, id);
    CREATE TABLE units (
      id TEXT PRIMARY KEY, countyId TEXT NOT NULL, name TEXT NOT NULL, contact TEXT NOT NULL,
      staffUserIds TEXT NOT NULL, active INTEGER NOT NULL, createdAt TEXT NOT NULL
    );
    CREATE INDEX units_county ON units (countyId, name, id);
    CREATE TABLE workCalendars (
      id TEXT PRIMARY KEY, countyId TEXT NOT NULL, year INTEGER NOT NULL, holidays TEXT NOT NULL,
      workdays TEXT NOT NULL, updatedBy TEXT, updatedAt TEXT NOT NULL
    );
    CREATE TABLE caseSettings (
      id TEXT PRIMARY KEY, categories TEXT NOT NULL, limits TEXT NOT NULL, updatedAt TEXT NOT NULL
    );
    CREATE TABLE caseCounters (
      id TEXT PRIMARY KEY, scopeId TEXT NOT NULL, month TEXT NOT NULL, shard INTEGER NOT NULL, counts TEXT NOT NULL
    );
    CREATE INDEX caseCounters_scope ON caseCounters (scopeId, month, id);
    `,
  ],
  codecs: {
    cases: {
      json: ['images', 'assistingUnitIds'],
      bool: ['consentForward', 'consentPublish', 'held', 'overdue', 'published', 'unitLate'],
    },
    caseUnits: { bool: ['open', 'overdue'] },
    units: { json: ['staffUserIds'], bool: ['active'] },
    workCalendars: { json: ['holidays', 'workdays'] },
    caseSettings: { json: ['categories', 'limits'] },
    caseCounters: { json: ['counts'] },
  },

  queries: (kit) => ({
    casesOfSubmitter: (userId, opts) =>
      kit.list('cases', [['submitterUserId = ?', userId]], 'createdAt', true, opts),
    waitingFor: (intakeKey, opts) =>
      kit.list(
        'cases',
        [
          ['intakeKey = ?', intakeKey],
          ["holder = 'deputies'", true],
        ],
        'createdAt',
        false,
        opts,
      ),
    casesOfDeputy: (deputyId, filter, opts) =>
      kit.list(
        'cases',
        [
          ['deputyId = ?', deputyId],
          ['status = ?', filter.status],
          ['overdue = 1', filter.overdue],
        ],
        'updatedAt',
        true,
        opts,
      ),
    casesInScope: (filter, opts) =>
      kit.list(
        'cases',
        [
          ['countyId = ?', filter.countyId],
          ['townshipId = ?', filter.townshipId],
          ['holder = ?', filter.holder],
          ['status = ?', filter.status],
          ['overdue = 1', filter.overdue],
        ],
        'updatedAt',
        true,
        opts,
      ),
    partsOfUnit: (unitId, filter, opts) =>
      kit.list(
        'caseUnits',
        [
          ['unitId = ?', unitId],
          ['open = ?', filter.open === undefined ? undefined : filter.open ? 1 : 0],
          ['overdue = 1', filter.overdue],
          ['caseStatus = ?', filter.caseStatus],
        ],
        'updatedAt',
        true,
        opts,
      ),
    partsOfCase: (caseId) => kit.list('caseUnits', [['caseId = ?', caseId]], 'id', false, { limit: 100 }),
    stepsOfCase: (caseId) =>
      kit.all('caseSteps', 'SELECT * FROM caseSteps WHERE caseId = ? ORDER BY seq LIMIT 100', [caseId]),
    followersOf: (caseId) => kit.list('cases', [['followsCaseId = ?', caseId]], 'id', false, { limit: 100 }),
    publishedCases: (opts) => kit.list('cases', [['published = 1', true]], 'publishedAt', true, opts),
    dueBefore: (nowIso, limit) =>
      kit.list(
        'cases',
        [
          ['overdue = 0', true],
          ['dueAt < ?', nowIso],
        ],
        'dueAt',
        false,
        { limit },
      ),
    createdInScope: (filter, opts) =>
      kit.list(
        'cases',
        [
          ['countyId = ?', filter.countyId],
          ['townshipId = ?', filter.townshipId],
          ['createdAt >= ?', filter.fromIso],
          ['createdAt < ?', filter.toIso],
        ],
        'createdAt',
        false,
        opts,
      ),
    unitsOfCounty: (countyId) =>
      kit.list('units', [['countyId = ?', countyId]], 'name', false, { limit: 100 }),
    countersOf: (scopeId, fromMonth, toMonth, opts) =>
      kit.list(
        'caseCounters',
        [
          ['scopeId = ?', scopeId],
          ['month >= ?', fromMonth],
          ['month <= ?', toMonth],
        ],
        'month',
        false,
        opts,
      ),
  }),
};
