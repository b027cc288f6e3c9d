/**
 * The case engine's state machine, as a table: from status × action × who → to status. Pure: no store,
 * no clock. Handlers ask `transition` and get the next status or the refusal to answer with; the
 * timeline and the counters follow from the answer. Suggestions (议案建议) will add their own rows.
 */
import type { CaseStatus, Rating, Stage } from '../constants';

/** Who acts on a case, as the handler establishes it for the caller (one caller may be several). */
export type Actor =
  | 'submitter'
  /** A deputy of the case's constituency (or township, when no constituency is named) while it waits. */
  | 'intakeDeputy'
  /** The deputy who accepted it. */
  | 'deputy'
  | 'office'
  | 'leadUnit'
  | 'assistingUnit'
  /** The jobs timer, or the engine itself (a linked case following its earlier one). */
  | 'system';

export const FLOW_ACTIONS = [
  'accept',
  'decline',
  'answer',
  'forward',
  'followUp',
  'assign',
  'return',
  'reply',
  'rate',
  'link',
  'release',
  'follow',
  'expire',
] as const;
export type FlowAction = (typeof FLOW_ACTIONS)[number];

/** What the guards may look at, all known before the unit of work writes. */
export interface Facts {
  /** The content check asked for a staff review: no deputy sees it until staff release it. */
  held: boolean;
  consentForward: boolean;
  /** Who gave the last answer: the deputy directly, or the lead unit. */
  handledBy: 'deputy' | 'unit' | null;
  /** Times 不满意 sent it back (at most once). */
  reopenCount: number;
  /** The rating's result (rate only). */
  result?: Rating;
  /** Still within the lead unit's 7 working days to return it (return only). */
  withinReturnWindow?: boolean;
  /** The earlier case it is linked to already has an answer (link only). */
  earlierAnswered?: boolean;
  /** It follows an earlier case's outcome. */
  following?: boolean;
}

interface Row {
  action: FlowAction;
  from: readonly CaseStatus[];
  by: readonly Actor[];
  /** `same`: the status stays (a note on the timeline). */
  to: CaseStatus | 'same' | ((f: Facts) => CaseStatus);
  /** A refusal (CONFLICT) when the facts do not allow it, else null. */
  unless?: (f: Facts) => string | null;
}

const HANDLING: CaseStatus[] = ['forwarded', 'assigned', 'returned', 'inProgress', 'reopened'];

/** The whole machine. Order matters only for rows of one action that share a `from` (first match wins). */
export const FLOW: readonly Row[] = [
  {
    action: 'accept',
    from: ['submitted'],
    by: ['intakeDeputy'],
    to: 'accepted',
    unless: (f) => (f.held ? '该事项内容正在人工复核，复核通过后才能受理' : null),
  },
  { action: 'accept', from: ['assigned'], by: ['leadUnit'], to: 'inProgress' },
  {
    action: 'decline',
    from: ['submitted'],
    by: ['intakeDeputy'],
    to: 'declined',
    unless: (f) => (f.held ? '该事项内容正在人工复核' : null),
  },
  {
    action: 'decline',
    from: ['submitted'],
    by: ['office'],
    to: 'declined',
    unless: (f) => (f.held ? null : '人大办只能对待复核的事项作出不予受理'),
  },
  {
    action: 'release',
    from: ['submitted'],
    by: ['office'],
    to: 'submitted',
    unless: (f) => (f.held ? null : '该事项不在复核中'),
  },
  { action: 'answer', from: ['accepted'], by: ['deputy'], to: 'answered' },
  {
    action: 'answer',
    from: ['reopened'],
    by: ['deputy'],
    to: 'answered',
    unless: (f) => (f.handledBy === 'deputy' ? null : '该事项由承办单位重新办理'),
  },
  { action: 'forward', from: ['accepted'], by: ['deputy'], to: 'forwarded' },
  {
    action: 'forward',
    from: ['reopened'],
    by: ['deputy'],
    to: 'forwarded',
    unless: (f) => (f.handledBy === 'deputy' ? null : '该事项由承办单位重新办理'),
  },
  { action: 'followUp', from: HANDLING, by: ['deputy'], to: 'same' },
  {
    action: 'assign',
    from: ['forwarded', 'returned'],
    by: ['office'],
    to: 'assigned',
    unless: (f) => (f.consentForward ? null : '提交人未同意转交承办单位，不能交办；可由代表直接答复'),
  },
  {
    action: 'return',
    from: ['assigned', 'inProgress'],
    by: ['leadUnit'],
    to: 'returned',
    unless: (f) => (f.withinReturnWindow ? null : '已超过 7 个工作日的退回期限，请办理并答复'),
  },
  { action: 'reply', from: ['assigned', 'inProgress'], by: ['leadUnit'], to: 'replied' },
  {
    action: 'reply',
    from: ['reopened'],
    by: ['leadUnit'],
    to: 'replied',
    unless: (f) => (f.handledBy === 'unit' ? null : '该事项由代表重新办理'),
  },
  {
    action: 'rate',
    from: ['replied', 'answered'],
    by: ['submitter'],
    // 不满意 sends it back once for re-handling; a second 不满意 closes it as it stands.
    to: (f) => (f.result === '不满意' && f.reopenCount === 0 ? 'reopened' : 'closed'),
  },
  {
    action: 'link',
    from: ['submitted', 'accepted', 'forwarded', 'returned'],
    by: ['office'],
    to: (f) => (f.earlierAnswered ? 'replied' : 'inProgress'),
    unless: (f) => (f.following ? '该事项已关联到其他事项' : null),
  },
  {
    action: 'follow',
    from: ['inProgress'],
    by: ['system'],
    to: 'replied',
    unless: (f) => (f.following ? null : '该事项未关联其他事项'),
  },
  { action: 'expire', from: ['replied', 'answered'], by: ['system'], to: 'closed' },
];

