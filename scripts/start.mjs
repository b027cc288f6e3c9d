// `npm start`: build the H5 app if it is missing, then run the local host (database, demo seed, API, static files).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync('dist/h5/index.html')) {
  console.log('Building the H5 app (first run only, about a minute)…');
  run('npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' });
}
run('npx', ['tsx', 'cloudfunctions/host/main.ts']);
