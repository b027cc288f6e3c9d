/**
 * The deployable bundles themselves (dist/cloudfunctions, built by `npm test` before jest): each loads with
 * nothing but wx-server-sdk beside it, and answers a bad request with an envelope, not a crash.
 */
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

const OUT = join(__dirname, '../../dist/cloudfunctions');
const FUNCTIONS = ['account', 'contact', 'reception', 'jobs'];

const fakeSdk = {
  DYNAMIC_CURRENT_ENV: 'env',
  init: () => undefined,
  getWXContext: () => ({}),
  database: () => ({}),
  openapi: {},
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

it.each(FUNCTIONS)(
  '%s is a deployable folder: index.js, package.json naming only wx-server-sdk, config.json',
  (name) => {
    const pkg = JSON.parse(readFileSync(join(OUT, name, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk']);
    const config = JSON.parse(readFileSync(join(OUT, name, 'config.json'), 'utf8'));
    expect(Array.isArray(config.permissions.openapi)).toBe(true);
    if (name === 'jobs') expect(config.triggers[0]).toMatchObject({ type: 'timer', config: '0 * * * * * *' });
  },
);

it.each(['account', 'contact', 'reception'])(
  '%s answers bad input with INVALID_INPUT in Chinese',
  async (name) => {
    const fn = require(join(OUT, name, 'index.js'));
    const r = await fn.main({ action: 'nope' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    });
    const typed = await fn.main({
      action: name === 'contact' ? 'send' : name === 'account' ? 'verify' : 'book',
      data: { text: 5, name: 5, topic: 5 },
    });
    expect(typed).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    });
  },
);
