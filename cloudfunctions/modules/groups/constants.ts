/** Plain constants of the groups module for the client and the functions (no zod, so pages stay small). */

export const GROUP_NAME_MAX = 30;
export const DESCRIPTION_MAX = 300;
/** A post's text (群公告). */
export const POST_TEXT_MAX = 2000;
export const POST_IMAGES_MAX = 9;
/** A member's comment (评论). */
export const COMMENT_MAX = 500;
export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 10;
export const POLL_OPTION_MAX = 40;
/** A poll closes at least this long after it is posted, and within this many days. */
export const POLL_MIN_MINUTES = 10;
export const POLL_MAX_DAYS = 90;
/** At this many reports a post or comment is hidden until an owner or the office reviews it. */
export const REPORTS_TO_HIDE = 3;
/** One-time subscriptions (一次性订阅) a member may have in hand at most. */
export const ONE_TIME_MAX = 50;
/** The group's code: the mini-program code's scene (≤ 32 characters), typed by hand when needed. */
export const GROUP_CODE_PATTERN = /^G[A-HJ-NP-Z2-9]{7}$/;
/** The page a group's code and shared card open (groups subpackage). */
export const JOIN_PAGE = 'groups/join/index';

export const REPORT_REASONS = ['spam', 'offensive', 'irrelevant'] as const;
export const REPORT_REASON_LABEL = {
  spam: '垃圾广告',
  offensive: '辱骂或不当言论',
  irrelevant: '与本群无关',
} as const;

export const JOIN_RULE_LABEL = {
  auto: '本选区实名选民可直接加入',
  approval: '申请后由群主审核',
} as const;

export const MEMBER_STATUS_LABEL = {
  member: '成员',
  pending: '待审核',
  removed: '已移出',
  left: '已退出',
} as const;

export const VIA_LABEL = {
  code: '扫群码',
  card: '代表联系卡',
  chat: '微信群中的卡片',
} as const;

export const REVIEW_REASON_LABEL = {
  reports: `被举报 ${REPORTS_TO_HIDE} 次，已隐藏待审核`,
  held: '内容安全待审核',
} as const;
