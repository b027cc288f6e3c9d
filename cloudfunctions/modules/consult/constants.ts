/** Plain constants of the consult module for the client and the functions (no zod, so pages stay small). */

/** One comment on an article, or one free-text answer. */
export const COMMENT_MAX = 1000;
export const TITLE_MAX = 100;
export const BACKGROUND_MAX = 3000;
/** The pasted draft, before it is split into articles. */
export const DRAFT_TEXT_MAX = 50_000;
export const ARTICLE_TEXT_MAX = 5000;
export const ARTICLES_MAX = 200;
export const QUESTIONS_MAX = 20;
export const OPTIONS_MAX = 10;
export const OPTION_MAX = 60;
export const REASON_MAX = 500;
/** A 1–5 scale question. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** Deputies in the audience who have not answered are reminded this many days before close. */
export const REMIND_DAYS_BEFORE_CLOSE = 2;

export const QUESTION_KIND_LABEL = {
  single: '单选',
  multiple: '多选',
  scale: '1–5 分',
  text: '文字回答',
} as const;

export const AUDIENCE_LABEL = {
  all: '所有登录用户',
  verified: '实名认证的选民',
  deputies: '仅人大代表',
} as const;

export const OUTCOME_LABEL = {
  adopted: '采纳',
  partly: '部分采纳',
  notAdopted: '未采纳',
} as const;

/** What a consultation is at now: stored status plus its open and close times. */
export const PHASE_LABEL = {
  draft: '草稿',
  upcoming: '未开始',
  open: '征询中',
  closed: '已结束',
  feedback: '已公布采纳情况',
} as const;

/** 第十二条 for an article number (as the drafts write them). */
export function articleLabel(n: number): string {
  return `第${chineseNumeral(n)}条`;
}

export function chineseNumeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n];
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  if (n < 1000) {
    const h = Math.floor(n / 100);
    const r = n % 100;
    if (r === 0) return `${d[h]}百`;
    if (r < 10) return `${d[h]}百零${d[r]}`;
    return `${d[h]}百${d[Math.floor(r / 10)]}十${r % 10 ? d[r % 10] : ''}`;
  }
  return String(n);
}
