import { AppError } from '../../core/errors';
import type { OpenData } from '../../core/ports';
import type { WxCloud } from './cloud';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Open data on WeChat. The client passes `wx.cloud.CloudID(res.cloudID)` from wx.getGroupEnterInfo as the
 * envelope's top-level `chat`; the platform replaces it with `{ cloudID, data: { opengid, watermark } }`.
 * Any client could send that shape as a plain object, so the opengid is taken only from what
 * `cloudbase.getOpenData` answers for the CloudID (bound to the caller's openid), never from the event.
 * The local host's demo parameter is refused here.
 */
export function createOpenData(cloud: WxCloud): OpenData {
  return {
    async chat(raw, { openid }) {
      if (raw === undefined || raw === null) return null;
      if (isObject(raw) && 'demo' in raw)
        throw new AppError('INVALID_INPUT', '演示参数只能在本地演示中使用', { chat: '无效' });
      const cloudID = isObject(raw) ? raw.cloudID : undefined;
      if (typeof cloudID !== 'string' || !/^[\w-]{1,200}$/.test(cloudID)) return null;
      let res;
      try {
        res = await cloud.openapi.cloudbase.getOpenData({ openid, cloudidList: [cloudID] });
      } catch {
        return null; // expired (5 minutes) or not this user's: joined without the chat
      }
      const item = res?.dataList?.[0];
      let json: unknown = item?.json;
      if (typeof json === 'string') {
        try {
          json = JSON.parse(json);
        } catch {
          return null;
        }
      }
      const data = isObject(json) && isObject(json.data) ? json.data : null;
      const opengid = data?.opengid;
      if (typeof opengid !== 'string' || !/^[\w-]{1,100}$/.test(opengid)) return null;
      return { opengid, demo: false };
    },
  };
}
