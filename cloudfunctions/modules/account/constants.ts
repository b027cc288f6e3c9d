/** Plain constants of the account module for the client and the functions (no zod, so pages stay small). */

/** The consent a voter gives before real-name verification (PIPL §29: separate consent). */
export const VERIFY_CONSENT_VERSION = 'verify-2026-11';
export const VERIFY_CONSENT_TEXT =
  '为核实您是本选区登记选民，我们将把您填写的姓名和身份证号与乡镇人大导入的选民名册比对。' +
  '身份证号只以不可逆的加密摘要和遮蔽形式（如 1101**********123X）保存，不以明文存储或记录；' +
  '比对结果只用于代表联络、实名制群和接待预约。您可以随时联系乡镇人大撤回认证。';
