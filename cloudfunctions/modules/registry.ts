/**
 * The one list of modules. Everything else that lists capabilities is derived from it: the deployable
 * functions (and their bundles and openapi permissions), the host's functions, the timer's steps, the
 * demo seed, collections, indexes, migrations, notification kinds and templates, duty points.
 * Adding a capability: its folder under modules/, a line here, a line in ./contracts.ts.
 */
import type { ActivitySpec, JobStep, AnyModule, NotificationSpec, OpenApi } from '../core/module';
import type { Ports } from '../core/ports';
import type { ActivityType, CollectionName, NotificationKind } from '../core/records';
import type { ModuleStorage } from '../adapters/storage';
import type { IndexSpec } from '../adapters/cloudbase/kit';
import { account } from './account';
import { cases } from './cases';
import { consult } from './consult';
import { contact } from './contact';
import { groups } from './groups';
import { reception } from './reception';
import { shared } from './shared';
import { forgetGeo } from './shared/public';

/** In dependency order: seeds and migrations run in this order. */
export const MODULES = [shared, account, contact, reception, consult, cases, groups] as const;

type Listed<K extends 'collections' | 'notifications' | 'activities'> =
  (typeof MODULES)[number] extends infer M
    ? M extends { [P in K]: infer L }
      ? L extends readonly (infer E)[]
        ? E
        : keyof L
      : never
    : never;
// Every collection, notification kind and activity type some module declares is listed by its module:
// a name missing from the lists makes one of these lines a type error.
const _everyCollection: [Exclude<CollectionName, Listed<'collections'>>] extends [never] ? true : false =
  true;
const _everyKind: [Exclude<NotificationKind, Listed<'notifications'>>] extends [never] ? true : false = true;
const _everyActivity: [Exclude<ActivityType, Listed<'activities'>>] extends [never] ? true : false = true;
void [_everyCollection, _everyKind, _everyActivity];

const modules: readonly AnyModule[] = MODULES;

/** The modules with actions: one deployable cloud function each, named after it. */
export const FUNCTION_MODULES = modules.filter((m) => Object.keys(m.contracts).length > 0);

export const moduleNamed = (name: string): AnyModule | undefined =>
  FUNCTION_MODULES.find((m) => m.name === name);

export const COLLECTIONS: CollectionName[] = modules.flatMap((m) => [...m.collections]);

export const STORAGES: ModuleStorage<unknown>[] = modules.flatMap((m) =>
  m.storage ? [m.storage as ModuleStorage<unknown>] : [],
);

/** The CloudBase indexes of every collection (none for collections read by id only). */
export const INDEXES: Record<CollectionName, IndexSpec[]> = Object.fromEntries(
  COLLECTIONS.map((c) => [c, STORAGES.flatMap((s) => s.cloudbase.indexes[c] ?? [])]),
) as Record<CollectionName, IndexSpec[]>;

export const JOB_STEPS: JobStep[] = modules.flatMap((m) => [...(m.jobs ?? [])]);

export const NOTIFICATIONS = Object.assign({}, ...modules.map((m) => m.notifications ?? {})) as Record<
  NotificationKind,
  NotificationSpec
>;

export const ACTIVITIES = Object.assign({}, ...modules.map((m) => m.activities ?? {})) as Record<
  ActivityType,
  ActivitySpec
>;

/** Duty points per activity type, as the modules set them by default. */
export const DEFAULT_POINTS: Record<string, number> = Object.fromEntries(
  Object.entries(ACTIVITIES).map(([type, a]) => [type, a.points]),
);

/** Timer trigger of the `jobs` function: 7-field cron in UTC+8, every minute. */
export const JOBS_TRIGGER = { name: 'everyMinute', type: 'timer', config: '0 * * * * * *' } as const;

/** The deployable functions: each module with actions, and `jobs`, the timer. */
export const DEPLOYABLE: Record<string, { openapi: OpenApi[]; triggers?: (typeof JOBS_TRIGGER)[] }> = {
  ...Object.fromEntries(FUNCTION_MODULES.map((m) => [m.name, { openapi: [...m.openapi] }])),
  jobs: {
    openapi: [...new Set(JOB_STEPS.flatMap((s) => [...(s.openapi ?? [])]))],
    triggers: [JOBS_TRIGGER],
  },
};

/** The demo county: every module's part, in order, on an empty database. */
export async function seedDemo(ports: Ports): Promise<void> {
  for (const m of modules) await m.seed?.(ports);
  forgetGeo(ports);
}
