import type { SqliteSchema } from '../../../adapters/storage';
import { KEPT_COUNTER } from '../../../core/counters';
import type { ContactQueries } from './queries';
import { unreadThreadsCounter } from './counters';

export const contactSqlite: SqliteSchema<ContactQueries> = {
  migrations: [
    `
    CREATE TABLE threads (
      id TEXT PRIMARY KEY, deputyId TEXT NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL,
      voterUserId TEXT NOT NULL, voterVerified INTEGER NOT NULL, voterName TEXT NOT NULL, category TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('new','read','replied','closed')), outcome TEXT, held INTEGER NOT NULL,
      lastText TEXT NOT NULL, createdAt TEXT NOT NULL, lastMessageAt TEXT NOT NULL, awaitingSince TEXT,
      firstReplyAt TEXT, firstReplySeconds INTEGER, chasedAt TEXT,
      unreadByDeputy INTEGER NOT NULL, unreadByVoter INTEGER NOT NULL
    );
    CREATE INDEX threads_deputy ON threads (deputyId, held, lastMessageAt, id);
    CREATE INDEX threads_voter ON threads (voterUserId, lastMessageAt, id);
    CREATE TABLE messages (
      id TEXT PRIMARY KEY, threadId TEXT NOT NULL, deputyId TEXT NOT NULL, countyId TEXT NOT NULL,
      townshipId TEXT NOT NULL, authorUserId TEXT NOT NULL, authorRole TEXT NOT NULL, text TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('visible','held','hidden')), createdAt TEXT NOT NULL,
      reviewedBy TEXT, reviewedAt TEXT
    );
    CREATE INDEX messages_thread ON messages (threadId, createdAt, id);
    CREATE INDEX messages_status ON messages (status, createdAt, id);
    `,
    // 2: why a held message waits, the thread's opening message, and unanswered follow-ups.
    `
    ALTER TABLE messages ADD COLUMN heldReason TEXT;
    UPDATE messages SET heldReason = 'review' WHERE status = 'held';
    ALTER TABLE threads ADD COLUMN openingMessageId TEXT;
    UPDATE threads SET openingMessageId =
      (SELECT m.id FROM messages m WHERE m.threadId = threads.id ORDER BY m.createdAt, m.id LIMIT 1);
    ALTER TABLE threads ADD COLUMN pendingFollowUps INTEGER NOT NULL DEFAULT 0;
    `,
    // 3: the public opinion report a deputy turned the thread into (cases module).
    `ALTER TABLE threads ADD COLUMN reportCaseId TEXT;`,
    // 4: each deputy's unread threads as a counter document (see unreadThreadsCounter), counted once here
    // for the threads that exist; the index makes a recount cost the unread threads only.
    `
    INSERT OR REPLACE INTO counters (id, count, expiresAt)
      SELECT 'unread:threads:' || deputyId, SUM(held = 0 AND unreadByDeputy = 1), '${KEPT_COUNTER}'
      FROM threads GROUP BY deputyId;
    CREATE INDEX threads_unread ON threads (deputyId) WHERE held = 0 AND unreadByDeputy = 1;
    `,
  ],
  codecs: { threads: { bool: ['voterVerified', 'held', 'unreadByDeputy', 'unreadByVoter'] } },

  queries: (kit) => ({
    threadsOfDeputy: (filter, opts) =>
      kit.list(
        'threads',
        [
          ['deputyId = ?', filter.deputyId],
          ['held = 0', true],
          ['status = ?', filter.status],
          ['voterVerified = 1', filter.verifiedOnly],
        ],
        'lastMessageAt',
        true,
        opts,
      ),
    unreadThreadsOfDeputy: (deputyId) =>
      kit.counter(unreadThreadsCounter(deputyId), () =>
        kit.count(
          'SELECT COUNT(*) AS n FROM threads INDEXED BY threads_unread WHERE deputyId = ? AND held = 0 AND unreadByDeputy = 1',
          [deputyId],
        ),
      ),
    threadsOfVoter: (voterUserId, opts) =>
      kit.list('threads', [['voterUserId = ?', voterUserId]], 'lastMessageAt', true, opts),
    messagesOfThread: (threadId, opts) =>
      kit.list('messages', [['threadId = ?', threadId]], 'createdAt', false, opts),
    heldMessages: (filter, opts) =>
      kit.list(
        'messages',
        [
          ["status = 'held'", true],
          ["heldReason IS NOT 'thread'", true],
          ['countyId = ?', filter.countyId],
          ['townshipId = ?', filter.townshipId],
        ],
        'createdAt',
        false,
        opts,
      ),
  }),
};
