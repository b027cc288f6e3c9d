/**
 * What a capability module is: everything the kernel, the entry points and the registry need to know of
 * it. A module is its own folder (cloudfunctions/modules/<name>/) and one line in the registry; its index.ts
 * declares it as a plain object `satisfies Module<typeof contracts>` (no call, so a bundle that only uses
 * another export of the folder leaves the module's handlers out).
 */
import type { z } from 'zod';
import type { Ctx } from './context';
import type { ContractTable } from './contracts';
import type { Rule } from './policy';
import type { Ports, Storage } from './ports';
import type { ActivityType, CollectionName, NotificationKind } from './records';

/** One handler per action, typed by its contract. */
export type Handlers<C extends ContractTable> = {
  [A in keyof C]: (ctx: Ctx, input: z.output<C[A]['input']>) => Promise<z.output<C[A]['output']>>;
};

/** One rule per action: a missing rule is a type error. */
export type Policy<C extends ContractTable> = { [A in keyof C]: Rule };

/** The WeChat open APIs the ports call; a deployed function must list each it uses (permissions.openapi). */
export type OpenApi =
  | 'security.msgSecCheck'
  | 'security.mediaCheckAsync'
  | 'wxacode.getUnlimited'
  | 'subscribeMessage.send'
  | 'cloudbase.getOpenData';

/** Message-push events (消息推送) the `jobs` function receives besides its timer. */
export type PushEvent = 'wxa_media_check';

/** A piece of the timer's work (the `jobs` function). Safe to run again after a crash. */
export interface JobStep {
  name: string;
  /** `deliver` steps run after every other step (the outbox goes out last). */
  phase?: 'deliver';
  /** The open APIs it reaches through the ports (the `jobs` function lists them all). */
  openapi?: readonly OpenApi[];
  run(ports: Ports): Promise<unknown>;
  /**
   * Message-push events it handles (the `jobs` function is invoked with one instead of by its timer), in
   * registry order. Anyone may call a deployed function, so a handler trusts nothing in the event but what
   * only WeChat and we know (e.g. a trace id we never gave out).
   */
  events?: Partial<Record<PushEvent, (ports: Ports, event: Record<string, unknown>) => Promise<unknown>>>;
}

export interface NotificationSpec {
  /** What it tells (for the README and the deployment's template list). */
  about: string;
  /** Sent as a subscription message when a template is configured; otherwise in-app only. */
  subscription: boolean;
}

export interface ActivitySpec {
  /** What the activity is, as the duty record shows it. */
  label: string;
  /** Default duty points (履职积分); localities configure their own. */
  points: number;
}

export interface Module<C extends ContractTable = ContractTable> {
  /** The capability's name: its deployable function (when it has actions) and its action prefix. */
  name: string;
  /** One line for the README's table of modules. */
  summary: string;
  contracts: C;
  policy: Policy<C>;
  handlers: Handlers<C>;
  /** The collections it owns. */
  collections: readonly CollectionName[];
  storage?: Storage<unknown>;
  notifications?: Partial<Record<NotificationKind, NotificationSpec>>;
  activities?: Partial<Record<ActivityType, ActivitySpec>>;
  jobs?: readonly JobStep[];
  /** Its part of the demo county, run once on an empty database in registry order. */
  seed?: (ports: Ports) => Promise<void>;
  /** The open APIs its handlers reach through the ports. */
  openapi: readonly OpenApi[];
  /** Its handlers render QR images of texts (`codes.qr`): its WeChat function bundles the QR library. */
  rendersQr?: boolean;
}

/**
 * A module of whatever contracts — what the kernel, the registry and the entry points take. Each module's
 * handlers are checked against its own contracts where it is declared (`satisfies Module<typeof contracts>`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModule = Module<any>;
