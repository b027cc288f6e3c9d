/** Local host configuration, from the environment, with secrets kept in the data folder. */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface HostConfig {
  port: number;
  /** Address to listen on; undefined: every interface. */
  bind: string | undefined;
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
  chmodSync(file, 0o600);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A setting the host refuses to start with; the message says what to change. */
export class ConfigError extends Error {}

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

export function loadConfig(env: Record<string, string | undefined> = process.env): HostConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT=${env.PORT} is not a port`);
  if (env.DEMO !== undefined && env.DEMO !== '0' && env.DEMO !== '1')
    throw new ConfigError(`DEMO must be 1 (demo, the default) or 0 (a real deployment), not "${env.DEMO}"`);
  const demo = env.DEMO !== '0';
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  // Passwords and tokens never travel in clear text: a real deployment sits behind HTTPS.
  if (!demo && !publicUrl.startsWith('https://') && !LOOPBACK.test(publicUrl))
    throw new ConfigError(
      `DEMO=0 needs PUBLIC_URL to be the https:// address the reverse proxy serves (got ${publicUrl})`,
    );
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const s = secrets(dataDir);
  return {
    port,
    // Behind a reverse proxy on the same machine by default; the demo listens on every interface so a
    // phone on the same network can try it.
    bind: env.HOST || (demo ? undefined : '127.0.0.1'),
    dataDir,
    dbPath: resolve(env.DB_PATH ?? join(dataDir, 'deputylink.db')),
    filesDir: join(dataDir, 'files'),
    staticDir: resolve(env.STATIC_DIR ?? 'dist/h5'),
    publicUrl,
    demo,
    sessionSecret: env.SESSION_SECRET ?? s.sessionSecret,
    idHashSecret: env.ID_HASH_SECRET ?? s.idHashSecret,
  };
}
