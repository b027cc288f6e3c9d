import type { CollectionName } from '../../core/records';

export interface IndexSpec {
  /** The name to create it under (CloudBase console → 数据库 → 索引管理). */
  name: string;
  fields: Array<[field: string, order: 'asc' | 'desc']>;
  unique?: true;
}

/**
 * The indexes each query of the CloudBase store needs, per collection (README.md beside this file lists
 * them for deployment).
 * Every collection also has the built-in unique index on `_id`.
 *
 * Rules they follow:
 * - equality fields first, then the sort field, then `_id` (keyset pagination breaks ties on `_id`);
 *   a filter on a field that is not in the index is applied while scanning the index in order, which is
 *   fine for the small per-deputy / per-office sets these are;
 * - an index read backwards serves the opposite direction, so one index covers asc and desc;
 * - unique only on fields that are never null: a CloudBase unique index treats a missing field as null,
 *   so `users.verifiedEntryId`, `registerEntries.boundUserId` and `deputies.userId` (nullable, unique in
 *   SQLite) cannot be unique here — see README.md, "What differs from SQLite".
 *
 * The contract suite runs the double with `requireIndexes`, so a query that no index here serves fails
 * the tests instead of scanning a collection in production.
 */
export const INDEXES: Record<CollectionName, IndexSpec[]> = {
  // regions() and stations() page through the whole (small) collection in _id order.
  regions: [],
  stations: [],
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
  registerEntries: [
    {
      name: 'constituency_name_id',
      fields: [
        ['constituencyId', 'asc'],
        ['name', 'asc'],
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
  ],
  consents: [],
  deputies: [
    { name: 'code_unique', fields: [['code', 'asc']], unique: true },
    { name: 'userId', fields: [['userId', 'asc']] },
    {
      name: 'constituency_name_id',
      fields: [
        ['constituencyId', 'asc'],
        ['name', 'asc'],
        ['_id', 'asc'],
      ],
    },
    {
      name: 'township_name_id',
      fields: [
        ['townshipId', 'asc'],
        ['name', 'asc'],
        ['_id', 'asc'],
      ],
    },
    {
      name: 'name_id',
      fields: [
        ['name', 'asc'],
        ['_id', 'asc'],
      ],
    },
  ],
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
  ],
  audit: [],
  idempotency: [],
  counters: [],
  // receptionDays(): at most one scope field, optional status, an inclusive date range on the sort field.
  // Each scope has its own index; status alongside a scope is applied while scanning it (a station or
  // township holds tens of days a year, a county a few hundred, and lists come with a date range).
  receptionDays: [
    {
      name: 'status_date_id',
      fields: [
        ['status', 'asc'],
        ['date', 'asc'],
        ['_id', 'asc'],
      ],
    },
    {
      name: 'county_date_id',
      fields: [
        ['countyId', 'asc'],
        ['date', 'asc'],
        ['_id', 'asc'],
      ],
    },
    {
      name: 'township_date_id',
      fields: [
        ['townshipId', 'asc'],
        ['date', 'asc'],
        ['_id', 'asc'],
      ],
    },
    {
      name: 'station_date_id',
      fields: [
        ['stationId', 'asc'],
        ['date', 'asc'],
        ['_id', 'asc'],
      ],
    },
    {
      name: 'date_id',
      fields: [
        ['date', 'asc'],
        ['_id', 'asc'],
      ],
    },
  ],
  slots: [
    {
      name: 'day_startsAt_id',
      fields: [
        ['dayId', 'asc'],
        ['startsAt', 'asc'],
        ['_id', 'asc'],
      ],
    },
  ],
  assignments: [
    {
      name: 'day_id',
      fields: [
        ['dayId', 'asc'],
        ['_id', 'asc'],
      ],
    },
    {
      name: 'deputy_date_id',
      fields: [
        ['deputyId', 'asc'],
        ['date', 'asc'],
        ['_id', 'asc'],
      ],
    },
  ],
  bookings: [
    // Both fields are always set, so this one can be unique here as in SQLite (UNIQUE (dayId, code)).
    {
      name: 'day_code_unique',
      fields: [
        ['dayId', 'asc'],
        ['code', 'asc'],
      ],
      unique: true,
    },
    {
      name: 'day_createdAt_id',
      fields: [
        ['dayId', 'asc'],
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ],
    },
    // Walk-ins have no voterUserId: a plain (not unique) index, so the nulls do not collide.
    {
      name: 'voter_createdAt_id',
      fields: [
        ['voterUserId', 'asc'],
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
    },
  ],
  visits: [
    {
      name: 'day_createdAt_id',
      fields: [
        ['dayId', 'asc'],
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ],
    },
  ],
  // Claims are read and written by id only.
  claims: [],
};
