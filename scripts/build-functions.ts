/**
 * Bundles each deployable cloud function of the registry with esbuild into a folder
 * dist/cloudfunctions/<name>/ holding index.js, a package.json that needs only wx-server-sdk, and a
 * config.json with the openapi permissions it calls (and the timer trigger for `jobs`).
 * Each function's entry is written here from the registry: a module's function mounts that module only.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEPLOYABLE, MODULES, moduleNamed } from '../cloudfunctions/modules/registry';

export const OUT = 'dist/cloudfunctions';

/**
 * zod's namespace export `z.locales` drags every language's messages into the bundle; we configure
 * zh-CN ourselves (contracts/common.ts) and never read `z.locales`, so the aggregate becomes empty.
 */
export const onlyOurLocale: Plugin = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: 'zod-locales', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const has = (module: string, file: string) => existsSync(`cloudfunctions/modules/${module}/${file}.ts`);

/**
 * The WeChat entry of one function: its module's actions; for `jobs`, every module's timer steps (its
 * jobs.ts, `JOBS`) and notification kinds and activity types (its kinds.ts) — without the handlers.
 */
export function entryOf(name: string): string {
  if (name !== 'jobs') {
    const qr = moduleNamed(name)?.rendersQr;
    return [
      `import { ${name} } from './modules/${name}';`,
      `import { wechatMain } from './entry/wechat';`,
      ...(qr ? [`import { qrDataUrl } from './adapters/local/qr';`] : []),
      `export const main = wechatMain(${name}${qr ? ', qrDataUrl' : ''});`,
    ].join('\n');
  }
  const lines = [`import { wechatJobs } from './entry/wechat';`];
  const served: string[] = [];
  const steps: string[] = [];
  MODULES.forEach((m, i) => {
    if (has(m.name, 'kinds')) {
      lines.push(`import * as kinds${i} from './modules/${m.name}/kinds';`);
      served.push(`{ notifications: kinds${i}.NOTIFICATIONS, activities: kinds${i}.ACTIVITIES }`);
    }
    if (has(m.name, 'jobs')) {
      lines.push(`import { JOBS as jobs${i} } from './modules/${m.name}/jobs';`);
      steps.push(`...jobs${i}`);
    }
  });
  lines.push(`export const main = wechatJobs([${served.join(', ')}], [${steps.join(', ')}]);`);
  return lines.join('\n');
}

export async function buildFunctions(): Promise<Record<string, number>> {
  rmSync(OUT, { recursive: true, force: true });
  const sizes: Record<string, number> = {};
  for (const [name, cfg] of Object.entries(DEPLOYABLE)) {
    const dir = join(OUT, name);
    mkdirSync(dir, { recursive: true });
    await build({
      stdin: { contents: entryOf(name), resolveDir: resolve('cloudfunctions'), loader: 'ts' },
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
