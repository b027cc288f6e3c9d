/**
 * The host's files at rest and its modes (issue 7, items 8 and 10): the database and its WAL are for this
 * user only, like secrets.json; a real deployment refuses to start without HTTPS in front of it; the
 * command line bootstraps a county from nothing (regions, then the first county-office invitation).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from '../../cloudfunctions/host/config';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { createHost } from '../../cloudfunctions/host/server';
import { seedDemo } from '../../cloudfunctions/modules/registry';

const mode = (p: string) => statSync(p).mode & 0o777;
const fresh = () => mkdtempSync(join(tmpdir(), 'dl-config-'));

describe('files at rest (item 10)', () => {
  it('creates the database and its WAL readable by this user only', async () => {
    const dir = fresh();
    const dbPath = join(dir, 'deputylink.db');
    const ports = createLocalPorts({
      dbPath,
      filesDir: join(dir, 'files'),
      publicUrl: 'http://x',
      idHashSecret: 's',
    });
    await seedDemo(ports);
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    expect(mode(dbPath)).toBe(0o600);
    expect(mode(`${dbPath}-wal`)).toBe(0o600);
    expect(mode(`${dbPath}-shm`)).toBe(0o600);
    await ports.files.put('cards/x.png', Buffer.from('png'), 'image/png');
    expect(mode(join(dir, 'files', 'cards', 'x.png'))).toBe(0o600);
    ports.store.close();
  });

  it('tightens a database an older host left world-readable', () => {
    const dir = fresh();
    const dbPath = join(dir, 'old.db');
    new Database(dbPath).close();
    chmodSync(dbPath, 0o644);
    const ports = createLocalPorts({
      dbPath,
      filesDir: join(dir, 'files'),
      publicUrl: 'http://x',
      idHashSecret: 's',
    });
    expect(mode(dbPath)).toBe(0o600);
    ports.store.close();
  });

  it('keeps its secrets and data folder to this user', () => {
    const dir = join(fresh(), 'data');
    const c = loadConfig({ DATA_DIR: dir });
    expect(mode(join(c.dataDir, 'secrets.json'))).toBe(0o600);
    expect(mode(c.dataDir)).toBe(0o700);
  });
});

describe('modes (item 8)', () => {
  it('demo mode is the default; production mode needs HTTPS in front and listens on loopback', () => {
    expect(loadConfig({ DATA_DIR: fresh() })).toMatchObject({ demo: true, bind: undefined });
    expect(() => loadConfig({ DATA_DIR: fresh(), DEMO: '0', PUBLIC_URL: 'http://county.example' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ DATA_DIR: fresh(), DEMO: 'no' })).toThrow(ConfigError);
    expect(loadConfig({ DATA_DIR: fresh(), DEMO: '0', PUBLIC_URL: 'https://county.example' })).toMatchObject({
      demo: false,
      bind: '127.0.0.1',
    });
    // Trying it on this machine.
    expect(loadConfig({ DATA_DIR: fresh(), DEMO: '0' }).demo).toBe(false);
  });

  it('bootstraps a county from the command line: regions, the first county-office invitation, then sign-in', async () => {
    const dataDir = fresh();
    const env = { ...process.env, DATA_DIR: dataDir, DEMO: '0', PUBLIC_URL: 'https://county.example' };
    const host = (...args: string[]) =>
      spawnSync('npx', ['tsx', 'cloudfunctions/host/main.ts', ...args], { env, encoding: 'utf8' });
    const example = join(__dirname, '../../cloudfunctions/host/regions.example.json');

    const noRegions = host('--invite-county', 'county-ex');
    expect(noRegions.status).not.toBe(0);
    expect(noRegions.stderr).toContain('--load-regions');

    const bad = join(dataDir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ regions: [{ id: 'tw', kind: 'township', name: '镇', parentId: 'none' }] }),
    );
    const refused = host('--load-regions', bad);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('nothing changed');

    const loaded = host('--load-regions', example);
    expect(loaded.status).toBe(0);
    expect(loaded.stdout).toContain('4 个地区、1 个联络站');

    const invited = host('--invite-county', 'county-ex');
    expect(invited.status).toBe(0);
    const code = /([A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5})/.exec(invited.stdout)?.[1];
    expect(code).toBeDefined();

    const c = loadConfig(env);
    const ports = createLocalPorts({
      dbPath: c.dbPath,
      filesDir: c.filesDir,
      publicUrl: c.publicUrl,
      idHashSecret: c.idHashSecret,
    });
    const server = createHost({ ports, ...c });
    const user = await server.accounts.redeem({ code, login: 'county.admin', password: 'first pass 1' });
    const grants = ports.store.db
      .prepare('SELECT role, scopeId FROM roleGrants WHERE userId = ?')
      .all(user.id);
    expect(grants).toEqual([{ role: 'countyOffice', scopeId: 'county-ex' }]);
    ports.store.close();

    // A data folder holding the demo county does not start in production mode.
    const demoDir = fresh();
    const demoPorts = createLocalPorts({
      dbPath: join(demoDir, 'deputylink.db'),
      filesDir: join(demoDir, 'files'),
      publicUrl: 'http://x',
      idHashSecret: 's',
    });
    await seedDemo(demoPorts);
    demoPorts.store.close();
    const mixed = spawnSync('npx', ['tsx', 'cloudfunctions/host/main.ts'], {
      env: { ...env, DATA_DIR: demoDir, PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(mixed.status).not.toBe(0);
    expect(mixed.stderr).toContain('demo county');
  });
});
