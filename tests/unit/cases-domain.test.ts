/**
 * The case engine's pure parts: the state machine transition by transition (every status × action × actor,
 * allowed and refused, against a table written here independently of the engine's), the working-day
 * calendar, de-identification and the counters.
 */
import { CASE_STATUSES, type CaseStatus } from '../../cloudfunctions/modules/cases/constants';
import {
  applyDelta,
  contributions,
  delta,
  medianOf,
  shardOf,
} from '../../cloudfunctions/modules/cases/domain/counters';
import { deidentify } from '../../cloudfunctions/modules/cases/domain/deidentify';
import {
  FLOW_ACTIONS,
  holderOf,
  publishRefusal,
  stageOf,
  transition,
  type Actor,
  type Facts,
  type FlowAction,
} from '../../cloudfunctions/modules/cases/domain/flow';
import {
  addMonths,
  addWorkingDays,
  calendarProblems,
  dueDate,
  isWorkingDay,
  NO_CALENDAR,
  workingDaysBetween,
} from '../../cloudfunctions/modules/cases/domain/workdays';
import { aCase } from '../contract/cases-fixtures';

const ACTORS: Actor[] = [
  'submitter',
  'intakeDeputy',
  'deputy',
  'office',
  'leadUnit',
  'assistingUnit',
  'system',
];

/** Facts under which every guard lets the step through (each guard is tested on its own below). */
const open: Facts = {
  held: false,
  consentForward: true,
  handledBy: 'unit',
  reopenCount: 0,
  result: '满意',
  withinReturnWindow: true,
  earlierAnswered: false,
  following: false,
};

/** The allowed steps, as the issue and the local rules describe them: [from, action, actor, to]. */
const ALLOWED: Array<[CaseStatus, FlowAction, Actor, CaseStatus]> = [
  ['submitted', 'accept', 'intakeDeputy', 'accepted'],
  ['submitted', 'decline', 'intakeDeputy', 'declined'],
  ['accepted', 'answer', 'deputy', 'answered'],
  ['accepted', 'forward', 'deputy', 'forwarded'],
  ['forwarded', 'assign', 'office', 'assigned'],
  ['returned', 'assign', 'office', 'assigned'],
  ['assigned', 'accept', 'leadUnit', 'inProgress'],
  ['assigned', 'return', 'leadUnit', 'returned'],
  ['inProgress', 'return', 'leadUnit', 'returned'],
  ['assigned', 'reply', 'leadUnit', 'replied'],
  ['inProgress', 'reply', 'leadUnit', 'replied'],
  ['reopened', 'reply', 'leadUnit', 'replied'],
  ['replied', 'rate', 'submitter', 'closed'],
  ['answered', 'rate', 'submitter', 'closed'],
  ['replied', 'expire', 'system', 'closed'],
  ['answered', 'expire', 'system', 'closed'],
  ['submitted', 'link', 'office', 'inProgress'],
  ['accepted', 'link', 'office', 'inProgress'],
  ['forwarded', 'link', 'office', 'inProgress'],
  ['returned', 'link', 'office', 'inProgress'],
  // A follow-up keeps the status.
  ...(['forwarded', 'assigned', 'returned', 'inProgress', 'reopened'] as CaseStatus[]).map(
    (s) => [s, 'followUp', 'deputy', s] as [CaseStatus, FlowAction, Actor, CaseStatus],
  ),
];

/** Steps allowed only under other facts than `open` (checked separately). */
const GUARDED: Array<[CaseStatus, FlowAction, Actor]> = [
  ['submitted', 'decline', 'office'],
  ['submitted', 'release', 'office'],
  ['reopened', 'answer', 'deputy'],
  ['reopened', 'forward', 'deputy'],
  ['inProgress', 'follow', 'system'],
];

