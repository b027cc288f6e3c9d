import { receptionHandlers } from '../core/services/reception';
import { wechatMain } from '../entry/wechat';

export const main = wechatMain('reception', receptionHandlers);
