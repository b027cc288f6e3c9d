/**
 * Image review (图片审核决定): office staff deciding on a held image — one the image check answered `review`
 * for, one unanswered for a day, or one never checked — `release` (shown like a passed image) or `hide`
 * (kept with its author and staff, marked). One record per image, `<ref>#<imageIndex>` in `imageReviews`:
 * written `waiting` with the image when it may be held (so the office can list what waits), and read
 * wherever the image's check is resolved, so nothing a post or a case stores is rewritten.
 */
import type { Ctx } from '../../core/context';
import { page } from '../../core/cursor';
import { audit } from '../../core/effects';
import { AppError } from '../../core/errors';
import { officeScope } from '../../core/policy';
import type { Tx } from '../../core/ports';
import { traceDoc, type ImageState } from './media';
import type { ImageReviewRecord, MediaCheckRecord, MediaStatus } from './records';
import { sharedQueries } from './storage';

const DAY = 86400_000;

export const reviewDoc = (ref: string, imageIndex: number) => `${ref}#${imageIndex}`;

/** What held images belong to, as the office's list shows them. */
export interface HeldPlace {
  module: string;
  targetId: string;
  countyId: string;
  townshipId: string;
  label: string;
}

/** How an image reads once its check and any review are applied: `hidden` is the office's 不予公开. */
export type ImageSight = MediaStatus | 'hidden';

/** Stored images: checked ones, or (cases filed before photos were checked) bare file ids. */
export type StoredImage = ImageState | string;

const stateOf = (i: StoredImage): ImageState =>
  typeof i === 'string' ? { fileId: i, status: 'review', traceId: null } : i;

type Reader = Pick<Tx, 'get'>;

/**
 * The images' statuses from their checks alone: a pending one by its trace's record, a day unanswered
 * reads as held (`review`), and a bare file id (never checked) is held too.
 */
async function checked(
  reader: Reader,
  now: Date,
  createdAt: string,
  stored: readonly StoredImage[],
): Promise<MediaStatus[]> {
  const stale = now.getTime() - Date.parse(createdAt) > DAY;
  return Promise.all(
    stored.map(stateOf).map(async (i) => {
      if (i.status !== 'pending') return i.status;
      const check = i.traceId ? await reader.get('mediaChecks', traceDoc(i.traceId)) : null;
      if (check && check.status !== 'pending') return check.status;
      return stale ? 'review' : 'pending';
    }),
  );
}

/** The images as they read now: checks applied, then the office's decision on held ones. */
export async function resolveImages(
  reader: Reader,
  now: Date,
  ref: string,
  createdAt: string,
  stored: readonly StoredImage[],
): Promise<{ fileId: string; status: ImageSight }[]> {
  const statuses = await checked(reader, now, createdAt, stored);
  return Promise.all(
    stored.map(async (img, k) => {
      const fileId = stateOf(img).fileId;
      if (statuses[k] !== 'review') return { fileId, status: statuses[k] };
      const review = await reader.get('imageReviews', reviewDoc(ref, k));
      const status: ImageSight =
        review?.status === 'released' ? 'pass' : review?.status === 'hidden' ? 'hidden' : 'review';
      return { fileId, status };
    }),
  );
}

/**
 * Opens the reviews of images that may be held, in the unit of work that stores them: held now (`review`),
 * or a day on when a pending check stays unanswered.
 */
export async function openImageReviews(
  tx: Tx,
  ctx: Ctx,
  images: readonly ImageState[],
  ref: string,
  authorUserId: string,
  place: HeldPlace,
): Promise<void> {
  for (const [k, img] of images.entries()) {
    if (img.status !== 'review' && img.status !== 'pending') continue;
    const heldAt = img.status === 'review' ? ctx.now : new Date(ctx.now.getTime() + DAY);
    await tx.insert('imageReviews', {
      id: reviewDoc(ref, k),
      ...place,
      ref,
      imageIndex: k,
      fileId: img.fileId,
      authorUserId,
      status: 'waiting',
      heldAt: heldAt.toISOString(),
      decidedBy: null,
      decidedAt: null,
    });
  }
}

/** A late verdict on a waiting review: `review` holds it now; `pass` or `risky` settles it (nothing to decide). */
export async function settleImageReview(tx: Tx, check: MediaCheckRecord, status: MediaStatus, at: string) {
  if (check.imageIndex === null || check.imageIndex === undefined) return;
  const id = reviewDoc(check.ref, check.imageIndex);
  const review = await tx.get('imageReviews', id);
  if (review?.status !== 'waiting') return;
  if (status === 'review')
    await tx.update('imageReviews', id, { heldAt: at < review.heldAt ? at : review.heldAt });
  else await tx.update('imageReviews', id, { status: 'settled' });
}

/**
 * The office's decision on one held image of a post or case (the caller already authorized over it):
 * CONFLICT when the image is not held or was decided before, with nothing written; audited.
 */
export async function decideImage(
  ctx: Ctx,
  target: {
    ref: string;
    createdAt: string;
    images: readonly StoredImage[];
    authorUserId: string;
    place: HeldPlace;
  },
  fileId: string,
  decision: 'release' | 'hide',
): Promise<{ fileId: string; status: 'pass' | 'hidden' }> {
  const k = target.images.findIndex((i) => stateOf(i).fileId === fileId);
  if (k < 0) throw new AppError('NOT_FOUND', '没有这张图片', { fileId: '不在这里' });
  const id = reviewDoc(target.ref, k);
  return ctx.ports.store.transact(async (tx) => {
    const [status] = await checked(tx, ctx.now, target.createdAt, [target.images[k]]);
    if (status !== 'review')
      throw new AppError('CONFLICT', '这张图片不在待审核中（可能已通过检查或仍在检查）');
    const review = await tx.get('imageReviews', id);
    if (review?.status === 'released' || review?.status === 'hidden')
      throw new AppError('CONFLICT', '这张图片已经审核过了');
    const decided = {
      status: decision === 'release' ? ('released' as const) : ('hidden' as const),
      decidedBy: ctx.caller!.user.id,
      decidedAt: ctx.now.toISOString(),
    };
    if (review) await tx.update('imageReviews', id, decided);
    else {
      // Held before reviews were kept (or never checked): its decision is its first record.
      const doc: ImageReviewRecord = {
        id,
        ...target.place,
        ref: target.ref,
        imageIndex: k,
        fileId,
        authorUserId: target.authorUserId,
        heldAt: ctx.now.toISOString(),
        ...decided,
      };
      await tx.insert('imageReviews', doc);
    }
    await audit(tx, ctx, {
      entityType: 'image',
      entityId: id,
      detail: { decision, module: target.place.module },
    });
    return { fileId, status: decision === 'release' ? ('pass' as const) : ('hidden' as const) };
  });
}

/** One page of a module's images waiting for the office in the caller's scope (county or township). */
export async function heldImagesPage(
  ctx: Ctx,
  module: string,
  cursor: string | undefined,
): Promise<{ rows: ImageReviewRecord[]; nextCursor: string | null }> {
  const scope = officeScope(ctx.caller!);
  const place = scope.countyId
    ? { countyId: scope.countyId }
    : scope.townshipId
      ? { townshipId: scope.townshipId }
      : null;
  if (!place) return { rows: [], nextCursor: null };
  const heldBy = ctx.now.toISOString();
  return page(
    (o) => sharedQueries(ctx.ports).heldImages({ module, ...place, heldBy }, o),
    cursor,
    (r) => r.heldAt,
  );
}
