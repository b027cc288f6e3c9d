// `npm test`: type check, lint, format check, build what the tests run (weapp build, function bundles), then jest.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Runs one step; `quiet` keeps its output (a build's progress bars) out of the log unless it fails. */
const step = (title, cmd, args, env = {}, quiet = false) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, {
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
};

/** Newest modification time under a folder. */
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

step('tsc --noEmit', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('eslint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('prettier --check', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);

// The mini-program tests run the real weapp build: rebuild when what goes into it (the app, its config, the
// backend's client-safe files it imports) is newer.
const SOURCES = ['src', 'config', 'cloudfunctions/core', 'cloudfunctions/modules'];
const stale =
  process.env.CI ||
  !existsSync('dist/weapp/app.js') ||
  Math.max(...SOURCES.map(newest)) > statSync('dist/weapp/app.js').mtimeMs;
if (stale)
  step(
    'taro build --type weapp',
    'npx',
    ['taro', 'build', '--type', 'weapp'],
    { NODE_ENV: 'production' },
    true,
  );
step('build cloud functions', 'npx', ['tsx', 'scripts/build-functions.ts']);
step('jest', 'npx', ['jest', '--ci', ...process.argv.slice(2)]);
