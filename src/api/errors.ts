import type { ErrorBody } from '../../cloudfunctions/core/contracts/envelope';

/** The server's codes, plus NETWORK for a request that never got an answer. */
export type ApiErrorCode = ErrorBody['code'] | 'NETWORK';

export const NETWORK_MESSAGE = '网络不给力，请稍后重试';

/** A refused or failed call. `message` is Chinese and fit to show the user. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: Record<string, string>;

  constructor(code: ApiErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields ?? {};
  }
}

export const networkError = () => new ApiError('NETWORK', NETWORK_MESSAGE);

/** Turns anything thrown into an ApiError (unknown failures become INTERNAL). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const o = e as { code: unknown; message: unknown; fields?: unknown };
    if (typeof o.code === 'string' && typeof o.message === 'string') {
      return new ApiError(o.code as ApiErrorCode, o.message, o.fields as Record<string, string> | undefined);
    }
  }
  return new ApiError('INTERNAL', '服务暂时不可用，请稍后重试');
}
