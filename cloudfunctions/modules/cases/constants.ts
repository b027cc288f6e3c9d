/**
 * Plain constants of the cases module for the client and the functions (no zod, so pages stay small):
 * statuses and their words, categories, answer categories, ratings, limits of a report.
 */

/** The kinds of case the engine runs; suggestions (议案建议) come next. */
export const CASE_KINDS = ['report'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Every status a case can be in (`published` is a flag, not a status). */
export const CASE_STATUSES = [
  'submitted',
  'accepted',
  'declined',
  'answered',
  'forwarded',
  'assigned',
  'returned',
  'inProgress',
  'replied',
  'reopened',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What each status says to the submitter, in plain words. */
export const STATUS_LABEL: Record<CaseStatus, string> = {
  submitted: '已提交，等待代表受理',
  accepted: '代表已受理',
  declined: '代表未受理',
  answered: '代表已答复，请评价',
  forwarded: '已转交人大办，等待交办',
  assigned: '已交办承办单位',
  returned: '承办单位退回，人大办重新交办中',
  inProgress: '承办单位办理中',
  replied: '承办单位已答复，请评价',
  reopened: '不满意，重新办理中',
  closed: '已办结',
};

/** Short status words for lists and chips. */
export const STATUS_SHORT: Record<CaseStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  declined: '未受理',
  answered: '代表已答复',
  forwarded: '待交办',
  assigned: '已交办',
  returned: '已退回',
  inProgress: '办理中',
  replied: '已答复',
  reopened: '重新办理',
  closed: '已办结',
};

/** The default list of report categories; each county office can set its own (cases.editSettings). */
export const DEFAULT_CATEGORIES = [
  '城乡建设',
  '交通出行',
  '教育',
  '医疗卫生',
  '社会保障',
  '生态环境',
  '基层治理',
  '其他',
] as const;
export const CATEGORY_MAX = 12;

/** 答复类别: what the answer commits to. */
export const ANSWER_CATEGORIES = ['已解决或采纳', '列入年度计划', '列入规划', '留作参考'] as const;
export type AnswerCategory = (typeof ANSWER_CATEGORIES)[number];

/** 满意度: the submitter rates attitude and result. */
export const RATINGS = ['满意', '基本满意', '不满意'] as const;
export type Rating = (typeof RATINGS)[number];

export const REPORT_TEXT_MAX = 3000;
export const REPORT_IMAGES_MAX = 9;
export const REASON_MAX = 500;
export const ANSWER_MAX = 3000;

/** Where a matter in litigation (涉法涉诉) is pointed to when it is declined. */
export const LITIGATION_POINTER =
  '该事项涉及诉讼或仲裁（涉法涉诉），依规定不在代表联络站受理范围，请向县信访局或相关司法机关反映。';

/** The consents a report records, separately (PIPL §29). */
export const CONSENT_FORWARD_TEXT = '同意将本事项（含我的姓名）转交有关承办单位办理。';
export const CONSENT_PUBLISH_TEXT = '同意在办结后公开本事项（隐去姓名、电话、证件号、详细地址和位置）。';
export const CONSENT_VERSION = 'report-2026-12';

/** How a stage's limit is counted. */
export type LimitUnit = 'workingDays' | 'days' | 'months';
export interface StageLimit {
  n: number;
  unit: LimitUnit;
}
/** The stages that have a limit, by name. */
export const STAGES = ['accept', 'handle', 'assign', 'return', 'reply', 'rehandle', 'rate'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABEL: Record<Stage, string> = {
  accept: '代表受理',
  handle: '代表答复或转交',
  assign: '人大办交办',
  return: '承办单位退回期限',
  reply: '承办单位答复',
  rehandle: '不满意后重新办理',
  rate: '提交人评价',
};
/**
 * The default limits (the office may set its own): accept and assign within 7 working days, a unit may
 * return within 7 working days, answer within 3 months, re-handle within 1 month; a deputy answers or
 * forwards within 7 working days; an unrated answer is closed (not rated) after 15 days.
 */
export const DEFAULT_LIMITS: Record<Stage, StageLimit> = {
  accept: { n: 7, unit: 'workingDays' },
  handle: { n: 7, unit: 'workingDays' },
  assign: { n: 7, unit: 'workingDays' },
  return: { n: 7, unit: 'workingDays' },
  reply: { n: 3, unit: 'months' },
  rehandle: { n: 1, unit: 'months' },
  rate: { n: 15, unit: 'days' },
};
/** A complex matter may get up to 6 months (≈ 130 working days) to be answered. */
export const MAX_DUE_WORKING_DAYS = 130;
