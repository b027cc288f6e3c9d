// The H5 build, for `npm start` and `npm run test:e2e`: rebuilt when it is missing or older than what goes
// into it (after a `git pull`, say), with Taro's own output kept out of the way — shown only when it fails.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the H5 app is built from: the app, its build config, the backend files it imports, the lock file. */
const SOURCES = ['src', 'config', 'cloudfunctions/core', 'cloudfunctions/modules', 'package-lock.json'];
const BUILT = 'dist/h5/index.html';

/** Newest modification time under a path. */
const newest = (p) => {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p, { withFileTypes: true }).reduce((m, e) => Math.max(m, newest(join(p, e.name))), 0);
};

/** Why the build must be made again, or null when dist/h5 is up to date. */
export function staleBecause() {
  if (!existsSync(BUILT)) return 'there is no H5 build yet';
  const built = statSync(BUILT).mtimeMs;
  const changed = SOURCES.find((p) => newest(p) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Builds dist/h5 (production); resolves when done, exits the process when the build fails. */
export function buildH5(reason) {
  const started = Date.now();
  console.log(`Building the H5 app (${reason})…`);
  return new Promise((resolve) => {
    const child = spawn('npx', ['taro', 'build', '--type', 'h5'], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = [];
    const keep = (d) => {
      log.push(d);
      if (log.length > 400) log.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => {
      if (code !== 0) {
        // Escape codes are for terminals; a log file gets plain text.
        const text = Buffer.concat(log).toString('utf8');
        const ESC = String.fromCharCode(27);
        process.stderr.write(
          process.stderr.isTTY
            ? text
            : text
                .split(ESC)
                .map((s, i) => (i ? s.replace(/^\[[0-9;]*m/, '') : s))
                .join(''),
        );
        console.error(`The H5 build failed (exit ${code}).`);
        process.exit(code ?? 1);
      }
      console.log(`Built dist/h5 in ${Math.round((Date.now() - started) / 1000)} s.`);
      resolve();
    });
  });
}
