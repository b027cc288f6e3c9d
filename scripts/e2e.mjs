// `npm run test:e2e`: build the H5 app, start the local host on a fresh database, run the browser tests against it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.env.E2E_PORT ?? '8181';
const base = `http://localhost:${port}`;
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (process.env.CI || !existsSync('dist/h5/index.html')) {
  run('npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' });
}
const dataDir = mkdtempSync(join(tmpdir(), 'deputylink-e2e-'));
const host = spawn('npx', ['tsx', 'cloudfunctions/host/main.ts'], {
  env: { ...process.env, PORT: port, DATA_DIR: dataDir, PUBLIC_URL: base },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-host.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stop);

let ready = false;
for (let i = 0; i < 120 && !ready; i++) {
  await new Promise((r) => setTimeout(r, 500));
  ready = await fetch(`${base}/api/session/personas`).then(
    (r) => r.ok,
    () => false,
  );
}
if (!ready) {
  console.error('the local host did not start');
  process.exit(1);
}
const files = readdirSync('tests/e2e').filter((f) => f.endsWith('.e2e.ts'));
let failed = 0;
for (const f of files) {
  console.log(`\n▶ ${f}`);
  const r = spawnSync('npx', ['tsx', join('tests/e2e', f)], {
    stdio: 'inherit',
    env: { ...process.env, BASE_URL: base },
  });
  if (r.status !== 0) failed++;
}
console.log(`\n${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
