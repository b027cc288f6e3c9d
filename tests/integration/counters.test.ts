/**
 * The counts a page shows — a deputy's unread threads (contact.inbox), a user's unread notifications
 * (account.me, account.notifications) — come from counter documents kept in the units of work that change
 * them. After every kind of change, on both engines, they equal what the rows say; and a database made
 * before the counters gets them from its migration.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { After } from '../../cloudfunctions/core/ports';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { contactQueries } from '../../cloudfunctions/modules/contact/storage';
import { sharedQueries } from '../../cloudfunctions/modules/shared/public';
import { ENGINES, makeWorld, type EngineName, type World, type Who } from './harness';

/** Every page of a keyset list. */
async function all<T extends { id: string }>(
  read: (o: { after?: After; limit: number }) => Promise<T[]>,
  key: (r: T) => string,
): Promise<T[]> {
  const out: T[] = [];
  let after: After | undefined;
  for (;;) {
    const rows = await read({ after, limit: 100 });
    out.push(...rows);
    if (rows.length < 100) return out;
    after = { key: key(rows[rows.length - 1]), id: rows[rows.length - 1].id };
  }
}

describe.each(ENGINES)('on %s', (engine: EngineName) => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld({ engine, dailyMessageLimit: 100 });
  });

  /** What the rows say: the deputy's visible unread threads, each user's unread notifications. */
  async function rows(users: Who[]) {
    const threads = await all(
      (o) => contactQueries(w.ports).threadsOfDeputy({ deputyId: 'dep-01' }, o),
      (t) => t.lastMessageAt,
    );
    const notes = await Promise.all(
      users.map(async (who) => {
        const me = await w.call(who, 'account', 'me', {});
        const items = await all(
          (o) => sharedQueries(w.ports).outboxOfUser(me.userId, o),
          (n) => n.createdAt,
        );
        return items.filter((n) => !n.readAt).length;
      }),
    );
    return { threads: threads.filter((t) => t.unreadByDeputy).length, notes };
  }

  /** What the pages show. */
  async function pages(users: Who[]) {
    const inbox = await w.call('deputy', 'contact', 'inbox', {});
    const notes = await Promise.all(
      users.map(async (who) => {
        const me = await w.call(who, 'account', 'me', {});
        expect((await w.call(who, 'account', 'notifications', {})).unread).toBe(me.unreadNotifications);
        return me.unreadNotifications;
      }),
    );
    return { threads: inbox.unread, notes };
  }

  it('the unread counts equal the rows after sending, holding, releasing, reading and replying', async () => {
    const users: Who[] = [
      'voter',
      'deputy',
      { openid: 'counter-voter-1' },
      { openid: 'counter-voter-2' },
      // Everyone the demo seeds notifications for, whichever module seeds them and however.
      ...(['newcomer', 'station', 'township', 'county'] as const),
      { openid: 'demo:unit' },
      { openid: 'demo:unit-wj' },
    ];
    const check = async () => expect(await pages(users)).toEqual(await rows(users));

    await check(); // the seeded county: counted once
    const sent = await w.call(
      'voter',
      'contact',
      'send',
      { deputyId: 'dep-01', text: '路灯坏了' },
      'counter-req-0001',
    );
    await check();
    const held = await w.call(
      users[2],
      'contact',
      'send',
      { deputyId: 'dep-01', text: '明天去上访' },
      'counter-req-0002',
    );
    await check();
    const heldMessage = (await w.call('township', 'contact', 'held', {})).items.find(
      (m) => m.threadId === held.threadId,
    )!;
    await w.call('township', 'contact', 'review', { messageId: heldMessage.messageId, decision: 'release' });
    await check();
    await w.call('deputy', 'contact', 'thread', { threadId: sent.threadId }); // read: the thread and its notices
    await check();
    await w.call('deputy', 'contact', 'thread', { threadId: sent.threadId }); // again: nothing changes
    await check();
    await w.call(
      'deputy',
      'contact',
      'reply',
      { threadId: held.threadId, text: '已收到' },
      'counter-req-0003',
    );
    await check();
    await w.call(
      users[2],
      'contact',
      'followUp',
      { threadId: held.threadId, text: '谢谢' },
      'counter-req-0004',
    );
    await check();
    await w.call('voter', 'contact', 'close', { threadId: sent.threadId, outcome: 'resolved' });
    await check();
    const notes = await w.call(users[2], 'account', 'notifications', {});
    const ids = notes.items.filter((n) => !n.read).map((n) => n.id);
    await w.call(users[2], 'account', 'readNotifications', { ids: [...ids, ...ids] });
    await check();

    // All at once: voters write, the deputy reads, a voter reads a notice twice over.
    const more = await Promise.all(
      [users[3], users[0], users[3]].map((who, i) =>
        w.call(who, 'contact', 'send', { deputyId: 'dep-01', text: `第${i}条` }, `counter-burst-${i}-0000`),
      ),
    );
    const [deputyNote] = (await w.call('deputy', 'account', 'notifications', {})).items.filter(
      (n) => !n.read,
    );
    await Promise.all([
      w.call('deputy', 'contact', 'thread', { threadId: more[0].threadId }),
      w.call('deputy', 'contact', 'thread', { threadId: more[0].threadId }),
      w.call('deputy', 'account', 'readNotifications', { ids: [deputyNote.id] }),
      w.call('deputy', 'account', 'readNotifications', { ids: [deputyNote.id] }),
      w.call(users[3], 'contact', 'send', { deputyId: 'dep-01', text: '又一条' }, 'counter-burst-9-0000'),
    ]);
    await check();
  });
});

it('a database made before the counters gets them from its migration, equal to its rows', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'dl-counters-')), 'deputylink.db');
  const legacy = new Database(path);
  legacy.exec(readFileSync(join(__dirname, '../fixtures/db-before-modules.sql'), 'utf8'));
  const users = legacy.prepare('SELECT DISTINCT userId FROM outbox').all() as { userId: string }[];
  const deputies = legacy.prepare('SELECT DISTINCT deputyId FROM threads').all() as { deputyId: string }[];
  legacy.close();
  expect(users.length).toBeGreaterThan(0);
  expect(deputies.length).toBeGreaterThan(0);

  const ports = createLocalPorts({
    dbPath: path,
    filesDir: mkdtempSync(join(tmpdir(), 'dl-counters-files-')),
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'legacy-secret',
  });
  const db = ports.store.db;
  const counter = (id: string) =>
    (db.prepare('SELECT count FROM counters WHERE id = ?').get(id) as { count: number } | undefined)?.count;
  const n = (sql: string, v: string) => (db.prepare(sql).get(v) as { n: number }).n;
  for (const { userId } of users) {
    expect(counter(`unread:outbox:${userId}`)).toBe(
      n('SELECT COUNT(*) AS n FROM outbox WHERE userId = ? AND readAt IS NULL', userId),
    );
  }
  for (const { deputyId } of deputies) {
    expect(counter(`unread:threads:${deputyId}`)).toBe(
      n('SELECT COUNT(*) AS n FROM threads WHERE deputyId = ? AND held = 0 AND unreadByDeputy = 1', deputyId),
    );
  }
  ports.store.close();
});
