/**
 * The deployable bundles themselves (dist/cloudfunctions, built by `npm test` before jest), one per
 * function of the registry: each loads with nothing but wx-server-sdk beside it, declares exactly the open
 * APIs its code calls, and answers a bad request with an envelope, not a crash.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import type { OpenApi } from '../../cloudfunctions/core/module';
import {
  DEPLOYABLE,
  FUNCTION_MODULES,
  JOBS_TRIGGER,
  MODULES,
  moduleNamed,
} from '../../cloudfunctions/modules/registry';

const OUT = join(__dirname, '../../dist/cloudfunctions');
const MODULES_DIR = join(__dirname, '../../cloudfunctions/modules');

const fakeSdk = {
  DYNAMIC_CURRENT_ENV: 'env',
  init: () => undefined,
  getWXContext: () => ({}),
  database: () => ({}),
  openapi: {},
};

/** How module code reaches each open API: through the ports that wrap it. */
const CALLS: Record<OpenApi, RegExp> = {
  'security.msgSecCheck': /\bcontent\.text\(/,
  'security.mediaCheckAsync': /\bmedia\.check\(|\bcheckImages\(/,
  'wxacode.getUnlimited': /\bcodes\.image\(/,
  'subscribeMessage.send': /\bnotifier\.deliver\(/,
  'cloudbase.getOpenData': /\bopenData\.chat\(/,
};

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
/** The open APIs the given files call. */
const called = (files: string[]) => {
  const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  return (Object.keys(CALLS) as OpenApi[]).filter((api) => CALLS[api].test(text)).sort();
};

beforeAll(() => {
  if (!existsSync(OUT))
    throw new Error('dist/cloudfunctions is missing: run `npm run build:functions` (npm test does)');
  process.env.ID_HASH_SECRET = 'bundle-test';
  const load = (Module as unknown as { _load: (r: string, ...a: unknown[]) => unknown })._load;
  jest.spyOn(Module as unknown as { _load: typeof load }, '_load').mockImplementation(function (
    this: unknown,
    request: string,
    ...rest: unknown[]
  ) {
    return request === 'wx-server-sdk' ? fakeSdk : load.call(this, request, ...rest);
  });
});

it('builds exactly the registry’s functions: one per module with actions, and jobs', () => {
  expect(readdirSync(OUT).sort()).toEqual(Object.keys(DEPLOYABLE).sort());
  expect(Object.keys(DEPLOYABLE).sort()).toEqual([...FUNCTION_MODULES.map((m) => m.name), 'jobs'].sort());
});

it.each(Object.keys(DEPLOYABLE))(
  '%s is a deployable folder: index.js, package.json naming only wx-server-sdk, config.json from the registry',
  (name) => {
    const pkg = JSON.parse(readFileSync(join(OUT, name, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk']);
    const config = JSON.parse(readFileSync(join(OUT, name, 'config.json'), 'utf8'));
    expect(config.permissions.openapi).toEqual(DEPLOYABLE[name].openapi);
    expect(config.triggers).toEqual(name === 'jobs' ? [JOBS_TRIGGER] : undefined);
  },
);

it.each(FUNCTION_MODULES.map((m) => m.name))('%s declares exactly the open APIs its module calls', (name) => {
  expect([...DEPLOYABLE[name].openapi].sort()).toEqual(called(sources(join(MODULES_DIR, name))));
});

it.each(FUNCTION_MODULES.map((m) => m.name))(
  '%s bundles the QR library exactly when its code renders QR images',
  (name) => {
    const renders = sources(join(MODULES_DIR, name)).some((f) =>
      /\bcodes\.qr\(/.test(readFileSync(f, 'utf8')),
    );
    expect(!!moduleNamed(name)!.rendersQr).toBe(renders);
    expect(readFileSync(join(OUT, name, 'index.js'), 'utf8').includes('toDataURL')).toBe(renders);
  },
);

it('jobs declares exactly the open APIs the timer steps call', () => {
  const files = MODULES.map((m) => join(MODULES_DIR, m.name, 'jobs.ts')).filter(existsSync);
  expect([...DEPLOYABLE.jobs.openapi].sort()).toEqual(called(files));
});

it.each(FUNCTION_MODULES.map((m) => [m.name, Object.keys(m.contracts)[0]]))(
  '%s answers bad input with INVALID_INPUT in Chinese',
  async (name, action) => {
    const fn = require(join(OUT, name, 'index.js'));
    for (const request of [{ action: 'nope' }, { action, data: 5 }, 'not an envelope']) {
      expect(await fn.main(request)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
      });
    }
  },
);
