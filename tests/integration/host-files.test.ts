/**
 * The local host's upload route (POST /api/files) and what follows from it over HTTP: signed in only, at most
 * 2 MB, JPEG / PNG / WebP by their first bytes, stored mode 600 under uploads/<userId>/, the id usable in a
 * group post and its image served back; and a real-name group's removal holding for a session started before it.
 */
import type { AddressInfo } from 'node:net';
import { mkdtempSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost } from '../../cloudfunctions/host/server';
import { createLocalPorts } from '../../cloudfunctions/host/ports';
import { imageType, UPLOAD_MAX } from '../../cloudfunctions/host/uploads';
import { DEMO_GROUP_ID } from '../../cloudfunctions/modules/groups/seed';
import { seedDemo } from '../../cloudfunctions/modules/registry';
import { personaUserId } from '../../cloudfunctions/modules/shared/public';

let server: Server;
let base: string;
const root = mkdtempSync(join(tmpdir(), 'dl-host-files-'));
const filesDir = join(root, 'files');

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(50)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(40)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

beforeAll(async () => {
  const ports = createLocalPorts({ dbPath: ':memory:', filesDir, publicUrl: 'http://x', idHashSecret: 's' });
  await seedDemo(ports);
  server = createHost({ ports, sessionSecret: 'secret', staticDir: join(root, 'h5'), filesDir, demo: true });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

async function signIn(personaId: string): Promise<string> {
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personaId }),
  }).then((x) => x.json());
  return r.data.token;
}

const upload = (body: Buffer, token?: string, type = 'image/jpeg') =>
  fetch(`${base}/api/files`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });

const call = (fn: string, token: string, action: string, data: unknown, requestId?: string) =>
  fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, data, ...(requestId ? { requestId } : {}) }),
  }).then((r) => r.json());

it('knows JPEG, PNG and WebP by their first bytes, nothing else', () => {
  expect([JPEG, PNG, WEBP, SVG, Buffer.alloc(0)].map(imageType)).toEqual(['jpg', 'png', 'webp', null, null]);
});

it('stores a signed-in user’s image under uploads/<userId>/, mode 600, and a post may show it', async () => {
  const token = await signIn('deputy');
  const r = await upload(JPEG, token);
  expect(r.status).toBe(200);
  const { data } = await r.json();
  const uid = personaUserId('deputy');
  expect(data.fileId).toMatch(new RegExp(`^local://uploads/${uid}/[A-Za-z0-9_-]{16}\\.jpg$`));
  const path = join(filesDir, data.fileId.replace('local://', ''));
  expect(statSync(path).mode & 0o777).toBe(0o600);
  // A PNG sent as image/jpeg is stored as what it is.
  const png = await (await upload(PNG, token, 'image/jpeg')).json();
  expect(png.data.fileId).toMatch(/\.png$/);
  const webp = await (await upload(WEBP, token, 'application/octet-stream')).json();
  expect(webp.data.fileId).toMatch(/\.webp$/);

  const posted = await call('groups', token, 'post', {
    groupId: DEMO_GROUP_ID,
    text: '维修现场照片',
    images: [data.fileId],
  });
  expect(posted).toMatchObject({ ok: true, data: { status: 'visible' } });
  const voter = await signIn('voter');
  const feed = await call('groups', voter, 'feed', { groupId: DEMO_GROUP_ID });
  const item = feed.data.items.find((p: { postId: string }) => p.postId === posted.data.postId);
  expect(item.images).toEqual([{ fileId: data.fileId, status: 'pass' }]);
  const served = await fetch(`${base}/files/${data.fileId.replace('local://', '')}`);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('image/jpeg');
  expect(Buffer.from(await served.arrayBuffer())).toEqual(JPEG);
  // Someone else's upload is not theirs to post.
  const voters = (await (await upload(JPEG, voter)).json()).data.fileId;
  const theft = await call('groups', token, 'post', {
    groupId: DEMO_GROUP_ID,
    text: '别人的图',
    images: [voters],
  });
  expect(theft).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

it('refuses without a session, over 2 MB, and anything but the three image types', async () => {
  const none = await upload(JPEG);
  expect(await none.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  const token = await signIn('voter');
  const big = await upload(Buffer.concat([JPEG, Buffer.alloc(UPLOAD_MAX)]), token);
  expect(big.status).toBe(413);
  expect(await big.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  for (const body of [SVG, Buffer.from('GIF89a'), Buffer.alloc(0), Buffer.from('%PDF-1.7')]) {
    const r = await upload(body, token, 'image/png');
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }
  const bad = await fetch(`${base}/api/files`, {
    method: 'POST',
    headers: { authorization: 'Bearer nonsense' },
    body: new Uint8Array(JPEG),
  });
  expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

it('a member removed from a group is refused at once, also with a session started before the removal', async () => {
  const voter = await signIn('voter');
  const deputy = await signIn('deputy');
  expect((await call('groups', voter, 'feed', { groupId: DEMO_GROUP_ID })).ok).toBe(true);
  const removed = await call('groups', deputy, 'remove', {
    groupId: DEMO_GROUP_ID,
    userId: personaUserId('voter'),
  });
  expect(removed).toMatchObject({ ok: true, data: { status: 'removed' } });
  expect(await call('groups', voter, 'feed', { groupId: DEMO_GROUP_ID })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(
    await call('groups', voter, 'comment', { postId: 'gp-demo-lights', text: '还在吗' }, 'req-after-removal'),
  ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
