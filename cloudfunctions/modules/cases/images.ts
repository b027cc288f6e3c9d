/**
 * A report's photos: checked as it is filed (only the caller's own uploads; one the image check finds risky
 * refuses the report), and shown as their checks stand whenever the case is read.
 *
 * A check WeChat answers later (the `wxa_media_check` event, recorded in `mediaChecks` by the shared jobs
 * step) is resolved here on read, by trace id, instead of being settled onto the case by a job step: writing
 * the case would bump its `version` — staff acting on the page they had read would get CONFLICT for nothing —
 * and need a query and an index for cases with waiting photos; reading costs one get per photo still pending
 * as stored, at most 9.
 */
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import {
  checkImages,
  resolveImages,
  type HeldPlace,
  type ImageSight,
  type ImageState,
  type StoredImage,
} from '../shared/public';
import type { Case } from './records';

/** What a pending check's record refers to (`mediaChecks.ref`), and its images' reviews. */
export const imagesRef = (caseId: string) => `case:${caseId}`;

/** A case's held photos as the office's list shows them. */
export const imagesPlace = (
  c: Pick<Case, 'id' | 'countyId' | 'townshipId' | 'category' | 'text'>,
): HeldPlace => {
  const text = Array.from(c.text.replace(/\s+/g, ' ').trim());
  return {
    module: 'cases',
    targetId: c.id,
    countyId: c.countyId,
    townshipId: c.townshipId,
    label: `${c.category}：${text.length > 30 ? `${text.slice(0, 29).join('')}…` : text.join('')}`,
  };
};

/** Checks the photos of a report the caller files, before its unit of work; a risky one refuses it. */
export async function checkReportImages(ctx: Ctx, fileIds: readonly string[]): Promise<ImageState[]> {
  if (fileIds.length === 0) return [];
  const { user } = ctx.caller!;
  const images = await checkImages(ctx, fileIds, { userId: user.id, openid: user.openid });
  const bad = images.findIndex((i) => i.status === 'risky');
  if (bad >= 0)
    throw new AppError('CONTENT_REJECTED', `第 ${bad + 1} 张图片未通过安全检查，请换一张或去掉`, {
      [`images.${bad}`]: '这张图片未通过安全检查',
    });
  return images;
}

export interface ImageView {
  fileId: string;
  status: Exclude<ImageSight, 'risky'>;
}

/**
 * The photos the caller may see: passed (or released by the office) ones to whoever may read the case
 * (never the public: published cases carry no photos); pending, held for review or hidden by the office
 * only to the submitter, office staff (`all`) and the deputy who filed it and uploaded them; risky ones to
 * nobody. A check unanswered for a day reads as held for review (shared/imageReview.ts). `withheld` counts
 * the waiting ones the caller is not shown.
 */
export async function imagesFor(
  ctx: Ctx,
  c: Case,
  sees: 'all' | 'passed' | 'none',
): Promise<{ images: ImageView[]; withheld: number }> {
  if (sees === 'none' || c.images.length === 0) return { images: [], withheld: 0 };
  // Cases filed before photos were checked kept bare file ids: never checked, so held for review.
  const stored = c.images as readonly StoredImage[];
  const resolved = await resolveImages(ctx.ports.store, ctx.now, imagesRef(c.id), c.createdAt, stored);
  const images: ImageView[] = [];
  let withheld = 0;
  for (const { fileId, status } of resolved) {
    if (status === 'risky') continue;
    if (status === 'pass' || sees === 'all') images.push({ fileId, status });
    else if (status !== 'hidden') withheld++;
  }
  return { images, withheld };
}