describe('the state machine, transition by transition', () => {
  const cells = CASE_STATUSES.flatMap((s) =>
    FLOW_ACTIONS.flatMap((a) => ACTORS.map((who) => [s, a, who] as const)),
  );
  it.each(cells)('%s × %s by %s', (from, action, who) => {
    const t = transition(from, action, [who], open);
    const allowed = ALLOWED.find(([f, a, w]) => f === from && a === action && w === who);
    if (allowed) {
      expect(t).toEqual({ ok: true, to: allowed[3] });
    } else {
      expect(t.ok).toBe(false);
      if (!t.ok) expect(['CONFLICT', 'FORBIDDEN']).toContain(t.code);
      // Nothing the table allows for someone else is ever answered as a state error, and vice versa.
      const someone =
        ALLOWED.some(([f, a]) => f === from && a === action) ||
        GUARDED.some(([f, a]) => f === from && a === action);
      if (!t.ok && !GUARDED.some(([f, a, w]) => f === from && a === action && w === who))
        expect(t.code).toBe(someone ? 'FORBIDDEN' : 'CONFLICT');
    }
  });

  it('an assisting unit may not reply or return, and is told why', () => {
    for (const s of ['assigned', 'inProgress'] as const) {
      expect(transition(s, 'reply', ['assistingUnit'], open)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: expect.stringContaining('主办单位'),
      });
      expect(transition(s, 'return', ['assistingUnit'], open)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
  });

  it('rating before a reply is a state error', () => {
    for (const s of [
      'submitted',
      'accepted',
      'forwarded',
      'assigned',
      'inProgress',
      'reopened',
      'closed',
    ] as const)
      expect(transition(s, 'rate', ['submitter'], open)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('不满意 reopens once; the second 不满意 closes it', () => {
    expect(transition('replied', 'rate', ['submitter'], { ...open, result: '不满意' })).toEqual({
      ok: true,
      to: 'reopened',
    });
    expect(transition('answered', 'rate', ['submitter'], { ...open, result: '不满意' })).toEqual({
      ok: true,
      to: 'reopened',
    });
    expect(
      transition('replied', 'rate', ['submitter'], { ...open, result: '不满意', reopenCount: 1 }),
    ).toEqual({
      ok: true,
      to: 'closed',
    });
    expect(transition('replied', 'rate', ['submitter'], { ...open, result: '基本满意' })).toEqual({
      ok: true,
      to: 'closed',
    });
  });

  it('the guards: held text, consent to forward, the return window, who re-handles, links', () => {
    expect(transition('submitted', 'accept', ['intakeDeputy'], { ...open, held: true })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(transition('submitted', 'decline', ['office'], open)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(transition('submitted', 'decline', ['office'], { ...open, held: true })).toEqual({
      ok: true,
      to: 'declined',
    });
    expect(transition('submitted', 'release', ['office'], { ...open, held: true })).toEqual({
      ok: true,
      to: 'submitted',
    });
    expect(transition('forwarded', 'assign', ['office'], { ...open, consentForward: false })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('未同意转交'),
    });
    expect(
      transition('assigned', 'return', ['leadUnit'], { ...open, withinReturnWindow: false }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('7 个工作日'),
    });
    expect(transition('reopened', 'answer', ['deputy'], { ...open, handledBy: 'deputy' })).toEqual({
      ok: true,
      to: 'answered',
    });
    expect(transition('reopened', 'forward', ['deputy'], { ...open, handledBy: 'deputy' })).toEqual({
      ok: true,
      to: 'forwarded',
    });
    expect(transition('reopened', 'answer', ['deputy'], open)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(transition('reopened', 'reply', ['leadUnit'], { ...open, handledBy: 'deputy' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(transition('forwarded', 'link', ['office'], { ...open, earlierAnswered: true })).toEqual({
      ok: true,
      to: 'replied',
    });
    expect(transition('forwarded', 'link', ['office'], { ...open, following: true })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(transition('inProgress', 'follow', ['system'], { ...open, following: true })).toEqual({
      ok: true,
      to: 'replied',
    });
    expect(transition('inProgress', 'follow', ['system'], open)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('a caller with several parts acts in the one the step needs', () => {
    expect(transition('submitted', 'accept', ['submitter', 'intakeDeputy'], open)).toEqual({
      ok: true,
      to: 'accepted',
    });
  });

  it('who holds a case and which stage runs, per status', () => {
    const f = { handledBy: null, held: false, following: false };
    expect(CASE_STATUSES.map((s) => [s, holderOf(s, f), stageOf(s, f)])).toEqual([
      ['submitted', 'deputies', 'accept'],
      ['accepted', 'deputy', 'handle'],
      ['declined', 'none', null],
      ['answered', 'submitter', 'rate'],
      ['forwarded', 'office', 'assign'],
      ['assigned', 'unit', 'reply'],
      ['returned', 'office', 'assign'],
      ['inProgress', 'unit', 'reply'],
      ['replied', 'submitter', 'rate'],
      ['reopened', 'unit', 'rehandle'],
      ['closed', 'none', null],
    ]);
    expect(holderOf('submitted', { ...f, held: true })).toBe('office');
    expect(stageOf('submitted', { ...f, held: true })).toBeNull();
    expect(holderOf('reopened', { ...f, handledBy: 'deputy' })).toBe('deputy');
    expect(holderOf('inProgress', { ...f, following: true })).toBe('none');
  });

  it('publishing needs a closed case, the consent, and happens once', () => {
    expect(publishRefusal({ status: 'replied', consentPublish: true, published: false })).toMatch('已办结');
    expect(publishRefusal({ status: 'closed', consentPublish: false, published: false })).toMatch(
      '未同意公开',
    );
    expect(publishRefusal({ status: 'closed', consentPublish: true, published: true })).toMatch('已公开');
    expect(publishRefusal({ status: 'closed', consentPublish: true, published: false })).toBeNull();
  });
});

describe('working days', () => {
  // 2026: 10-01 (Thu) … 10-07 National Day; 10-10 (Sat) a working day.
  const cal = {
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-10-10'],
  };
  it('weekdays work, weekends rest, holidays and 调休 as the calendar says', () => {
    expect(isWorkingDay('2026-09-30', cal)).toBe(true);
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-10-03', cal)).toBe(false);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-10-10', NO_CALENDAR)).toBe(false);
  });
  it('adds working days after the day itself', () => {
    expect(addWorkingDays('2026-11-20', 1, NO_CALENDAR)).toBe('2026-11-23'); // Friday → Monday
    expect(addWorkingDays('2026-11-20', 7, NO_CALENDAR)).toBe('2026-12-01');
    expect(addWorkingDays('2026-11-20', 0, NO_CALENDAR)).toBe('2026-11-20');
    // Over National Day: 9-30 (Wed) + 3 working days = 10-08, 10-09, 10-10 (the swapped Saturday).
    expect(addWorkingDays('2026-09-30', 3, cal)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 3, NO_CALENDAR)).toBe('2026-10-05');
  });
  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-11-20', '2026-12-01', NO_CALENDAR)).toBe(7);
    expect(workingDaysBetween('2026-09-30', '2026-10-10', cal)).toBe(3);
    expect(workingDaysBetween('2026-11-20', '2026-11-20', NO_CALENDAR)).toBe(0);
    expect(workingDaysBetween('2026-11-20', '2026-11-01', NO_CALENDAR)).toBe(0);
    for (const n of [0, 1, 5, 22, 65])
      expect(workingDaysBetween('2026-09-28', addWorkingDays('2026-09-28', n, cal), cal)).toBe(n);
  });
  it('months end on the month’s last day when shorter; limits by unit', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-20', 3)).toBe('2027-02-20');
    expect(dueDate('2026-11-20', { n: 3, unit: 'months' }, NO_CALENDAR)).toBe('2027-02-20');
    expect(dueDate('2026-11-20', { n: 15, unit: 'days' }, NO_CALENDAR)).toBe('2026-12-05');
    expect(dueDate('2026-11-20', { n: 7, unit: 'workingDays' }, NO_CALENDAR)).toBe('2026-12-01');
  });
  it('checks a calendar the office enters', () => {
    expect(calendarProblems(2026, cal)).toEqual({});
    expect(calendarProblems(2026, { holidays: ['2026-10-03'], workdays: [] })).toHaveProperty('holidays');
    expect(calendarProblems(2026, { holidays: [], workdays: ['2026-10-12'] })).toHaveProperty('workdays');
    expect(calendarProblems(2026, { holidays: ['2027-01-01'], workdays: [] })).toHaveProperty('holidays');
  });
});

describe('de-identification', () => {
  it('removes names, phones, ID numbers, exact addresses and forms of address', () => {
    const text =
      '我叫王小明，住青石镇人民路12号3栋2单元401室，电话 138 0013 8000，身份证110101199003071234。' +
      '邻居张先生家的座机0871-1234567也打不通。小明的孩子在三年级。';
    const out = deidentify(text, { names: ['王小明'] });
    expect(out).not.toMatch(
      /王小明|小明|13800138000|138 0013 8000|110101199003071234|1234567|张先生|12号|401室/,
    );
    expect(out).toContain('人民路');
    expect(out).toContain('[电话已隐去]');
    expect(out).toContain('[证件号已隐去]');
    expect(out).toContain('某先生');
  });
  it('leaves plain text alone', () => {
    const text = '村口到镇上的路灯坏了三盏，晚上接孩子很不方便。';
    expect(deidentify(text)).toBe(text);
  });
});

describe('counters', () => {
  it('a case contributes its facts; a change adds the difference', () => {
    const before = aCase({ status: 'inProgress', leadUnitId: 'u1' });
    const after = {
      ...before,
      status: 'replied' as const,
      handledBy: 'unit' as const,
      answeredAt: '2026-03-02T00:00:00Z',
      answerWorkingDays: 4,
    };
    expect(contributions(before)).toEqual(
      expect.arrayContaining(['total', 'status:inProgress', 'unit:u1:assigned']),
    );
    expect(delta(before, after)).toEqual({
      'status:inProgress': -1,
      'status:replied': 1,
      answered: 1,
      'wd:4': 1,
      'unit:u1:replied': 1,
    });
    expect(delta(null, before).total).toBe(1);
    expect(applyDelta({ total: 1, 'status:x': 1 }, { 'status:x': -1, 'status:y': 1 })).toEqual({
      total: 1,
      'status:y': 1,
    });
  });
  it('the median of the histogram', () => {
    expect(medianOf({})).toBeNull();
    expect(medianOf({ 'wd:3': 1 })).toBe(3);
    expect(medianOf({ 'wd:1': 1, 'wd:3': 1, 'wd:10': 1 })).toBe(3);
    expect(medianOf({ 'wd:1': 2, 'wd:4': 2 })).toBe(2.5);
    expect(medianOf({ 'wd:2': 5, 'wd:30': 1, total: 9 })).toBe(2);
  });
  it('shards spread cases over four documents', () => {
    const shards = new Set(Array.from({ length: 100 }, (_, i) => shardOf(`case-${i}`)));
    expect([...shards].sort()).toEqual([0, 1, 2, 3]);
  });
});
