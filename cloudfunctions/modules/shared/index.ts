/**
 * The shared module: what several capabilities read — the region tree and stations, accounts and role
 * grants, deputies — and the collections of the kernel's effects (duty record, outbox, audit,
 * idempotency, counters, claims). It has no actions of its own; its timer step delivers the outbox.
 * Other modules use it only through ./public.ts.
 */
import type { Module } from '../../core/module';
import { seedShared } from './demo';
import { JOBS } from './jobs';
import { SHARED_COLLECTIONS } from './records';
import { sharedStorage } from './storage';

export const shared = {
  name: 'shared',
  summary: '地区、联络站、账号与角色、代表；履职档案、通知、审计等公共记录',
  contracts: {},
  policy: {},
  handlers: {},
  collections: SHARED_COLLECTIONS,
  storage: sharedStorage,
  jobs: JOBS,
  seed: seedShared,
  openapi: [],
} satisfies Module<Record<string, never>>;
