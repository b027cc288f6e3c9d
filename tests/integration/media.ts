/**
 * Image checks for the handler tests: an upload stored as the phone leaves it, the media port accepting the
 * caller's own uploads, and a check that answers at once (as the local host's) or later by trace id (as
 * WeChat's `mediaCheckAsync`, whose answer is the `wxa_media_check` message-push event).
 */
import type { MediaCheck, Verdict } from '../../cloudfunctions/core/ports';
import type { World } from './harness';

type Files = { exists(fileId: string): boolean };

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

/** Stores an upload of `userId` as `uploads/<userId>/<name>.jpg`; answers its file id. */
export const upload = (w: World, userId: string, name: string) =>
  w.ports.files.put(`uploads/${userId}/${name}.jpg`, JPEG, 'image/jpeg');

const ownUploads = (files: Files): Pick<MediaCheck, 'accepts'> => ({
  accepts: async (fileId, userId) => fileId.includes(`/uploads/${userId}/`) && files.exists(fileId),
});

/** A check that answers at once with `verdict(fileId)`. */
export const checkAtOnce =
  (verdict: (fileId: string) => Verdict) =>
  (files: Files): MediaCheck => ({
    ...ownUploads(files),
    check: async ({ fileId }) => ({ verdict: verdict(fileId) }),
  });

/**
 * As on WeChat: every check answers later; `event(fileId, suggest)` is the push that answers one, and
 * `traceOf(fileId)` the trace id its check was given.
 */
export function checkLater(prefix: string) {
  const traces = new Map<string, string>();
  let n = 0;
  return {
    media: (files: Files): MediaCheck => ({
      ...ownUploads(files),
      check: async ({ fileId }) => {
        const traceId = `${prefix}-${++n}`;
        traces.set(fileId, traceId);
        return { traceId };
      },
    }),
    traceOf: (fileId: string) => traces.get(fileId),
    event: (fileId: string, suggest: string) => ({
      ToUserName: 'gh_x',
      FromUserName: 'o',
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: traces.get(fileId),
      version: 2,
      result: { suggest, label: 100 },
    }),
  };
}
