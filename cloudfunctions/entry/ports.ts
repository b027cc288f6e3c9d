/** The production ports: CloudBase database and storage and the WeChat open APIs, all via wx-server-sdk. */
import { createCloudbaseStore } from '../adapters/cloudbase/store';
import type { CloudDb } from '../adapters/cloudbase/db';
import { hmacHasher, randomIds } from '../adapters/local/ids';
import {
  createWechatPorts,
  NOTIFICATION_KINDS,
  type SubscribeTemplate,
  type WxCloud,
} from '../adapters/wechat';
import type { Ports } from '../core/ports';
import { DEFAULT_POINTS } from '../core/points';

/** What the entry needs of wx-server-sdk beyond the ports' own part. */
export interface WxServerSdk extends WxCloud {
  DYNAMIC_CURRENT_ENV: unknown;
  init(o: { env: unknown }): void;
  getWXContext(): { OPENID?: string };
  database(o: { throwOnNotFound: false }): unknown;
}

/**
 * Subscription templates from the function's environment: TMPL_MESSAGE_RECEIVED etc. hold template ids;
 * TMPL_FIELDS (JSON) maps the templates' keywords to what fills them. Kinds without an id stay in-app only.
 */
function templates(env: NodeJS.ProcessEnv): Record<string, SubscribeTemplate> {
  const fields = JSON.parse(env.TMPL_FIELDS ?? '{"thing1":"title","thing2":"body","time3":"time"}');
  const out: Record<string, SubscribeTemplate> = {};
  for (const kind of NOTIFICATION_KINDS) {
    const id = env[`TMPL_${kind.replace('.', '_').toUpperCase()}`];
    if (id) out[kind] = { templateId: id, fields };
  }
  return out;
}

export function productionPorts(cloud: WxServerSdk, env: NodeJS.ProcessEnv): Ports {
  const secret = env.ID_HASH_SECRET;
  if (!secret) throw new Error('ID_HASH_SECRET is not set for this cloud function');
  return {
    store: createCloudbaseStore(cloud.database({ throwOnNotFound: false }) as CloudDb),
    ...createWechatPorts(cloud, {
      templates: templates(env),
      miniprogramState: env.MINIPROGRAM_STATE === 'trial' ? 'trial' : 'formal',
      codes: { envVersion: env.MINIPROGRAM_STATE === 'trial' ? 'trial' : 'release' },
    }),
    clock: { now: () => new Date() },
    ids: randomIds(),
    hasher: hmacHasher(secret),
    config: {
      publicUrl: env.PUBLIC_URL ?? '',
      dailyMessageLimit: Number(env.DAILY_MESSAGE_LIMIT ?? 10),
      points: DEFAULT_POINTS,
    },
  };
}
