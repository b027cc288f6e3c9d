/**
 * Migrations with a ledger per module: `migrations` holds how many of each module's migrations ran, so
 * modules evolve their own tables independently and a new module starts at its first.
 */
import type Database from 'better-sqlite3';

/**
 * A migration: SQL, or a function given the database for what SQL cannot compute (a sort key from
 * JavaScript, say). Either runs inside the migration's transaction, with its ledger entry.
 */
export type Migration = string | ((db: Database.Database) => void);

export interface MigrationSet {
  name: string;
  migrations: readonly Migration[];
}

/**
 * Databases made before the modules (one list of migrations counted by PRAGMA user_version): at version 2
 * they hold exactly the tables of these modules' first migrations, so those count as done.
 */
const BEFORE_MODULES: Record<number, Record<string, number>> = {
  2: { shared: 1, account: 1, contact: 1, reception: 1 },
};

export function migrate(db: Database.Database, sets: readonly MigrationSet[]): void {
  db.transaction(() => {
    const hasLedger = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'")
      .get();
    if (!hasLedger) {
      db.exec('CREATE TABLE migrations (module TEXT PRIMARY KEY, version INTEGER NOT NULL)');
      const legacy = db.pragma('user_version', { simple: true }) as number;
      if (legacy > 0) {
        const adopted = BEFORE_MODULES[legacy];
        if (!adopted) throw new Error(`database schema version ${legacy} is too old to upgrade`);
        const mark = db.prepare('INSERT INTO migrations (module, version) VALUES (?, ?)');
        for (const [module, version] of Object.entries(adopted)) mark.run(module, version);
      }
    }
  })();
  const done = db.prepare('SELECT version FROM migrations WHERE module = ?');
  const record = db.prepare(
    'INSERT INTO migrations (module, version) VALUES (?, ?) ON CONFLICT (module) DO UPDATE SET version = excluded.version',
  );
  for (const set of sets) {
    const from = (done.get(set.name) as { version: number } | undefined)?.version ?? 0;
    for (let i = from; i < set.migrations.length; i++) {
      db.transaction(() => {
        const m = set.migrations[i];
        if (typeof m === 'string') db.exec(m);
        else m(db);
        record.run(set.name, i + 1);
      })();
    }
  }
}
