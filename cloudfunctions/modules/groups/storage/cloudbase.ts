import type { CloudbaseSchema } from '../../../adapters/storage';
import type { Where } from '../../../adapters/cloudbase/db';
import type { IndexSpec } from '../../../adapters/cloudbase/kit';
import type { GroupScope, GroupsQueries } from './queries';

/** An index on `lead` (equality fields), then `sort` and _id, all in `order`. */
const index = (name: string, lead: string[], sort: string, order: 'asc' | 'desc' = 'asc'): IndexSpec => ({
  name,
  fields: [...lead.map((f): [string, 'asc'] => [f, 'asc']), [sort, order], ['_id', order]],
});

/** A scope's one equality condition, or null for an empty scope (which matches nothing). */
function scopeEq(s: GroupScope): Record<string, string> | null {
  if (s.countyId) return { countyId: s.countyId };
  if (s.townshipId) return { townshipId: s.townshipId };
  if (s.constituencyId) return { constituencyId: s.constituencyId };
  if (s.stationId) return { stationId: s.stationId };
  return null;
}

export const groupsCloudbase: CloudbaseSchema<GroupsQueries> = {
  indexes: {
    groups: [
      { name: 'code_unique', fields: [['code', 'asc']], unique: true },
      index('county_createdAt_id', ['countyId'], 'createdAt', 'desc'),
      index('township_createdAt_id', ['townshipId'], 'createdAt', 'desc'),
      index('constituency_createdAt_id', ['constituencyId'], 'createdAt', 'desc'),
      index('station_createdAt_id', ['stationId'], 'createdAt', 'desc'),
    ],
    groupMembers: [
      index('group_status_listedAt_id', ['groupId', 'status'], 'listedAt'),
      index('user_active_listedAt_id', ['userId', 'active'], 'listedAt', 'desc'),
    ],
    groupChats: [
      {
        name: 'group_id',
        fields: [
          ['groupId', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
    groupPosts: [
      index('group_feedKey_id', ['groupId'], 'feedKey', 'desc'),
      index('group_status_feedKey_id', ['groupId', 'status'], 'feedKey', 'desc'),
      index('pollOpen_pollClosesAt_id', ['pollOpen'], 'pollClosesAt'),
      index('imagesPending_createdAt_id', ['imagesPending'], 'createdAt'),
    ],
    groupPostEdits: [index('post_at_id', ['postId'], 'at', 'desc')],
    groupComments: [index('post_createdAt_id', ['postId'], 'createdAt')],
    groupTallies: [
      {
        name: 'post_id',
        fields: [
          ['postId', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
    groupReviews: [
      index('group_open_openedAt_id', ['groupId', 'open'], 'openedAt', 'desc'),
      index('county_open_openedAt_id', ['countyId', 'open'], 'openedAt', 'desc'),
      index('township_open_openedAt_id', ['townshipId', 'open'], 'openedAt', 'desc'),
      index('constituency_open_openedAt_id', ['constituencyId', 'open'], 'openedAt', 'desc'),
      index('station_open_openedAt_id', ['stationId', 'open'], 'openedAt', 'desc'),
    ],
    groupFanouts: [index('done_createdAt_id', ['done'], 'createdAt')],
    // groupReads, groupVotes, groupReports and groupSubscriptions are read and written by id only.
  },

  queries: (kit) => ({
    groupByCode: (code) => kit.first('groups', { code }),
    groupsIn(scope, opts) {
      const eq = scopeEq(scope);
      return eq ? kit.list('groups', [eq], 'createdAt', 'desc', opts) : Promise.resolve([]);
    },
    membersOf: (groupId, status, opts) =>
      kit.list('groupMembers', [{ groupId, status }], 'listedAt', 'asc', opts),
    membershipsOf: (userId, opts) =>
      kit.list('groupMembers', [{ userId, active: true }], 'listedAt', 'desc', opts),
    feed: (groupId, filter, opts) =>
      kit.list(
        'groupPosts',
        [filter.visibleOnly ? { groupId, status: 'visible' } : { groupId }],
        'feedKey',
        'desc',
        opts,
      ),
    commentsOf: (postId, opts) => kit.list('groupComments', [{ postId }], 'createdAt', 'asc', opts),
    editsOf: (postId, limit) => kit.list('groupPostEdits', [{ postId }], 'at', 'desc', { limit }),
    talliesOf: (postId) => kit.byId('groupTallies', { postId }),
    chatsOf: (groupId) => kit.byId('groupChats', { groupId }),
    openReviews(scope, opts) {
      const eq = scope.groupId ? { groupId: scope.groupId } : scopeEq(scope);
      if (!eq) return Promise.resolve([]);
      return kit.list('groupReviews', [{ ...eq, open: true }], 'openedAt', 'desc', opts);
    },
    pendingFanouts: (limit) => kit.list('groupFanouts', [{ done: false }], 'createdAt', 'asc', { limit }),
    pollsClosingBy: (before, limit) =>
      kit.list(
        'groupPosts',
        [{ pollOpen: true }, { pollClosesAt: kit._.lte(before) }] as Where[],
        'pollClosesAt',
        'asc',
        { limit },
      ),
    postsWithPendingImages: (limit) =>
      kit.list('groupPosts', [{ imagesPending: true }], 'createdAt', 'asc', { limit }),
  }),
};
