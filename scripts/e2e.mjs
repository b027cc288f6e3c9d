// `npm run test:e2e`: build the H5 app, start the local host on a fresh database, run the browser tests against it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildH5, staleBecause } from './h5-build.mjs';

const port = process.env.E2E_PORT ?? '8181';
const base = `http://localhost:${port}`;
const reason = process.env.CI ? 'CI builds afresh' : staleBecause();
if (reason) await buildH5(reason);
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
