import type { CollectionName } from '../../core/records';

/**
 * Migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Append new ones — never edit one that has shipped.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE regions (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('county','township','constituency')),
    name TEXT NOT NULL, parentId TEXT, countyId TEXT NOT NULL, townshipId TEXT
  );
  CREATE TABLE stations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL,
    address TEXT NOT NULL, contact TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY, openid TEXT NOT NULL UNIQUE, displayName TEXT NOT NULL, createdAt TEXT NOT NULL,
    verifiedEntryId TEXT UNIQUE, verifiedAt TEXT, constituencyId TEXT,
    failedVerifications INTEGER NOT NULL DEFAULT 0, verifyLockedUntil TEXT
  );
  CREATE TABLE roleGrants (
    id TEXT PRIMARY KEY, userId TEXT NOT NULL, role TEXT NOT NULL, scopeKind TEXT NOT NULL, scopeId TEXT NOT NULL
  );
  CREATE INDEX roleGrants_user ON roleGrants (userId);
  CREATE TABLE registerEntries (
    id TEXT PRIMARY KEY, countyId TEXT NOT NULL, townshipId TEXT NOT NULL, constituencyId TEXT NOT NULL,
    name TEXT NOT NULL, idMasked TEXT NOT NULL, phone TEXT, boundUserId TEXT UNIQUE, boundAt TEXT,
    createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL
  );
  CREATE INDEX registerEntries_list ON registerEntries (constituencyId, name, id);
  CREATE TABLE conflicts (
    id TEXT PRIMARY KEY, entryId TEXT NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL,
    constituencyId TEXT NOT NULL, claimantUserId TEXT NOT NULL, holderUserId TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','resolved')), resolution TEXT, resolvedBy TEXT, resolvedAt TEXT,
    createdAt TEXT NOT NULL
  );
  CREATE INDEX conflicts_list ON conflicts (townshipId, status, createdAt);
  CREATE TABLE consents (
    id TEXT PRIMARY KEY, userId TEXT NOT NULL, purpose TEXT NOT NULL, textVersion TEXT NOT NULL, at TEXT NOT NULL
  );
  CREATE TABLE deputies (
    id TEXT PRIMARY KEY, userId TEXT UNIQUE, name TEXT NOT NULL, level TEXT NOT NULL CHECK (level IN ('county','township')),
    countyId TEXT NOT NULL, townshipId TEXT NOT NULL, constituencyId TEXT NOT NULL, workUnit TEXT NOT NULL,
    photoUrl TEXT NOT NULL, stationId TEXT, publicContact TEXT NOT NULL, code TEXT NOT NULL UNIQUE,
    cardFileId TEXT, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL
  );
  CREATE INDEX deputies_list ON deputies (constituencyId, name, id);
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
  CREATE TABLE activities (
    id TEXT PRIMARY KEY, deputyId TEXT NOT NULL, type TEXT NOT NULL, refType TEXT NOT NULL, refId TEXT NOT NULL,
    summary TEXT NOT NULL, points REAL NOT NULL, at TEXT NOT NULL
  );
  CREATE INDEX activities_deputy ON activities (deputyId, at, id);
  CREATE TABLE outbox (
    id TEXT PRIMARY KEY, userId TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
    link TEXT NOT NULL, createdAt TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
    sentAt TEXT, readAt TEXT
  );
  CREATE INDEX outbox_user ON outbox (userId, createdAt, id);
  CREATE INDEX outbox_status ON outbox (status, createdAt, id);
  CREATE TABLE audit (
    id TEXT PRIMARY KEY, actorUserId TEXT, action TEXT NOT NULL, entityType TEXT NOT NULL, entityId TEXT NOT NULL,
    detail TEXT NOT NULL, at TEXT NOT NULL
  );
  CREATE INDEX audit_entity ON audit (entityType, entityId, at);
  CREATE TABLE idempotency (id TEXT PRIMARY KEY, result TEXT NOT NULL, at TEXT NOT NULL);
  CREATE TABLE counters (id TEXT PRIMARY KEY, count INTEGER NOT NULL, expiresAt TEXT NOT NULL);
  `,
  // 2: reception days — stations' map point and notes, days, slots, deputies' assignments, bookings, visits.
  `
  ALTER TABLE stations ADD COLUMN latitude REAL;
  ALTER TABLE stations ADD COLUMN longitude REAL;
  ALTER TABLE stations ADD COLUMN openingNotes TEXT NOT NULL DEFAULT '';
  CREATE TABLE receptionDays (
    id TEXT PRIMARY KEY, stationId TEXT NOT NULL, countyId TEXT NOT NULL, townshipId TEXT NOT NULL,
    date TEXT NOT NULL, startsAt TEXT NOT NULL, endsAt TEXT NOT NULL, theme TEXT NOT NULL,
    slotMinutes INTEGER NOT NULL, bookingCutoff TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft','published','cancelled')), publishedAt TEXT,
    remindersSentAt TEXT, noShowsMarkedAt TEXT, createdBy TEXT NOT NULL, createdAt TEXT NOT NULL
  );
  CREATE INDEX receptionDays_date ON receptionDays (status, date, id);
  CREATE INDEX receptionDays_township ON receptionDays (townshipId, date, id);
  CREATE TABLE slots (
    id TEXT PRIMARY KEY, dayId TEXT NOT NULL, startsAt TEXT NOT NULL, endsAt TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0), booked INTEGER NOT NULL CHECK (booked >= 0),
    waitlist TEXT NOT NULL,
    CHECK (booked <= capacity)
  );
  CREATE INDEX slots_day ON slots (dayId, startsAt, id);
  CREATE TABLE assignments (
    id TEXT PRIMARY KEY, dayId TEXT NOT NULL, deputyId TEXT NOT NULL, date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('invited','confirmed','declined')), reason TEXT, respondedAt TEXT,
    attendedAt TEXT, createdAt TEXT NOT NULL
  );
  CREATE INDEX assignments_day ON assignments (dayId, id);
  CREATE INDEX assignments_deputy ON assignments (deputyId, date, id);
  CREATE TABLE bookings (
    id TEXT PRIMARY KEY, dayId TEXT NOT NULL, slotId TEXT, voterUserId TEXT, visitorName TEXT NOT NULL,
    topic TEXT NOT NULL, code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed','waitlisted','cancelled','checkedIn','noShow')),
    walkIn INTEGER NOT NULL, createdAt TEXT NOT NULL, checkedInAt TEXT, cancelledAt TEXT,
    UNIQUE (dayId, code)
  );
  CREATE INDEX bookings_day ON bookings (dayId, createdAt, id);
  CREATE INDEX bookings_voter ON bookings (voterUserId, createdAt, id);
  CREATE TABLE visits (
    id TEXT PRIMARY KEY, dayId TEXT NOT NULL, bookingId TEXT, deputyId TEXT NOT NULL, visitorName TEXT NOT NULL,
    raised TEXT NOT NULL, promised TEXT NOT NULL, recordedBy TEXT NOT NULL, createdAt TEXT NOT NULL
  );
  CREATE INDEX visits_day ON visits (dayId, createdAt, id);
  CREATE INDEX visits_deputy ON visits (deputyId, createdAt, id);
  CREATE TABLE claims (id TEXT PRIMARY KEY, refId TEXT NOT NULL, at TEXT NOT NULL);
  `,
];

/** Columns that SQLite stores as 0/1 and JSON text, per table; everything else maps as-is. */
export const CODECS: Partial<Record<CollectionName, { bool?: string[]; json?: string[] }>> = {
  threads: { bool: ['voterVerified', 'held', 'unreadByDeputy', 'unreadByVoter'] },
  audit: { json: ['detail'] },
  idempotency: { json: ['result'] },
  slots: { json: ['waitlist'] },
  bookings: { bool: ['walkIn'] },
};
