import { z } from 'zod';
import { ERROR_CODES } from '../errors';

/** What the client sends to every function. */
export const Request = z.object({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
  /** Client-made id of a create; a retry with the same id returns the first result. */
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
  /**
   * Open data (开放数据) of the call: on WeChat `wx.cloud.CloudID(cloudID)` of the chat a card was opened in
   * (only top-level fields are decrypted by the platform); locally `{ demo }`. Read only through ports.openData.
   */
  chat: z.unknown().optional(),
});
export type Request = z.infer<typeof Request>;

export const ErrorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
