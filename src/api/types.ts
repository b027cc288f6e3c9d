import type { ErrorBody } from '../../cloudfunctions/core/contracts/envelope';

/** What every function answers. */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** What the client sends to every function. */
export interface RequestBody {
  action: string;
  data: unknown;
  requestId?: string;
  /**
   * Open data (开放数据) beside the action: on WeChat `wx.cloud.CloudID(…)` of the chat a card was opened in,
   * which the platform decrypts (only top-level fields are); on the local host a demo parameter `{ demo }`.
   */
  chat?: unknown;
}

/** The transport of one platform: send one request to one function, get its envelope back. */
export type Transport = (fn: string, body: RequestBody) => Promise<Envelope>;
