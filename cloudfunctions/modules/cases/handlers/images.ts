/** cases: the office's review of a report's held photos (shared/imageReview.ts) — the case itself is not written. */
import { authorize } from '../../../core/policy';
import { decideImage, heldImagesPage } from '../../shared/public';
import type { CasesHandlers } from '../contract';
import { caseSubject, loadCase } from '../engine';
import { imagesPlace, imagesRef } from '../images';

export const imageHandlers: Pick<CasesHandlers, 'reviewImage' | 'heldImages'> = {
  async reviewImage(ctx, input) {
    const c = await loadCase(ctx, input.caseId);
    authorize(ctx, caseSubject(c));
    const target = {
      ref: imagesRef(c.id),
      createdAt: c.createdAt,
      images: c.images,
      authorUserId: c.submitterUserId,
      place: imagesPlace(c),
    };
    return decideImage(ctx, target, input.fileId, input.decision);
  },

  async heldImages(ctx, input) {
    authorize(ctx);
    const p = await heldImagesPage(ctx, 'cases', input.cursor);
    return {
      items: p.rows.map((r) => ({ caseId: r.targetId, fileId: r.fileId, label: r.label, heldAt: r.heldAt })),
      nextCursor: p.nextCursor,
    };
  },
};
