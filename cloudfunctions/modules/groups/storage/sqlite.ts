import type { SqliteSchema } from '../../../adapters/storage';
import type { Condition } from '../../../adapters/sqlite/kit';
import type { GroupScope, GroupsQueries } from './queries';

/** A scope's one condition; an empty scope matches nothing (rather than everything). */
const scoped = (s: GroupScope): Condition[] => [
  ['countyId = ?', s.countyId],
  ['townshipId = ?', s.townshipId],
  ['constituencyId = ?', s.constituencyId],
  ['stationId = ?', s.stationId],
  ['0', !s.countyId && !s.townshipId && !s.constituencyId && !s.stationId],
];

export const groupsSqlite: SqliteSchema<GroupsQueries> = {
  migrations: [
    `
    CREATE TABLE groups (
      id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('constituency','station')),
      countyId TEXT NOT NULL, townshipId TEXT NOT NULL, constituencyId TEXT, stationId TEXT,
      joinRule TEXT NOT NULL CHECK (joinRule IN ('auto','approval')),
      memberCount INTEGER NOT NULL CHECK (memberCount >= 0), pendingCount INTEGER NOT NULL CHECK (pendingCount >= 0),
      postSeq INTEGER NOT NULL, lastPostAt TEXT, lastPostExcerpt TEXT NOT NULL,
      createdBy TEXT NOT NULL, createdByDeputyId TEXT, codeFileId TEXT, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL,
      CHECK ((constituencyId IS NULL) <> (stationId IS NULL))
    );
    CREATE INDEX groups_county ON groups (countyId, createdAt, id);
    CREATE INDEX groups_township ON groups (townshipId, createdAt, id);
    CREATE INDEX groups_constituency ON groups (constituencyId, createdAt, id);
    CREATE INDEX groups_station ON groups (stationId, createdAt, id);
    CREATE TABLE groupMembers (
      id TEXT PRIMARY KEY, groupId TEXT NOT NULL, userId TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('member','pending','removed','left')), active INTEGER NOT NULL,
      muted INTEGER NOT NULL, name TEXT NOT NULL, maskedName TEXT NOT NULL, constituencyId TEXT,
      inArea INTEGER NOT NULL, via TEXT NOT NULL CHECK (via IN ('code','card','chat')), chatId TEXT,
      chatCounted INTEGER NOT NULL, seenSeq INTEGER NOT NULL, requestedAt TEXT NOT NULL, joinedAt TEXT,
      listedAt TEXT NOT NULL, updatedAt TEXT NOT NULL,
      UNIQUE (groupId, userId)
    );
    CREATE INDEX groupMembers_group ON groupMembers (groupId, status, listedAt, id);
    CREATE INDEX groupMembers_user ON groupMembers (userId, active, listedAt, id);
    CREATE TABLE groupChats (
      id TEXT PRIMARY KEY, groupId TEXT NOT NULL, opengid TEXT NOT NULL, demo INTEGER NOT NULL,
      members INTEGER NOT NULL CHECK (members >= 0), firstAt TEXT NOT NULL, lastAt TEXT NOT NULL,
      UNIQUE (groupId, opengid)
    );
    CREATE TABLE groupPosts (
      id TEXT PRIMARY KEY, groupId TEXT NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL,
      constituencyId TEXT, stationId TEXT, kind TEXT NOT NULL CHECK (kind IN ('notice','reception')),
      authorUserId TEXT NOT NULL, authorDeputyId TEXT, authorName TEXT NOT NULL, text TEXT NOT NULL,
      images TEXT NOT NULL, imagesPending INTEGER NOT NULL, poll TEXT, pollOpen INTEGER NOT NULL, pollClosesAt TEXT,
      pinned INTEGER NOT NULL, pinnedAt TEXT, feedKey TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('visible','held','hidden')), hiddenBy TEXT, announced INTEGER NOT NULL,
      reviewed INTEGER NOT NULL, reportCount INTEGER NOT NULL, commentCount INTEGER NOT NULL CHECK (commentCount >= 0),
      version INTEGER NOT NULL, editedAt TEXT, refId TEXT, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL
    );
    CREATE INDEX groupPosts_feed ON groupPosts (groupId, feedKey, id);
    CREATE INDEX groupPosts_visible ON groupPosts (groupId, status, feedKey, id);
    CREATE INDEX groupPosts_polls ON groupPosts (pollOpen, pollClosesAt, id);
    CREATE INDEX groupPosts_images ON groupPosts (imagesPending, createdAt, id);
    CREATE TABLE groupPostEdits (
      id TEXT PRIMARY KEY, postId TEXT NOT NULL, groupId TEXT NOT NULL, version INTEGER NOT NULL, text TEXT NOT NULL,
      editedBy TEXT NOT NULL, at TEXT NOT NULL
    );
    CREATE INDEX groupPostEdits_post ON groupPostEdits (postId, at, id);
    CREATE TABLE groupComments (
      id TEXT PRIMARY KEY, postId TEXT NOT NULL, groupId TEXT NOT NULL, authorUserId TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('member','owner')), authorName TEXT NOT NULL, publicName TEXT NOT NULL,
      text TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('visible','held','hidden')), hiddenBy TEXT,
      reviewed INTEGER NOT NULL, reportCount INTEGER NOT NULL, createdAt TEXT NOT NULL
    );
    CREATE INDEX groupComments_post ON groupComments (postId, createdAt, id);
    CREATE TABLE groupReads (
      id TEXT PRIMARY KEY, postId TEXT NOT NULL, groupId TEXT NOT NULL, userId TEXT NOT NULL, at TEXT NOT NULL,
      UNIQUE (postId, userId)
    );
    CREATE TABLE groupVotes (
      id TEXT PRIMARY KEY, postId TEXT NOT NULL, groupId TEXT NOT NULL, userId TEXT NOT NULL,
      option INTEGER NOT NULL CHECK (option >= 0), at TEXT NOT NULL,
      UNIQUE (postId, userId)
    );
    CREATE TABLE groupTallies (
      id TEXT PRIMARY KEY, postId TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('reads','votes')),
      shard INTEGER NOT NULL, counts TEXT NOT NULL,
      UNIQUE (postId, kind, shard)
    );
    CREATE INDEX groupTallies_post ON groupTallies (postId, id);
    CREATE TABLE groupReports (
      id TEXT PRIMARY KEY, groupId TEXT NOT NULL, targetKind TEXT NOT NULL CHECK (targetKind IN ('post','comment')),
      targetId TEXT NOT NULL, userId TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('spam','offensive','irrelevant')), at TEXT NOT NULL,
      UNIQUE (targetId, userId)
    );
    CREATE TABLE groupReviews (
      id TEXT PRIMARY KEY, groupId TEXT NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL,
      constituencyId TEXT, stationId TEXT, targetKind TEXT NOT NULL, targetId TEXT NOT NULL, postId TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('reports','held')), open INTEGER NOT NULL, excerpt TEXT NOT NULL,
      authorUserId TEXT NOT NULL, openedAt TEXT NOT NULL, closedAt TEXT, decision TEXT
    );
    CREATE INDEX groupReviews_group ON groupReviews (groupId, open, openedAt, id);
    CREATE INDEX groupReviews_county ON groupReviews (countyId, open, openedAt, id);
    CREATE INDEX groupReviews_township ON groupReviews (townshipId, open, openedAt, id);
    CREATE INDEX groupReviews_constituency ON groupReviews (constituencyId, open, openedAt, id);
    CREATE INDEX groupReviews_station ON groupReviews (stationId, open, openedAt, id);
    CREATE TABLE groupFanouts (
      id TEXT PRIMARY KEY, groupId TEXT NOT NULL, postId TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
      link TEXT NOT NULL, afterKey TEXT, afterId TEXT, sent INTEGER NOT NULL, done INTEGER NOT NULL,
      createdAt TEXT NOT NULL
    );
    CREATE INDEX groupFanouts_pending ON groupFanouts (done, createdAt, id);
    CREATE TABLE groupSubscriptions (
      id TEXT PRIMARY KEY, userId TEXT NOT NULL, kind TEXT NOT NULL, longTerm INTEGER NOT NULL,
      oneTime INTEGER NOT NULL CHECK (oneTime >= 0), updatedAt TEXT NOT NULL
    );
    `,
  ],
  codecs: {
    groupMembers: { bool: ['active', 'muted', 'inArea', 'chatCounted'] },
    groupChats: { bool: ['demo'] },
    groupPosts: {
      json: ['images', 'poll'],
      bool: ['imagesPending', 'pollOpen', 'pinned', 'announced', 'reviewed'],
    },
    groupComments: { bool: ['reviewed'] },
    groupTallies: { json: ['counts'] },
    groupReviews: { bool: ['open'] },
    groupFanouts: { bool: ['done'] },
    groupSubscriptions: { bool: ['longTerm'] },
  },

  queries: (kit) => ({
    groupByCode: (code) => kit.one('groups', 'SELECT * FROM groups WHERE code = ?', [code]),
    groupsIn: (scope, opts) => kit.list('groups', scoped(scope), 'createdAt', true, opts),
    membersOf: (groupId, status, opts) =>
      kit.list(
        'groupMembers',
        [
          ['groupId = ?', groupId],
          ['status = ?', status],
        ],
        'listedAt',
        false,
        opts,
      ),
    membershipsOf: (userId, opts) =>
      kit.list(
        'groupMembers',
        [
          ['userId = ?', userId],
          ['active = 1', true],
        ],
        'listedAt',
        true,
        opts,
      ),
    feed: (groupId, filter, opts) =>
      kit.list(
        'groupPosts',
        [
          ['groupId = ?', groupId],
          ["status = 'visible'", filter.visibleOnly],
        ],
        'feedKey',
        true,
        opts,
      ),
    commentsOf: (postId, opts) =>
      kit.list('groupComments', [['postId = ?', postId]], 'createdAt', false, opts),
    editsOf: (postId, limit) => kit.list('groupPostEdits', [['postId = ?', postId]], 'at', true, { limit }),
    talliesOf: (postId) => kit.list('groupTallies', [['postId = ?', postId]], 'id', false, { limit: 100 }),
    chatsOf: (groupId) => kit.list('groupChats', [['groupId = ?', groupId]], 'id', false, { limit: 100 }),
    openReviews: (scope, opts) =>
      kit.list(
        'groupReviews',
        [
          ['open = 1', true],
          ...(scope.groupId ? ([['groupId = ?', scope.groupId]] as Condition[]) : scoped(scope)),
        ],
        'openedAt',
        true,
        opts,
      ),
    pendingFanouts: (limit) => kit.list('groupFanouts', [['done = 0', true]], 'createdAt', false, { limit }),
    pollsClosingBy: (before, limit) =>
      kit.list(
        'groupPosts',
        [
          ['pollOpen = 1', true],
          ['pollClosesAt <= ?', before],
        ],
        'pollClosesAt',
        false,
        { limit },
      ),
    postsWithPendingImages: (limit) =>
      kit.list('groupPosts', [['imagesPending = 1', true]], 'createdAt', false, { limit }),
  }),
};
