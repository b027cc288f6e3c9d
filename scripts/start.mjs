// `npm start`: build the H5 app when it is missing or out of date, then run the local host (database, demo
// seed, API, static files). Arguments go to the host: `npm start -- --reset` starts the demo afresh.
import { spawnSync } from 'node:child_process';
import { buildH5, staleBecause } from './h5-build.mjs';

const reason = staleBecause();
if (reason) await buildH5(reason);
const r = spawnSync('npx', ['tsx', 'cloudfunctions/host/main.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
