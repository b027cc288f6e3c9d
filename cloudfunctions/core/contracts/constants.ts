/**
 * Plain constants shared by the client and the functions. No zod here, so pages can import
 * them without pulling the validator into the mini-program package.
 */

export const MESSAGE_MAX = 1000;

/** Categories a voter picks when writing (shown as-is in the UI). */
export const MESSAGE_CATEGORIES = [
  '城乡建设',
  '交通出行',
  '教育医疗',
  '社会保障',
  '农业农村',
  '生态环境',
  '治安法治',
  '其他',
] as const;

/** The consent a voter gives before real-name verification (PIPL §29: separate consent). */
export const VERIFY_CONSENT_VERSION = 'verify-2026-11';
export const VERIFY_CONSENT_TEXT =
  '为核实您是本选区登记选民，我们将把您填写的姓名和身份证号与乡镇人大导入的选民名册比对。' +
  '身份证号只以不可逆的加密摘要和遮蔽形式（如 1101**********123X）保存，不以明文存储或记录；' +
  '比对结果只用于代表联络、实名制群和接待预约。您可以随时联系乡镇人大撤回认证。';

/** A thread unanswered this long may be chased once. */
export const CHASE_AFTER_DAYS = 7;

/** A booking's topic, shown to the deputy and staff. */
export const TOPIC_MAX = 200;
/** What a visitor raised / what was promised, in a visit record. */
export const VISIT_TEXT_MAX = 2000;
/** Booking codes: 8 characters from A–Z and 2–9 without O, I, 0, 1. */
export const BOOKING_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/;
/** Reception days are announced at least this many days ahead. */
export const PUBLISH_DAYS_AHEAD = 3;
/** Each deputy should take part in at least this many reception days a year. */
export const RECEPTION_DAYS_PER_YEAR = 2;
/** Bookings kept waiting behind a full slot; past this the slot answers FULL. */
export const WAITLIST_MAX = 100;