export type Transition =
  { ok: true; to: CaseStatus } | { ok: false; code: 'CONFLICT' | 'FORBIDDEN'; message: string };

const STATUS_WORD: Record<CaseStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  declined: '未受理',
  answered: '代表已答复',
  forwarded: '待交办',
  assigned: '已交办',
  returned: '已退回',
  inProgress: '办理中',
  replied: '已答复',
  reopened: '重新办理中',
  closed: '已办结',
};

const ACTION_WORD: Record<FlowAction, string> = {
  accept: '受理',
  decline: '不予受理',
  answer: '答复',
  forward: '转交',
  followUp: '跟踪督办',
  assign: '交办',
  return: '退回',
  reply: '答复',
  rate: '评价',
  link: '关联',
  release: '复核放行',
  follow: '随关联事项答复',
  expire: '逾期未评价办结',
};

/**
 * The next status of a case in `from` when `actors` do `action`: CONFLICT when the status does not
 * allow the action (or a guard refuses), FORBIDDEN when it does but none of the actors may do it.
 */
export function transition(
  from: CaseStatus,
  action: FlowAction,
  actors: readonly Actor[],
  f: Facts,
): Transition {
  const rows = FLOW.filter((r) => r.action === action && r.from.includes(from));
  if (rows.length === 0) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: `该事项当前${STATUS_WORD[from]}，不能${ACTION_WORD[action]}`,
    };
  }
  const mine = rows.filter((r) => r.by.some((a) => actors.includes(a)));
  if (mine.length === 0) {
    return { ok: false, code: 'FORBIDDEN', message: refusalFor(action, rows) };
  }
  let refusal = '';
  for (const r of mine) {
    const why = r.unless?.(f) ?? null;
    if (why) {
      refusal ||= why;
      continue;
    }
    const to = typeof r.to === 'function' ? r.to(f) : r.to;
    return { ok: true, to: to === 'same' ? from : to };
  }
  return { ok: false, code: 'CONFLICT', message: refusal };
}

function refusalFor(action: FlowAction, rows: Row[]): string {
  const by = new Set(rows.flatMap((r) => r.by));
  if (action === 'reply' && by.has('leadUnit')) return '只有主办单位可以答复，协办单位请把意见提供给主办单位';
  if (action === 'return' && by.has('leadUnit')) return '只有主办单位可以退回';
  if (by.has('intakeDeputy')) return '只有该选区（镇）的代表可以受理';
  if (by.has('deputy')) return '只有受理该事项的代表可以办理';
  if (by.has('submitter')) return '只有提交人可以评价';
  if (by.has('office')) return '只有人大办工作人员可以办理';
  return '无权进行此操作';
}

/** Who holds a case in a status: whose queue it sits in, and who is reminded when it is late. */
export type Holder = 'deputies' | 'deputy' | 'office' | 'unit' | 'submitter' | 'none';

export function holderOf(status: CaseStatus, f: Pick<Facts, 'handledBy' | 'held' | 'following'>): Holder {
  switch (status) {
    case 'submitted':
      return f.held ? 'office' : 'deputies';
    case 'accepted':
      return 'deputy';
    case 'forwarded':
    case 'returned':
      return 'office';
    case 'assigned':
      return 'unit';
    case 'inProgress':
      return f.following ? 'none' : 'unit';
    case 'reopened':
      return f.handledBy === 'deputy' ? 'deputy' : 'unit';
    case 'answered':
    case 'replied':
      return 'submitter';
    default:
      return 'none';
  }
}

/** The stage whose limit runs in a status (null: no limit runs — done, or following another case). */
export function stageOf(status: CaseStatus, f: Pick<Facts, 'held' | 'following'>): Stage | null {
  switch (status) {
    case 'submitted':
      return f.held ? null : 'accept';
    case 'accepted':
      return 'handle';
    case 'forwarded':
    case 'returned':
      return 'assign';
    case 'assigned':
    case 'inProgress':
      return f.following ? null : 'reply';
    case 'reopened':
      return 'rehandle';
    case 'answered':
    case 'replied':
      return 'rate';
    default:
      return null;
  }
}

/** Whether a closed case may be published: only with the submitter's consent, and not twice. */
export function publishRefusal(c: { status: CaseStatus; consentPublish: boolean; published: boolean }) {
  if (c.status !== 'closed') return '只有已办结的事项可以公开';
  if (!c.consentPublish) return '提交人未同意公开，不能公开';
  if (c.published) return '该事项已公开';
  return null;
}

export const TERMINAL: readonly CaseStatus[] = ['declined', 'closed'];
