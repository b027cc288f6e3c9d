/**
 * The office's review of held images (shared/imageReview.ts) through the groups and cases handlers, on
 * SQLite and on the CloudBase adapter over the strict double: finding them (heldImages), deciding each once
 * (reviewImage: release / hide), and every reader seeing the decision without the post or case rewritten.
 */
import { runEvent } from '../../cloudfunctions/core/jobs';
import { DEMO_GROUP_ID } from '../../cloudfunctions/modules/groups/seed';
import { JOB_STEPS } from '../../cloudfunctions/modules/registry';
import { ENGINES, worlds, type EngineName, type Who, type World } from './harness';
import { checkAtOnce, checkLater, upload as uploadAs } from './media';

const DAY = 86400_000;
const report = (images: string[]) => ({
  kind: 'report',
  category: '交通出行',
  constituencyId: 'tw-qs-c1',
  text: '村口的桥栏杆断了，孩子上学很危险。',
  consentForward: true,
  consentPublish: true,
  images,
});

describe.each(ENGINES)('held images on %s', (engine: EngineName) => {
  let w: World;
  /** The check answers at once: `review` for a name with held- in it, else pass. */
  const atOnce = worlds({ engine, media: checkAtOnce((f) => (f.includes('held-') ? 'review' : 'pass')) });
  /** As on WeChat: every check answers later, by trace id. */
  const { media: answersLater, event } = checkLater('review-trace');
  const later = worlds({ engine, media: answersLater });
  const upload = (who: 'voter' | 'deputy', name: string) => uploadAs(w, w.userId(who), name);
  const refusedUnchanged = async (code: string, act: () => Promise<{ ok: boolean }>) => {
    const before = w.fingerprint();
    expect(await act()).toMatchObject({ ok: false, error: { code } });
    expect(w.fingerprint()).toBe(before);
  };
  const postImages = async (who: Who, postId: string) => {
    const item = (await w.call(who, 'groups', 'feed', { groupId: DEMO_GROUP_ID })).items.find(
      (p) => p.postId === postId,
    )!;
    return { images: item.images, imagesWithheld: item.imagesWithheld };
  };
  const casePhotos = async (who: Who, caseId: string) => {
    const { images, imagesWithheld } = (await w.call(who, 'cases', 'get', { caseId })).case;
    return { images, imagesWithheld };
  };
  const heldPosts = async (who: Who) =>
    (await w.call(who, 'groups', 'heldImages', {})).items.map((i) => [i.postId, i.fileId]);

  it('groups: the office finds a held image, releases it once; members then see it; the post is not rewritten', async () => {
    w = await atOnce();
    const good = await upload('deputy', 'fine-photo-1');
    const held = await upload('deputy', 'held-photo-1');
    const { postId } = await w.call(
      'deputy',
      'groups',
      'post',
      { groupId: DEMO_GROUP_ID, text: '维修现场照片', images: [good, held] },
      'img-post-1',
    );
    expect(await postImages('voter', postId)).toEqual({
      images: [{ fileId: good, status: 'pass' }],
      imagesWithheld: 1,
    });
    const listed = await w.call('township', 'groups', 'heldImages', {});
    expect(listed.items).toEqual([
      { postId, fileId: held, label: expect.stringContaining('维修现场照片'), heldAt: expect.any(String) },
    ]);
    expect(await heldPosts('county')).toEqual([[postId, held]]);

    const stored = await w.ports.store.get('groupPosts', postId);
    const audits = w.snapshot().audit;
    expect(
      await w.call('township', 'groups', 'reviewImage', { postId, fileId: held, decision: 'release' }),
    ).toEqual({ fileId: held, status: 'pass' });
    expect(w.snapshot().audit).toBe(audits + 1);
    expect(await w.ports.store.get('groupPosts', postId)).toEqual(stored);
    expect(await postImages('voter', postId)).toEqual({
      images: [
        { fileId: good, status: 'pass' },
        { fileId: held, status: 'pass' },
      ],
      imagesWithheld: 0,
    });
    expect(await heldPosts('township')).toEqual([]);
    // Deciding twice, or on an image that is not held: CONFLICT, nothing written.
    await refusedUnchanged('CONFLICT', () =>
      w.raw('county', 'groups', 'reviewImage', { postId, fileId: held, decision: 'hide' }),
    );
    await refusedUnchanged('CONFLICT', () =>
      w.raw('township', 'groups', 'reviewImage', { postId, fileId: good, decision: 'hide' }),
    );
    await refusedUnchanged('NOT_FOUND', () =>
      w.raw('township', 'groups', 'reviewImage', { postId, fileId: `${good}x`, decision: 'hide' }),
    );
  });

  it('groups: a hidden image stays with its author and staff, marked, and is not counted as waiting', async () => {
    w = await atOnce();
    const held = await upload('deputy', 'held-photo-2');
    const { postId } = await w.call(
      'deputy',
      'groups',
      'post',
      { groupId: DEMO_GROUP_ID, text: '现场', images: [held] },
      'img-post-2',
    );
    await w.call('county', 'groups', 'reviewImage', { postId, fileId: held, decision: 'hide' });
    expect(await postImages('voter', postId)).toEqual({ images: [], imagesWithheld: 0 });
    for (const who of ['deputy', 'township'] as const)
      expect((await postImages(who, postId)).images).toEqual([{ fileId: held, status: 'hidden' }]);
  });

  it('groups: a pending check is listed once it counts as held — a review verdict at once, unanswered a day on; a pass settles it', async () => {
    w = await later();
    const a = await upload('deputy', 'waiting-a');
    const b = await upload('deputy', 'waiting-b');
    const c = await upload('deputy', 'waiting-c');
    const { postId } = await w.call(
      'deputy',
      'groups',
      'post',
      { groupId: DEMO_GROUP_ID, text: '三张', images: [a, b, c] },
      'img-post-3',
    );
    expect(await heldPosts('township')).toEqual([]);
    await refusedUnchanged('CONFLICT', () =>
      w.raw('township', 'groups', 'reviewImage', { postId, fileId: a, decision: 'release' }),
    );
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', event(a, 'review'));
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', event(b, 'pass'));
    expect(await heldPosts('township')).toEqual([[postId, a]]);
    w.clock.advance(DAY + 60_000);
    expect(await heldPosts('township')).toEqual([
      [postId, a],
      [postId, c],
    ]);
    await w.call('township', 'groups', 'reviewImage', { postId, fileId: c, decision: 'release' });
    expect((await postImages('voter', postId)).images.map((i) => i.fileId)).toEqual([b, c]);
  });

  it('cases: a held photo is listed for the office, released once; the deputy then sees it; the case keeps its version', async () => {
    w = await atOnce();
    const held = await upload('voter', 'held-photo');
    const { caseId } = await w.call('voter', 'cases', 'submit', report([held]), 'img-case-1');
    expect(await casePhotos('deputy', caseId)).toEqual({ images: [], imagesWithheld: 1 });
    const listed = await w.call('township', 'cases', 'heldImages', {});
    expect(listed.items).toEqual([
      { caseId, fileId: held, label: expect.stringContaining('交通出行'), heldAt: expect.any(String) },
    ]);
    const version = (await w.ports.store.get('cases', caseId))!.version;
    await w.call('township', 'cases', 'reviewImage', { caseId, fileId: held, decision: 'release' });
    expect((await w.ports.store.get('cases', caseId))!.version).toBe(version);
    expect(await casePhotos('deputy', caseId)).toEqual({
      images: [{ fileId: held, status: 'pass' }],
      imagesWithheld: 0,
    });
    expect((await w.call('township', 'cases', 'heldImages', {})).items).toEqual([]);
    await refusedUnchanged('CONFLICT', () =>
      w.raw('county', 'cases', 'reviewImage', { caseId, fileId: held, decision: 'hide' }),
    );
  });

  it('cases: a bare file id (filed before photos were checked) is held and can be hidden: the submitter sees 未公开', async () => {
    w = await atOnce();
    const { caseId } = await w.call('voter', 'cases', 'submit', report([]), 'img-case-2');
    const fileId = 'local://uploads/old/bridge.jpg';
    await w.ports.store.transact((tx) => tx.update('cases', caseId, { images: [fileId] as never }));
    await w.call('township', 'cases', 'reviewImage', { caseId, fileId, decision: 'hide' });
    expect(await casePhotos('voter', caseId)).toEqual({
      images: [{ fileId, status: 'hidden' }],
      imagesWithheld: 0,
    });
    expect(await casePhotos('deputy', caseId)).toEqual({ images: [], imagesWithheld: 0 });
    await refusedUnchanged('CONFLICT', () =>
      w.raw('township', 'cases', 'reviewImage', { caseId, fileId, decision: 'release' }),
    );
  });
});
