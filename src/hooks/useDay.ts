import { call, toApiError } from '../api';
import { useResource } from './useResource';

/** The reception day a page is about (its `dayId` parameter). */
export function useDay(dayId: string) {
  return useResource(() => {
    if (!dayId) throw toApiError({ code: 'NOT_FOUND', message: '没有找到这个接待日' });
    return call('reception', 'day', { dayId });
  }, `day:${dayId}`);
}
