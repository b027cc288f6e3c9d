/** `npm start` ends here: open the database (migrating it), seed the demo once, serve, run the timer. */
import { runJobs } from '../core/jobs';
import { DEMO_UNCLAIMED } from '../modules/account/public';
import { JOB_STEPS, seedDemo } from '../modules/registry';
import { isSeeded } from '../modules/shared/public';
import { loadConfig } from './config';
import { createLocalPorts } from './ports';
import { createHost } from './server';

async function main() {
  const config = loadConfig();
  const ports = createLocalPorts({
    dbPath: config.dbPath,
    filesDir: config.filesDir,
    publicUrl: config.publicUrl,
    idHashSecret: config.idHashSecret,
  });
  if (!(await isSeeded(ports))) {
    await seedDemo(ports);
    console.log('已创建演示数据（云岭县）: seeded the demo county');
  }
  const server = createHost({ ports, ...config });
  server.listen(config.port, () => {
    console.log(`\nDeputyLink 代表联络 (local host, ${config.demo ? 'DEMO mode' : 'no demo sign-in'})`);
    console.log(`  open   ${config.publicUrl}`);
    console.log(`  data   ${config.dbPath}`);
    console.log('  try    我的 → 切换演示身份 → 王小明 (verified voter) → 首页 → 李华 → 给代表留言');
    console.log('         then sign in as 李华 (deputy) → 代表工作台 → reply; back as 王小明 → 我的留言');
    console.log(`         as 新用户, verify with ${DEMO_UNCLAIMED.name} / ${DEMO_UNCLAIMED.idNumber}`);
    console.log(
      '         接待日: 王小明 has a booking today (我的 → 我的预约); as 赵站长 check its code in\n',
    );
  });
  // The jobs timer: reminders, no-shows and the outbox every minute (on WeChat, the `jobs` function's trigger).
  const timer = setInterval(
    () => void runJobs(ports, JOB_STEPS).catch((e) => console.error('[jobs]', e)),
    60_000,
  );
  const stop = () => {
    clearInterval(timer);
    server.close(() => {
      ports.store.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
