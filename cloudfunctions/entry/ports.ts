/** The production ports: CloudBase database and storage and the WeChat open APIs, all via wx-server-sdk. */
import { createCloudbaseStore } from '../adapters/cloudbase/store';
import type { CloudDb } from '../adapters/cloudbase/db';
import { hmacHasher, randomIds } from '../adapters/local/ids';
import { createWechatPorts, type SubscribeTemplate, type WxCloud } from '../adapters/wechat';
import type { AnyModule } from '../core/module';

/** What the ports need of the modules a function serves. */
export type Served = Pick<AnyModule, 'notifications' | 'activities'>;
import type { Ports } from '../core/ports';

/** What the entry needs of wx-server-sdk beyond the ports' own part. */
export interface WxServerSdk extends WxCloud {
  DYNAMIC_CURRENT_ENV: unknown;
  init(o: { env: unknown }): void;
  getWXContext(): { OPENID?: string; ENV?: string };
  database(o: { throwOnNotFound: false }): unknown;
}

/** The environment variable that holds a notification kind's template id: message.received → TMPL_MESSAGE_RECEIVED. */
export const templateVariable = (kind: string) => `TMPL_${kind.replace('.', '_').toUpperCase()}`;

/**
 * Subscription templates from the function's environment (see templateVariable); TMPL_FIELDS (JSON) maps the
 * templates' keywords to what fills them. Kinds without an id stay in-app only.
 */
function templates(env: NodeJS.ProcessEnv, modules: readonly Served[]): Record<string, SubscribeTemplate> {
  const fields = JSON.parse(env.TMPL_FIELDS ?? '{"thing1":"title","thing2":"body","time3":"time"}');
  const out: Record<string, SubscribeTemplate> = {};
  for (const m of modules) {
    for (const [kind, spec] of Object.entries(m.notifications ?? {})) {
      const id = env[templateVariable(kind)];
      if (spec?.subscription && id) out[kind] = { templateId: id, fields };
    }
  }
  return out;
}

/**
 * The templates the client may ask users to accept, by kind (those of `templates` above); a kind named in
 * TMPL_LONG_TERM (comma-separated, e.g. `groups.post`) has a long-term (长期订阅) template.
 */
function subscriptions(env: NodeJS.ProcessEnv, t: Record<string, SubscribeTemplate>) {
  const long = new Set((env.TMPL_LONG_TERM ?? '').split(',').map((k) => k.trim()));
  return Object.fromEntries(
    Object.entries(t).map(([kind, { templateId }]) => [kind, { templateId, longTerm: long.has(kind) }]),
  );
}

export function productionPorts(
  cloud: WxServerSdk,
  env: NodeJS.ProcessEnv,
  modules: readonly Served[],
  qr?: Ports['codes']['qr'],
): Ports {
  const secret = env.ID_HASH_SECRET;
  if (!secret) throw new Error('ID_HASH_SECRET is not set for this cloud function');
  const points = Object.fromEntries(
    modules.flatMap((m) => Object.entries(m.activities ?? {}).map(([type, a]) => [type, a!.points])),
  );
  const t = templates(env, modules);
  return {
    store: createCloudbaseStore(cloud.database({ throwOnNotFound: false }) as CloudDb),
    ...createWechatPorts(cloud, {
      templates: t,
      // Only files of this environment's storage (getWXContext's ENV holds for the instance).
      media: { envId: () => cloud.getWXContext().ENV },
      miniprogramState: env.MINIPROGRAM_STATE === 'trial' ? 'trial' : 'formal',
      codes: { envVersion: env.MINIPROGRAM_STATE === 'trial' ? 'trial' : 'release', qr },
    }),
    clock: { now: () => new Date() },
    ids: randomIds(),
    hasher: hmacHasher(secret),
    config: {
      publicUrl: env.PUBLIC_URL ?? '',
      dailyMessageLimit: Number(env.DAILY_MESSAGE_LIMIT ?? 10),
      points,
      subscriptions: subscriptions(env, t),
    },
  };
}
