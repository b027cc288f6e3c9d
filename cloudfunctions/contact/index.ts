import { contactHandlers } from '../core/services/contact';
import { wechatMain } from '../entry/wechat';

export const main = wechatMain('contact', contactHandlers);
