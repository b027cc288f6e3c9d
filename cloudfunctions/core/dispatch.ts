/**
 * The one way into a module, shared by the WeChat entry points and the local host:
 * envelope in, envelope out. Bad input never becomes INTERNAL, and a refused request writes nothing.
 */
import type { z } from 'zod';
import { Request, type Envelope } from './contracts/envelope';
import type { Caller, Ctx, Geo } from './context';
import { AppError } from './errors';
import type { AnyModule } from './module';
import type { Ports } from './ports';

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (!fields[key]) fields[key] = issue.message;
  }
  return fields;
}

export async function dispatch(
  module: AnyModule,
  request: unknown,
  who: { caller: Caller | null; geo: () => Promise<Geo> },
  ports: Ports,
): Promise<Envelope<unknown>> {
  try {
    const req = Request.safeParse(request);
    if (!req.success) throw new AppError('INVALID_INPUT', '请求格式不正确', fieldsOf(req.error));
    const { action, requestId } = req.data;
    if (!Object.hasOwn(module.contracts, action))
      throw new AppError('INVALID_INPUT', `未知操作：${module.name}.${action}`);
    const input = module.contracts[action].input.safeParse(req.data.data ?? {});
    if (!input.success) {
      const fields = fieldsOf(input.error);
      throw new AppError('INVALID_INPUT', Object.values(fields)[0] ?? '输入有误', fields);
    }
    const ctx: Ctx = {
      ports,
      caller: who.caller,
      action: `${module.name}.${action}`,
      rule: module.policy[action],
      requestId,
      now: ports.clock.now(),
      geo: await who.geo(),
      openData: req.data.chat === undefined ? {} : { chat: req.data.chat },
    };
    return { ok: true, data: await module.handlers[action](ctx, input.data) };
  } catch (e) {
    if (e instanceof AppError)
      return { ok: false, error: { code: e.code, message: e.message, fields: e.fields } };
    console.error(`[${module.name}] internal error`, e);
    return { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } };
  }
}
