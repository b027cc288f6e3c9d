/**
 * POST /api/files — the local host's side of uploading a photo (on WeChat the phone writes to cloud storage
 * itself): signed in only; the body is the image (at most 2 MB), accepted as JPEG, PNG or WebP by its first
 * bytes whatever its Content-Type says; stored as uploads/<userId>/<random>.<ext> under the files folder
 * (mode 600). Answers `{ ok, data: { fileId } }`; actions then name the file by that id, and the function checks
 * it is the caller's own (ports.media.accepts).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ports } from '../core/ports';
import { failure, invalid, readRaw, sendJson } from './http';

export const UPLOAD_MAX = 2 * 1024 * 1024;

/** The image type of `bytes` by its signature, or null. */
export function imageType(bytes: Buffer): 'jpg' | 'png' | 'webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'webp';
  return null;
}

const TYPE = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

export function uploads(ports: Ports, userOf: (req: IncomingMessage) => Promise<{ id: string } | null>) {
  return async function upload(req: IncomingMessage, res: ServerResponse) {
    const user = await userOf(req);
    if (!user) {
      req.resume();
      return sendJson(res, 200, failure('UNAUTHENTICATED', '请先登录'));
    }
    const raw = await readRaw(req, res, UPLOAD_MAX);
    if (raw === 'tooLarge')
      return sendJson(res, 413, invalid('图片过大', { file: `不超过 ${UPLOAD_MAX / 1024 / 1024}MB` }));
    // A body cut off mid-way is no image.
    const bytes = raw === 'broken' ? Buffer.alloc(0) : raw;
    const type = imageType(bytes);
    if (!type) return sendJson(res, 200, invalid('只能上传 JPG、PNG 或 WebP 图片', { file: '格式不支持' }));
    const name = randomBytes(12).toString('base64url');
    const fileId = await ports.files.put(`uploads/${user.id}/${name}.${type}`, bytes, TYPE[type]);
    return sendJson(res, 200, { ok: true, data: { fileId } });
  };
}
