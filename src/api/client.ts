import Taro from '@tarojs/taro';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  FunctionName,
} from '../../cloudfunctions/modules/contracts';
import { transport } from './cloud';
import { ApiError, toApiError } from './errors';
import type { Envelope } from './types';

export interface CallOptions {
  /** Client-made id of a create: a retry with the same id returns the first result. */
  requestId?: string;
  /** Do not send the user to the sign-in page on UNAUTHENTICATED (H5). */
  quietAuth?: boolean;
  /** Open data for the envelope's top level (see RequestBody.chat). */
  openData?: { chat?: unknown };
}

/** A fresh id for one create (matches the envelope's /^[A-Za-z0-9_-]{8,64}$/). */
export function newRequestId(): string {
  const rand = () => Math.floor(Math.random() * 0x100000000).toString(36);
  return `r${Date.now().toString(36)}${rand()}${rand()}`.slice(0, 40);
}

function isEnvelope(v: unknown): v is Envelope {
  return Boolean(v) && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean';
}

let redirecting = false;

/** H5 only: a protected action without a (valid) demo session goes to the demo sign-in page. */
export function goSignIn(): void {
  if (process.env.TARO_ENV !== 'h5' || redirecting) return;
  // H5 runs with the browser router, so the address bar is the page path and query.
  const route = window.location.pathname;
  if (route.startsWith('/pages/login/')) return;
  const back = route && route !== '/' ? `${route}${window.location.search}` : '';
  redirecting = true;
  setTimeout(() => {
    redirecting = false;
  }, 1500);
  void Taro.navigateTo({
    url: `/pages/login/index${back ? `?redirect=${encodeURIComponent(back)}` : ''}`,
  });
}

/**
 * Calls one action of one function. Returns the action's data or throws an ApiError whose
 * message is Chinese and fit to show.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
  opts: CallOptions = {},
): Promise<ActionOutput<F, A>> {
  let env: Envelope;
  try {
    env = await transport(fn, {
      action,
      data: input,
      ...(opts.requestId ? { requestId: opts.requestId } : {}),
      ...(opts.openData?.chat !== undefined ? { chat: opts.openData.chat } : {}),
    });
  } catch (e) {
    throw toApiError(e);
  }
  if (!isEnvelope(env)) throw new ApiError('INTERNAL', '服务暂时不可用，请稍后重试');
  if (env.ok) return env.data as ActionOutput<F, A>;
  const err = new ApiError(env.error.code, env.error.message || '操作失败', env.error.fields);
  if (err.code === 'UNAUTHENTICATED' && !opts.quietAuth) goSignIn();
  throw err;
}
