/**
 * Duty points per activity type (履职积分). Localities set their own; these are the defaults
 * both runtimes start from.
 */
export const DEFAULT_POINTS: Record<string, number> = {
  'message.reply': 1,
  'reception.attend': 2,
  'reception.visit': 1,
};
