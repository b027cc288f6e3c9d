/**
 * The WeChat entry shared by every deployed function: builds the CloudBase ports once per instance,
 * takes the caller's OPENID from getWXContext() (only here — it reads process globals) and dispatches.
 */
import type { FunctionName } from '../core/contracts';
import { loadCaller } from '../core/context';
import { dispatch } from '../core/dispatch';
import type { Handlers } from '../core/handlers';
import { ensureUser } from '../core/identity';
import type { Ports } from '../core/ports';
import { productionPorts, type WxServerSdk } from './ports';

const cloud: WxServerSdk = require('wx-server-sdk');

let ports: Ports | undefined;
export function wechatPorts(): Ports {
  if (!ports) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    ports = productionPorts(cloud, process.env);
  }
  return ports;
}

export function wechatMain<F extends FunctionName>(fn: F, handlers: Handlers<F>) {
  return async (event: unknown) => {
    const p = wechatPorts();
    const { OPENID } = cloud.getWXContext();
    const caller = OPENID ? await loadCaller(p, await ensureUser(p, OPENID)) : null;
    return dispatch(fn, handlers, event, caller, p);
  };
}
