/** Plain constants of the contact module for the client and the functions (no zod, so pages stay small). */

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

/** Invitation codes office staff give a deputy to link their account: 8 characters, no O, I, 0, 1. */
export const INVITE_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/;
/** An invitation stays good this many days. */
export const INVITE_DAYS = 7;

/** A thread unanswered this long may be chased once. */
export const CHASE_AFTER_DAYS = 7;
