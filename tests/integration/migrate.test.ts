/**
 * A database made by the last release before the capability modules (tests/fixtures/db-before-modules.sql,
 * dumped from that code's demo county after a few sends, a reply and a booking) upgrades in place: its
 * tables are adopted by the modules' first migrations, the schema ends up exactly as a fresh one, and
 * everything in it reads and works as before.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { manualClock } from '../../cloudfunctions/adapters/local';
import { nameKey } from '../../cloudfunctions/core/nameKey';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { STORAGES, moduleNamed } from '../../cloudfunctions/modules/registry';
import { ensureUser, loadCaller, serve } from '../../cloudfunctions/modules/shared/public';

const FIXTURE = join(__dirname, '../fixtures/db-before-modules.sql');

function legacyDatabase(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dl-legacy-')), 'deputylink.db');
  const db = new Database(path);
  db.exec(readFileSync(FIXTURE, 'utf8'));
  db.close();
  return path;
}

/** Tables, their columns (name, type, not null, default, key) and indexes, as SQLite describes them. */
function schemaOf(db: Database.Database) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      {
        columns: db.pragma(`table_info(${name})`),
        indexes: (db.pragma(`index_list(${name})`) as { name: string; unique: number }[])
          .map((i) => ({ ...i, columns: db.pragma(`index_info(${i.name})`) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      },
    ]),
  );
}

const open = (dbPath: string) =>
  createLocalPorts({
    dbPath,
    filesDir: mkdtempSync(join(tmpdir(), 'dl-legacy-files-')),
    publicUrl: 'http://localhost:8080',
    idHashSecret: 'legacy-secret',
    clock: manualClock('2026-11-21T02:00:00Z'),
  });

async function call(ports: ReturnType<typeof open>, openid: string, fn: string, action: string, data = {}) {
  const caller = await loadCaller(ports, await ensureUser(ports, openid));
  return serve(moduleNamed(fn)!, { action, data, requestId: `legacy-${action}-0001` }, caller, ports);
}

it('adopts the old tables: the ledger marks each module’s first migration, the schema equals a fresh one', () => {
  const path = legacyDatabase();
  const before = new Database(path);
  expect(before.pragma('user_version', { simple: true })).toBe(2);
  const rowsBefore = (before.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
  before.close();

  const ports = open(path);
  const ledger = ports.store.db.prepare('SELECT module, version FROM migrations ORDER BY module').all();
  expect(ledger).toEqual(
    STORAGES.map((s) => ({ module: s.name, version: s.sqlite.migrations.length })).sort((a, b) =>
      a.module.localeCompare(b.module),
    ),
  );
  const fresh = open(':memory:');
  const { migrations: _legacyLedger, ...upgraded } = schemaOf(ports.store.db);
  const { migrations: _freshLedger, ...made } = schemaOf(fresh.store.db);
  expect(upgraded).toEqual(made);
  expect((ports.store.db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n).toBe(
    rowsBefore,
  );
  ports.store.close();
  fresh.store.close();

  // Opening again runs nothing more.
  const again = open(path);
  expect(again.store.db.prepare('SELECT module, version FROM migrations ORDER BY module').all()).toEqual(
    ledger,
  );
  again.store.close();
});

it('what the old release stored reads and works: threads, held messages, bookings, verification', async () => {
  const ports = open(legacyDatabase());
  const threads = await call(ports, 'demo:voter', 'contact', 'myThreads');
  expect(threads).toMatchObject({ ok: true });
  const texts = (threads as { data: { items: { lastText: string }[] } }).data.items.map((t) => t.lastText);
  expect(texts).toContain('老版本留下的留言');
  const held = await call(ports, 'demo:township', 'contact', 'held');
  expect((held as { data: { items: { text: string }[] } }).data.items.map((m) => m.text)).toEqual([
    '明天去上访',
  ]);
  const bookings = await call(ports, 'demo:voter', 'reception', 'myBookings');
  expect((bookings as { data: { items: { topic: string }[] } }).data.items.map((b) => b.topic)).toContain(
    '老版本的预约',
  );
  const me = await call(ports, 'demo:voter', 'account', 'me');
  expect(me).toMatchObject({ ok: true, data: { verification: { state: 'verified' } } });
  // And new work lands next to the old.
  const sent = await call(ports, 'demo:voter', 'contact', 'send', {
    deputyId: 'dep-01',
    text: '升级后的留言',
  });
  expect(sent).toMatchObject({ ok: true, data: { status: 'visible' } });
  ports.store.close();
});

it('gives the register entries and deputies already stored their pinyin sort keys, and lists them by it', async () => {
  const ports = open(legacyDatabase());
  const { db } = ports.store;
  for (const table of ['registerEntries', 'deputies']) {
    const rows = db.prepare(`SELECT name, nameKey FROM ${table}`).all() as {
      name: string;
      nameKey: string;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.nameKey).toBe(nameKey(r.name));
  }
  const listed = await call(ports, 'demo:voter', 'contact', 'deputies', { townshipId: 'tw-qs' });
  const names = (listed as { data: { items: { name: string }[] } }).data.items.map((d) => d.name);
  expect(names).toEqual([...names].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1)));
  ports.store.close();
});

it('refuses to open a database older than it can adopt, and leaves it untouched', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'dl-old-')), 'old.db');
  const db = new Database(path);
  db.exec('CREATE TABLE regions (id TEXT PRIMARY KEY); PRAGMA user_version = 1;');
  db.close();
  expect(() => open(path)).toThrow(/too old/);
  const after = new Database(path);
  expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([
    { name: 'regions' },
  ]);
  after.close();
});
