import Taro from '@tarojs/taro';
import { networkError } from './errors';
import type { Envelope, Transport } from './types';

/** WeChat: each function is a CloudBase cloud function; identity (OPENID) travels by itself. */
export const transport: Transport = async (fn, body) => {
  let result: unknown;
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: body as unknown as Record<string, unknown> });
    result = res.result;
  } catch {
    throw networkError();
  }
  return result as Envelope;
};
