import { nameConditions } from '../../../adapters/cloudbase/names';
import type { CloudbaseSchema } from '../../../adapters/storage';
import type { Where } from '../../../adapters/cloudbase/db';
import { unreadNoticesCounter } from '../../../core/counters';
import type { SharedQueries } from './queries';

/** Binary string order, as both SQLite (BINARY collation) and CloudBase sort strings. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const sharedCloudbase: CloudbaseSchema<SharedQueries> = {
  indexes: {
    // regions and stations are read whole (small), 100 at a time in _id order.
    users: [{ name: 'openid_unique', fields: [['openid', 'asc']], unique: true }],
    roleGrants: [
      {
        name: 'userId_id',
        fields: [
          ['userId', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
    deputies: [
      { name: 'code_unique', fields: [['code', 'asc']], unique: true },
      { name: 'userId', fields: [['userId', 'asc']] },
      // Pinyin order and a search's key range, by constituency, township or all; nameKey_id also finds
      // deputies from before the key (nameKey missing), which the timer gives theirs (jobs.ts).
      {
        name: 'constituency_nameKey_id',
        fields: [
          ['constituencyId', 'asc'],
          ['nameKey', 'asc'],
          ['_id', 'asc'],
        ],
      },
      {
        name: 'township_nameKey_id',
        fields: [
          ['townshipId', 'asc'],
          ['nameKey', 'asc'],
          ['_id', 'asc'],
        ],
      },
      {
        name: 'nameKey_id',
        fields: [
          ['nameKey', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
    activities: [
      {
        name: 'deputy_at_id',
        fields: [
          ['deputyId', 'asc'],
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
      },
    ],
    outbox: [
      {
        name: 'user_createdAt_id',
        fields: [
          ['userId', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
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
      {
        name: 'user_link_createdAt_id',
        fields: [
          ['userId', 'asc'],
          ['link', 'asc'],
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
    // audit, idempotency, counters, claims and mediaChecks are read and written by id only.
    imageReviews: (['county', 'township'] as const).map((scope) => ({
      name: `module_${scope}_status_heldAt_id`,
      fields: [
        ['module', 'asc'],
        [`${scope}Id`, 'asc'],
        ['status', 'asc'],
        ['heldAt', 'asc'],
        ['_id', 'asc'],
      ] as [string, 'asc'][],
    })),
  },

  queries: (kit) => {
    const { _ } = kit;
    return {
      async regions() {
        const rows = await kit.scan('regions');
        return rows.sort((a, b) => cmp(a.kind, b.kind) || cmp(a.name, b.name) || cmp(a.id, b.id));
      },
      async stations() {
        const rows = await kit.scan('stations');
        return rows.sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
      },
      userByOpenid: (openid) => kit.first('users', { openid }),
      grantsOfUser: (userId) => kit.byId('roleGrants', { userId }),
      deputyByUser: (userId) => kit.first('deputies', { userId }),
      deputyByCode: (code) => kit.first('deputies', { code }),
      deputies(filter, opts) {
        const eq: Record<string, unknown> = {};
        if (filter.constituencyId) eq.constituencyId = filter.constituencyId;
        if (filter.townshipId) eq.townshipId = filter.townshipId;
        const conds: Where[] = Object.keys(eq).length ? [eq] : [];
        if (filter.excludeConstituencyId) conds.push({ constituencyId: _.neq(filter.excludeConstituencyId) });
        conds.push(...nameConditions(_, filter.search));
        return kit.list('deputies', conds, 'nameKey', 'asc', opts);
      },
      // `_.eq(null)` matches a missing field too.
      deputiesWithoutNameKey: () => kit.byId('deputies', { nameKey: _.eq(null) }),
      outboxOfUser: (userId, opts) => kit.list('outbox', [{ userId }], 'createdAt', 'desc', opts),
      // `_.eq(null)` matches null and a missing field alike.
      unreadOutbox: (userId) =>
        kit.counter(unreadNoticesCounter(userId), () => kit.count('outbox', { userId, readAt: _.eq(null) })),
      unreadAt: (userId, link) =>
        kit.list('outbox', [{ userId, link, readAt: _.eq(null) }], 'createdAt', 'asc', { limit: 100 }),
      pendingOutbox: (limit) => kit.list('outbox', [{ status: 'pending' }], 'createdAt', 'asc', { limit }),
      activitiesOfDeputy: (deputyId, opts) => kit.list('activities', [{ deputyId }], 'at', 'desc', opts),
      heldImages(filter, opts) {
        const place = filter.countyId ? { countyId: filter.countyId } : { townshipId: filter.townshipId };
        return kit.list(
          'imageReviews',
          [{ module: filter.module, ...place, status: 'waiting' }, { heldAt: _.lte(filter.heldBy) }],
          'heldAt',
          'asc',
          opts,
        );
      },
    };
  },
};
