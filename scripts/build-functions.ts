/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) with esbuild into a deployable folder
 * dist/cloudfunctions/<name>/ holding index.js, a package.json that needs only wx-server-sdk, and a
 * config.json with the openapi permissions it calls (and the timer trigger for `jobs`).
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FUNCTIONS: Record<string, { openapi: string[]; triggers?: unknown[] }> = {
  account: { openapi: ['subscribeMessage.send'] },
  contact: { openapi: ['security.msgSecCheck', 'wxacode.getUnlimited', 'subscribeMessage.send'] },
  reception: { openapi: ['security.msgSecCheck', 'subscribeMessage.send'] },
  jobs: {
    openapi: ['subscribeMessage.send'],
    // 7-field cron, UTC+8: every minute.
    triggers: [{ name: 'everyMinute', type: 'timer', config: '0 * * * * * *' }],
  },
};

export const OUT = 'dist/cloudfunctions';

/**
 * zod's namespace export `z.locales` drags every language's messages into the bundle; we configure
 * zh-CN ourselves (contracts/common.ts) and never read `z.locales`, so the aggregate becomes empty.
 */
const onlyOurLocale: Plugin = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: 'zod-locales', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

export async function buildFunctions(): Promise<Record<string, number>> {
  rmSync(OUT, { recursive: true, force: true });
  const sizes: Record<string, number> = {};
  for (const [name, cfg] of Object.entries(FUNCTIONS)) {
    const dir = join(OUT, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [`cloudfunctions/${name}/index.ts`],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      minify: true,
      legalComments: 'none',
      // unzipper (under read-excel-file) names the S3 client for a code path we never call.
      external: ['wx-server-sdk', '@aws-sdk/client-s3'],
      logLevel: 'warning',
      plugins: [onlyOurLocale],
    });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        { name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': '~4.0.2' } },
        null,
        2,
      ),
    );
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify(
        { permissions: { openapi: cfg.openapi }, ...(cfg.triggers ? { triggers: cfg.triggers } : {}) },
        null,
        2,
      ),
    );
    sizes[name] = statSync(join(dir, 'index.js')).size;
  }
  return sizes;
}

if (require.main === module) {
  buildFunctions().then(
    (sizes) => {
      for (const [n, s] of Object.entries(sizes))
        console.log(`  ${OUT}/${n}/index.js  ${(s / 1024).toFixed(1)} KB`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
