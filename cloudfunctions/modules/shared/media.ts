/**
 * Images: what every module that takes uploaded photos shares — checking a post's (or a report's, or a
 * profile's) file ids, keeping the checks WeChat answers later, and applying their verdicts when the
 * `wxa_media_check` event arrives. The upload itself is the client's (`src/api/upload.*.ts`: cloud storage on
 * WeChat, `POST /api/files` locally) into `uploads/<userId>/`.
 */
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Ports, Tx } from '../../core/ports';
import { openImageReviews, settleImageReview, type HeldPlace } from './imageReview';
import type { MediaCheckRecord, MediaStatus } from './records';

export interface ImageState {
  fileId: string;
  status: MediaStatus;
  /** The pending check's trace id (WeChat); null once decided or when decided at once. */
  traceId: string | null;
}

export const traceDoc = (traceId: string) => `trace:${traceId}`;

/**
 * Checks the caller's uploaded images (file ids from the client): each must be the caller's own upload in
 * our storage, else INVALID_INPUT under `field`; then each is sent to the image check (in parallel, before
 * any unit of work). What comes back is pending (WeChat) or decided (locally): keep it with the record and
 * call `recordMediaChecks` in the same unit of work.
 */
export async function checkImages(
  ctx: Ctx,
  fileIds: readonly string[],
  who: { userId: string; openid: string },
  field = 'images',
): Promise<ImageState[]> {
  const owned = await Promise.all(fileIds.map((f) => ctx.ports.media.accepts(f, who.userId)));
  const bad = owned.findIndex((ok) => !ok);
  if (bad >= 0)
    throw new AppError('INVALID_INPUT', '图片无效，请重新上传', { [`${field}.${bad}`]: '不是您上传的图片' });
  const verdicts = await Promise.all(
    fileIds.map((fileId) => ctx.ports.media.check({ fileId, openid: who.openid, scene: 1 })),
  );
  return fileIds.map((fileId, i) => {
    const v = verdicts[i];
    return 'verdict' in v
      ? { fileId, status: v.verdict, traceId: null }
      : { fileId, status: 'pending' as const, traceId: v.traceId };
  });
}

/**
 * Keeps the pending checks of `images` and opens the office's review of those that may be held
 * (imageReview.ts), inside the unit of work that stores what they belong to (`place`).
 */
export async function recordMediaChecks(
  tx: Tx,
  ctx: Ctx,
  images: readonly ImageState[],
  ref: string,
  userId: string,
  place: HeldPlace,
): Promise<void> {
  await openImageReviews(tx, ctx, images, ref, userId, place);
  for (const [imageIndex, img] of images.entries()) {
    if (img.status !== 'pending' || !img.traceId) continue;
    const record: MediaCheckRecord = {
      id: traceDoc(img.traceId),
      traceId: img.traceId,
      fileId: img.fileId,
      userId,
      ref,
      status: 'pending',
      createdAt: ctx.now.toISOString(),
      decidedAt: null,
      imageIndex,
    };
    await tx.insert('mediaChecks', record);
  }
}

/** The checks of these trace ids as they stand (by id; a missing one reads as still pending). */
export async function mediaChecksOf(
  ports: Pick<Ports, 'store'>,
  traceIds: readonly string[],
): Promise<Map<string, MediaCheckRecord>> {
  const docs = await Promise.all(traceIds.map((t) => ports.store.get('mediaChecks', traceDoc(t))));
  return new Map(docs.flatMap((d) => (d ? [[d.traceId, d] as const] : [])));
}

const SUGGESTS: readonly MediaStatus[] = ['pass', 'review', 'risky'];

/**
 * The `wxa_media_check` event: the verdict of one check, by trace id. An unknown trace (never ours, or a
 * forged event — the jobs function can be called by anyone, and trace ids are never given to clients) and
 * an answer already applied change nothing. The image's waiting review is held now or settled with it.
 */
export async function applyMediaVerdict(
  ports: Ports,
  event: Record<string, unknown>,
): Promise<{ traceId: string; status: MediaStatus; ref: string } | null> {
  const traceId = event.trace_id;
  const suggest = (event.result as { suggest?: unknown } | undefined)?.suggest;
  if (typeof traceId !== 'string' || !/^[\w-]{1,100}$/.test(traceId)) return null;
  if (!SUGGESTS.includes(suggest as MediaStatus)) return null;
  const status = suggest as MediaStatus;
  return ports.store.transact(async (tx) => {
    const doc = await tx.get('mediaChecks', traceDoc(traceId));
    if (!doc || doc.status !== 'pending') return null;
    const at = ports.clock.now().toISOString();
    await tx.update('mediaChecks', doc.id, { status, decidedAt: at });
    await settleImageReview(tx, doc, status, at);
    return { traceId, status, ref: doc.ref };
  });
}
