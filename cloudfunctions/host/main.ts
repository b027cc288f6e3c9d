/**
 * `npm start` / `npm run host` end here: open the database (migrating it), seed the demo once (demo mode),
 * serve, run the timer. Commands for a real deployment (DEMO=0), each runs and exits:
 *   --load-regions <file.json>   load the county's region tree and stations (see host/regions.ts)
 *   --invite-county <countyId>   print an invitation code for the first county-office account
 *   --reset-password <login>     print a code that sets a new password for an account (ends its sessions)
 * and for the demo:
 *   --reset                      start again from a fresh demo county (deletes the database and stored files)
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors';
import { runJobs } from '../core/jobs';
import { when } from '../core/time';
import { DEMO_UNCLAIMED } from '../modules/account/public';
import { JOB_STEPS, seedDemo } from '../modules/registry';
import { COUNTY, isSeeded, sharedQueries } from '../modules/shared/public';
import { ConfigError, loadConfig } from './config';
import { createLocalPorts } from './ports';
import { loadRegions } from './regions';
import { createHost } from './server';

const USAGE = `usage: npm run host -- [--reset | --load-regions <file.json> | --invite-county <countyId> | --reset-password <login>]`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

async function main() {
  // Everything this process writes (database, its WAL, stored files) is for this user only.
  process.umask(0o077);
  const parse = () =>
    parseArgs({
      options: {
        reset: { type: 'boolean' },
        'load-regions': { type: 'string' },
        'invite-county': { type: 'string' },
        'reset-password': { type: 'string' },
      },
      strict: true,
    }).values;
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(`配置有误: ${e.message}`);
    throw e;
  }

  if (args.reset) {
    if (!config.demo) fail('--reset deletes the database: it exists for the demo only (DEMO=1).');
    for (const f of [config.dbPath, `${config.dbPath}-wal`, `${config.dbPath}-shm`])
      rmSync(f, { force: true });
    rmSync(config.filesDir, { recursive: true, force: true });
    console.log('演示数据已清空，将重新创建: the demo starts again from a fresh county');
  }

  const ports = createLocalPorts({
    dbPath: config.dbPath,
    filesDir: config.filesDir,
    publicUrl: config.publicUrl,
    idHashSecret: config.idHashSecret,
  });
  const server = createHost({ ports, ...config });
  const exit = (code = 0) => {
    ports.store.close();
    process.exit(code);
  };

  if (args['load-regions']) {
    const file = args['load-regions'];
    if (!existsSync(file)) fail(`no such file: ${file}`);
    try {
      const n = await loadRegions(ports, JSON.parse(readFileSync(file, 'utf8')));
      console.log(`已载入 ${n.regions} 个地区、${n.stations} 个联络站: loaded ${file}`);
      exit();
    } catch (e) {
      fail(`${file} was not loaded (nothing changed):\n${(e as Error).message}`);
    }
  }
  if (args['invite-county'] || args['reset-password']) {
    try {
      const inv = args['invite-county']
        ? await server.accounts.invite(
            {
              kind: 'account',
              role: 'countyOffice',
              scopeId: args['invite-county'],
              displayName: '县人大常委会',
            },
            'cli',
          )
        : await server.accounts.invite({ kind: 'reset', login: args['reset-password']! }, 'cli');
      console.log(
        args['invite-county']
          ? '县人大常委会账号邀请码 (county-office invitation):'
          : '重置密码邀请码 (password reset):',
      );
      console.log(`\n    ${inv.code}\n`);
      console.log(
        `single use, valid until ${when(inv.expiresAt)} (China time). Open ${config.publicUrl}/pages/login/index → 使用邀请码`,
      );
      exit();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const counties = (await sharedQueries(ports).regions()).filter((r) => r.kind === 'county');
      fail(
        `${e.message}` +
          (args['invite-county']
            ? `\ncounties in this database: ${counties.map((c) => `${c.id} (${c.name})`).join(', ') || 'none — load them first with --load-regions <file.json>'}`
            : ''),
      );
    }
  }

  const seeded = await isSeeded(ports);
  if (config.demo && !seeded) {
    await seedDemo(ports);
    console.log('已创建演示数据（云岭县）: seeded the demo county');
  }
  if (!config.demo && seeded)
    fail(
      `${config.dbPath} holds the demo county (${COUNTY.name}). A real deployment starts on its own data: set DATA_DIR to a new folder.`,
    );

  server.listen(config.port, config.bind, () => {
    if (config.demo) {
      console.log(`DeputyLink 代表联络 — local host, DEMO mode (fictional data, demo sign-in)`);
      console.log(`  open   ${config.publicUrl}`);
      console.log(`  data   ${config.dbPath}   (start again: npm start -- --reset)`);
      // What to try is for a person at a terminal; a log file gets only the facts above.
      if (process.stdout.isTTY) {
        console.log(
          '  try    我的 → 切换演示身份 → 王小明 → 首页 → 李华 → 给代表留言; as 李华 → 代表工作台 → reply',
        );
        console.log(`         as 新用户, verify with ${DEMO_UNCLAIMED.name} / ${DEMO_UNCLAIMED.idNumber}`);
        console.log(
          '         as 周干事 → 人大办工作台 → 实名认证冲突 (one is waiting); as 赵站长, check in today’s booking',
        );
      }
    } else {
      console.log(
        `DeputyLink 代表联络 — local host, production mode (invitations and passwords; no demo sign-in)`,
      );
      console.log(`  listen ${config.bind ?? '*'}:${config.port}, public address ${config.publicUrl}`);
      console.log(`  data   ${config.dbPath}`);
      void sharedQueries(ports)
        .regions()
        .then((regions) => {
          if (!regions.length)
            console.log('  next   load the region tree: npm run host -- --load-regions <file.json>');
          else if (!server.accounts.hasAccounts())
            console.log('  next   first county-office account: npm run host -- --invite-county <countyId>');
        });
    }
  });
  // The jobs timer: reminders, no-shows and the outbox every minute (on WeChat, the `jobs` function's
  // trigger); ended sessions are forgotten with it.
  const timer = setInterval(() => {
    void runJobs(ports, JOB_STEPS).catch((e) => console.error('[jobs]', e));
    void server.sessions.purge().catch((e) => console.error('[sessions]', e));
  }, 60_000);
  const stop = () => {
    clearInterval(timer);
    server.close(() => exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
