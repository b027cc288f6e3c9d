/** Local host configuration, from the environment, with secrets kept in the data folder. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface HostConfig {
  port: number;
  dataDir: string;
  dbPath: string;
  filesDir: string;
  staticDir: string;
  publicUrl: string;
  demo: boolean;
  sessionSecret: string;
  idHashSecret: string;
}

/** Secrets are made once per data folder and kept there (mode 600), unless given in the environment. */
function secrets(dataDir: string): { sessionSecret: string; idHashSecret: string } {
  const file = join(dataDir, 'secrets.json');
  if (!existsSync(file)) {
    const fresh = {
      sessionSecret: randomBytes(32).toString('hex'),
      idHashSecret: randomBytes(32).toString('hex'),
    };
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  const port = Number(env.PORT ?? 8080);
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  mkdirSync(dataDir, { recursive: true });
  const s = secrets(dataDir);
  return {
    port,
    dataDir,
    dbPath: resolve(env.DB_PATH ?? join(dataDir, 'deputylink.db')),
    filesDir: join(dataDir, 'files'),
    staticDir: resolve(env.STATIC_DIR ?? 'dist/h5'),
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    demo: env.DEMO !== '0',
    sessionSecret: env.SESSION_SECRET ?? s.sessionSecret,
    idHashSecret: env.ID_HASH_SECRET ?? s.idHashSecret,
  };
}
