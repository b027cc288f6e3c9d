/**
 * The one way into a function, shared by the WeChat entry points and the local host:
 * envelope in, envelope out. Bad input never becomes INTERNAL, and a refused request writes nothing.
 */
import type { z } from 'zod';
import { contracts, type FunctionName } from './contracts';
import { Request, type Envelope } from './contracts/envelope';
import { makeGeo, type Caller, type Ctx, type Geo } from './context';
import { AppError } from './errors';
import type { Handlers } from './handlers';
import type { Ports } from './ports';

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (!fields[key]) fields[key] = issue.message;
  }
  return fields;
}

/** Regions and stations change rarely; each process keeps them for a minute. */
const GEO_TTL_MS = 60_000;
const geoCache = new WeakMap<Ports['store'], { at: number; geo: Geo }>();
export async function loadGeo(ports: Ports): Promise<Geo> {
  const hit = geoCache.get(ports.store);
  const now = Date.now();
  if (hit && now - hit.at < GEO_TTL_MS) return hit.geo;
  const [regions, stations] = await Promise.all([ports.store.regions(), ports.store.stations()]);
  const geo = makeGeo(regions, stations);
  geoCache.set(ports.store, { at: now, geo });
  return geo;
}
/** After seeding or editing regions. */
export const forgetGeo = (ports: Ports) => geoCache.delete(ports.store);

export async function dispatch<F extends FunctionName>(
  fn: F,
  handlers: Handlers<F>,
  request: unknown,
  caller: Caller | null,
  ports: Ports,
): Promise<Envelope<unknown>> {
  try {
    const req = Request.safeParse(request);
    if (!req.success) throw new AppError('INVALID_INPUT', '请求格式不正确', fieldsOf(req.error));
    const { action, requestId } = req.data;
    const table = contracts[fn] as Record<string, { input: z.ZodType }>;
    const handler = (handlers as Record<string, (ctx: Ctx, input: unknown) => Promise<unknown>>)[action];
    if (!Object.hasOwn(table, action) || !handler)
      throw new AppError('INVALID_INPUT', `未知操作：${fn}.${action}`);
    const input = table[action].input.safeParse(req.data.data ?? {});
    if (!input.success) {
      const fields = fieldsOf(input.error);
      throw new AppError('INVALID_INPUT', Object.values(fields)[0] ?? '输入有误', fields);
    }
    const ctx: Ctx = {
      ports,
      caller,
      action: `${fn}.${action}`,
      requestId,
      now: ports.clock.now(),
      geo: await loadGeo(ports),
    };
    return { ok: true, data: await handler(ctx, input.data) };
  } catch (e) {
    if (e instanceof AppError)
      return { ok: false, error: { code: e.code, message: e.message, fields: e.fields } };
    console.error(`[${fn}] internal error`, e);
    return { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } };
  }
}
