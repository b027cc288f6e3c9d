import { nameConditions } from '../../../adapters/cloudbase/names';
import type { CloudbaseSchema } from '../../../adapters/storage';
import type { AccountQueries } from './queries';

export const accountCloudbase: CloudbaseSchema<AccountQueries> = {
  indexes: {
    registerEntries: [
      // The register in pinyin order, and a search's key range; entries from before the key (nameKey
      // missing) are found by the same index and given theirs by the timer (jobs.ts).
      {
        name: 'constituency_nameKey_id',
        fields: [
          ['constituencyId', 'asc'],
          ['nameKey', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
    conflicts: [
      {
        name: 'county_createdAt_id',
        fields: [
          ['countyId', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        name: 'township_createdAt_id',
        fields: [
          ['townshipId', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        name: 'createdAt_id',
        fields: [
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
      // With a status (the open ones, few among many resolved), each scope seeks its page too.
      {
        name: 'county_status_createdAt_id',
        fields: [
          ['countyId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        name: 'township_status_createdAt_id',
        fields: [
          ['townshipId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        name: 'status_createdAt_id',
        fields: [
          ['status', 'asc'],
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
    ],
    // consents are written by id only.
  },

  queries: (kit) => ({
    registerEntries: (filter, opts) =>
      kit.list(
        'registerEntries',
        [{ constituencyId: filter.constituencyId }, ...nameConditions(kit._, filter.search)],
        'nameKey',
        'asc',
        opts,
      ),
    // `_.eq(null)` matches a missing field too.
    entriesWithoutNameKey: (constituencyId) =>
      kit.byId('registerEntries', { constituencyId, nameKey: kit._.eq(null) }),
    conflicts(filter, opts) {
      const eq: Record<string, unknown> = {};
      if (filter.countyId) eq.countyId = filter.countyId;
      if (filter.townshipId) eq.townshipId = filter.townshipId;
      if (filter.status) eq.status = filter.status;
      return kit.list('conflicts', Object.keys(eq).length ? [eq] : [], 'createdAt', 'desc', opts);
    },
  }),
};
