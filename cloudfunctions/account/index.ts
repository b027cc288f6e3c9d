import { accountHandlers } from '../core/services/account';
import { wechatMain } from '../entry/wechat';

export const main = wechatMain('account', accountHandlers);
