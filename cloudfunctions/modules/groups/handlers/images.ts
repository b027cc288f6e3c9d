/** groups: the office's review of a post's held images (shared/imageReview.ts) — the post is not written. */
import { authorize } from '../../../core/policy';
import { decideImage, heldImagesPage } from '../../shared/public';
import type { GroupsHandlers } from '../contract';
import { groupSubject, loadGroup, loadPost, membershipOf, postImagesPlace, postImagesRef } from '../views';

export const imageHandlers: Pick<GroupsHandlers, 'reviewImage' | 'heldImages'> = {
  async reviewImage(ctx, input) {
    const post = await loadPost(ctx, input.postId);
    const group = await loadGroup(ctx, post.groupId);
    authorize(ctx, groupSubject(group, await membershipOf(ctx, group)));
    const target = {
      ref: postImagesRef(post.id),
      createdAt: post.createdAt,
      images: post.images,
      authorUserId: post.authorUserId,
      place: postImagesPlace(group, post),
    };
    return decideImage(ctx, target, input.fileId, input.decision);
  },

  async heldImages(ctx, input) {
    authorize(ctx);
    const p = await heldImagesPage(ctx, 'groups', input.cursor);
    return {
      items: p.rows.map((r) => ({ postId: r.targetId, fileId: r.fileId, label: r.label, heldAt: r.heldAt })),
      nextCursor: p.nextCursor,
    };
  },
};
