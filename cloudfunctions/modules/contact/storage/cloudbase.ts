import type { CloudbaseSchema } from '../../../adapters/storage';
import { unreadThreadsCounter } from './counters';
import type { ContactQueries } from './queries';

export const contactCloudbase: CloudbaseSchema<ContactQueries> = {
  indexes: {
    threads: [
      {
        name: 'deputy_held_lastMessageAt_id',
        fields: [
          ['deputyId', 'asc'],
          ['held', 'asc'],
          ['lastMessageAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        name: 'voter_lastMessageAt_id',
        fields: [
          ['voterUserId', 'asc'],
          ['lastMessageAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
    ],
    messages: [
      {
        name: 'thread_createdAt_id',
        fields: [
          ['threadId', 'asc'],
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
      {
        name: 'status_createdAt_id',
        fields: [
          ['status', 'asc'],
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },

  queries: (kit) => ({
    threadsOfDeputy(filter, opts) {
      const eq: Record<string, unknown> = { deputyId: filter.deputyId, held: false };
      if (filter.status) eq.status = filter.status;
      if (filter.verifiedOnly) eq.voterVerified = true;
      return kit.list('threads', [eq], 'lastMessageAt', 'desc', opts);
    },
    unreadThreadsOfDeputy: (deputyId) =>
      kit.counter(unreadThreadsCounter(deputyId), () =>
        kit.count('threads', { deputyId, held: false, unreadByDeputy: true }),
      ),
    threadsOfVoter: (voterUserId, opts) =>
      kit.list('threads', [{ voterUserId }], 'lastMessageAt', 'desc', opts),
    messagesOfThread: (threadId, opts) => kit.list('messages', [{ threadId }], 'createdAt', 'asc', opts),
    heldMessages(filter, opts) {
      const eq: Record<string, unknown> = { status: 'held' };
      if (filter.countyId) eq.countyId = filter.countyId;
      if (filter.townshipId) eq.townshipId = filter.townshipId;
      // `_.neq` also matches messages stored before heldReason was kept.
      return kit.list('messages', [eq, { heldReason: kit._.neq('thread') }], 'createdAt', 'asc', opts);
    },
  }),
};
