import type { ErrorBody } from '../../cloudfunctions/core/contracts/envelope';

/** What every function answers. */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** What the client sends to every function. */
export interface RequestBody {
  action: string;
  data: unknown;
  requestId?: string;
}

/** The transport of one platform: send one request to one function, get its envelope back. */
export type Transport = (fn: string, body: RequestBody) => Promise<Envelope>;
