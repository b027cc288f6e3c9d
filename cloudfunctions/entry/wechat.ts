/**
 * The WeChat entry of every deployed function (scripts/build-functions.ts writes one per function from the
 * registry): builds the CloudBase ports once per instance, takes the caller's OPENID from getWXContext()
 * (only here — it reads process globals) and serves the request.
 */
import { pushEventOf, runEvent, runJobs } from '../core/jobs';
import type { JobStep, AnyModule } from '../core/module';
import type { Ports } from '../core/ports';
import { ensureUser, loadCaller, serve } from '../modules/shared/public';
import { productionPorts, type Served, type WxServerSdk } from './ports';

const cloud: WxServerSdk = require('wx-server-sdk');

/** Built once per instance (an instance serves one function, so one list of modules). */
const built = new Map<readonly Served[], Ports>();
function wechatPorts(modules: readonly Served[], qr?: Ports['codes']['qr']): Ports {
  let ports = built.get(modules);
  if (!ports) {
    if (built.size === 0) cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    ports = productionPorts(cloud, process.env, modules, qr);
    built.set(modules, ports);
  }
  return ports;
}

/** A client-callable function: one module's actions (`qr` for a module that renders QR images). */
export function wechatMain(module: AnyModule, qr?: Ports['codes']['qr']) {
  const served = [module];
  return async (event: unknown) => {
    const p = wechatPorts(served, qr);
    const { OPENID } = cloud.getWXContext();
    const caller = OPENID ? await loadCaller(p, await ensureUser(p, OPENID)) : null;
    return serve(module, event, caller, p);
  };
}

/**
 * The timer function (trigger in its config.json): every module's steps. It also receives the message-push
 * events configured to it (云开发 → 消息推送: `wxa_media_check`), which go to the steps that handle them.
 * A client could call it too: the steps trust nothing in an event but ids only WeChat and we know.
 */
export function wechatJobs(modules: readonly Served[], steps: readonly JobStep[]) {
  return async (event?: unknown) => {
    const ports = wechatPorts(modules);
    const push = pushEventOf(event);
    if (push) return runEvent(ports, steps, push, event as Record<string, unknown>);
    return runJobs(ports, steps);
  };
}
