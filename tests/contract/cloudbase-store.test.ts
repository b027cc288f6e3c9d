/** What only the CloudBase adapter has to get right (the shared behaviour is in store.contract.test.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudDb } from '../../cloudfunctions/adapters/cloudbase/db';
import {
  createCloudbaseStore,
  DEFAULT_CONFLICT_RETRY,
  isDuplicateKey,
  isTransactionConflict,
} from '../../cloudfunctions/adapters/cloudbase/store';
import { COLLECTIONS, INDEXES } from '../../cloudfunctions/modules/registry';
import { AppError } from '../../cloudfunctions/core/errors';
import { createCloudbaseDbDouble, DbError, TransactionConflict } from '../doubles/cloudbase-db';
import { anAuditEntry, aUser } from './fixtures';
import { contactStorage } from '../../cloudfunctions/modules/contact/storage';
import { sharedStorage } from '../../cloudfunctions/modules/shared/storage';

const double = () =>
  createCloudbaseDbDouble({
    collections: COLLECTIONS,
    throwOnNotFound: false,
    indexes: INDEXES,
    requireIndexes: true,
  });

/** The error wx-server-sdk raises when one operation inside a transaction hits a conflict (not retried by it). */
const opConflict = () =>
  new DbError(-501001, 'document.update:fail database transaction conflict: write conflict on document');

describe('CloudBase store adapter', () => {
  it('stores the record id as _id and nothing else changes', async () => {
    const db = double();
    const store = createCloudbaseStore(db);
    const u = aUser();
    await store.transact((tx) => tx.insert('users', u));
    const { id, ...rest } = u;
    expect(db.dump('users')).toEqual([{ _id: id, ...rest }]);
  });

  it('ignores _openid that mini-program-side writes would add', async () => {
    const db = double();
    const a = anAuditEntry();
    const { id, ...rest } = a;
    await db.collection('audit').add({ data: { _id: id, ...rest, _openid: 'o-1' } });
    expect(await createCloudbaseStore(db).get('audit', a.id)).toEqual(a);
  });

  it('retries a unit of work whose operation hit a conflict the SDK did not retry', async () => {
    const db = double();
    const store = createCloudbaseStore(db);
    const real = db.runTransaction.bind(db);
    let calls = 0;
    const flaky: CloudDb = {
      command: db.command,
      collection: (n) => db.collection(n),
      runTransaction: (work) => (++calls === 1 ? Promise.reject(opConflict()) : real(work)),
    };
    const u = aUser();
    await createCloudbaseStore(flaky).transact((tx) => tx.insert('users', u));
    expect(calls).toBe(2);
    expect(await store.get('users', u.id)).toEqual(u);
  });

  it('answers CONFLICT when conflicts persist, after a bounded number of attempts', async () => {
    let calls = 0;
    const stuck: CloudDb = {
      command: double().command,
      collection: () => {
        throw new Error('not used');
      },
      runTransaction: () => {
        calls++;
        return Promise.reject(calls % 2 ? opConflict() : new TransactionConflict());
      },
    };
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    // The most it would wait: random() just under 1 gives each ceiling.
    const err = await createCloudbaseStore(stuck, { conflictRetry: { sleep, random: () => 0.9999 } })
      .transact(async () => 1)
      .catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('CONFLICT');
    expect(calls).toBe(DEFAULT_CONFLICT_RETRY.attempts);
    // A growing, capped wait between attempts (none after the last): 10, 20, 40 … 400 ms by default.
    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 400]);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThan(1500); // well inside the 3 s function timeout

    // The wait is random below the ceiling (full jitter), so writers that collided spread out.
    calls = 0;
    waits.length = 0;
    await createCloudbaseStore(stuck, { conflictRetry: { attempts: 3, sleep, random: () => 0 } })
      .transact(async () => 1)
      .catch(() => undefined);
    expect(calls).toBe(3);
    expect(waits).toEqual([0, 0]);
  });

  it('waits for real between attempts: a conflicting writer gets out of the way meanwhile', async () => {
    const db = double();
    let calls = 0;
    const wrapped: CloudDb = {
      command: db.command,
      collection: (n) => db.collection(n),
      runTransaction: (work) => (++calls <= 2 ? Promise.reject(opConflict()) : db.runTransaction(work)),
    };
    const started = Date.now();
    const got = await createCloudbaseStore(wrapped, {
      conflictRetry: { baseDelayMs: 5, maxDelayMs: 5, random: () => 0.9999 },
    }).transact(async () => 'done');
    expect(got).toBe('done');
    expect(calls).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9);
  });

  it('passes other errors through untouched', async () => {
    const boom = new Error('network');
    const db = double();
    const broken: CloudDb = {
      command: db.command,
      collection: (n) => db.collection(n),
      runTransaction: () => Promise.reject(boom),
    };
    await expect(createCloudbaseStore(broken).transact(async () => 1)).rejects.toBe(boom);
  });

  it('refuses a list limit outside 1..100 before asking the server', async () => {
    const store = createCloudbaseStore(double());
    await expect(store.queries(contactStorage).messagesOfThread('t', { limit: 101 })).rejects.toThrow(
      /1\.\.100/,
    );
    await expect(store.queries(sharedStorage).outboxOfUser('u', { limit: 0 })).rejects.toThrow(/1\.\.100/);
  });

  it('recognises conflict and duplicate-key errors in the shapes the SDK produces', () => {
    expect(isTransactionConflict(new TransactionConflict())).toBe(true);
    expect(isTransactionConflict(opConflict())).toBe(true);
    expect(isTransactionConflict(new AppError('CONFLICT', 'x'))).toBe(false);
    expect(isTransactionConflict(new Error('network'))).toBe(false);
    expect(isDuplicateKey(new DbError(-502001, 'collection.add:fail E11000 duplicate key error'))).toBe(true);
    expect(isDuplicateKey(new AppError('CONFLICT', 'duplicate key'))).toBe(false);
  });

  it('the deployment README lists every index of INDEXES', () => {
    const readme = readFileSync(join(__dirname, '../../cloudfunctions/adapters/cloudbase/README.md'), 'utf8');
    for (const c of COLLECTIONS) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${c}\` |`));
      expect(row).toBeDefined();
      for (const idx of INDEXES[c]) {
        const arrows = idx.fields.map(([f, o]) => `${f} ${o === 'desc' ? '↓' : '↑'}`).join(', ');
        expect(row).toContain(`\`${idx.name}\`: ${arrows}${idx.unique ? ' (unique)' : ''}`);
      }
    }
  });
});
