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
import { failure, invalid, sendJson } from './http';

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

/** The raw body, or null when it was over the limit (the request is then answered 413 and closed after). */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    res.setHeader('connection', 'close');
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        res.setHeader('connection', 'close');
        resolve(null);
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', () => {
      over = true;
      resolve(Buffer.alloc(0));
    });
  });
}

export function uploads(ports: Ports, userOf: (req: IncomingMessage) => Promise<{ id: string } | null>) {
  return async function upload(req: IncomingMessage, res: ServerResponse) {
    const user = await userOf(req);
    if (!user) {
      req.resume();
      return sendJson(res, 200, failure('UNAUTHENTICATED', '请先登录'));
    }
    const bytes = await readBody(req, res, UPLOAD_MAX);
    if (!bytes)
      return sendJson(res, 413, invalid('图片过大', { file: `不超过 ${UPLOAD_MAX / 1024 / 1024}MB` }));
    const type = imageType(bytes);
    if (!type) return sendJson(res, 200, invalid('只能上传 JPG、PNG 或 WebP 图片', { file: '格式不支持' }));
    const name = randomBytes(12).toString('base64url');
    const fileId = await ports.files.put(`uploads/${user.id}/${name}.${type}`, bytes, TYPE[type]);
    return sendJson(res, 200, { ok: true, data: { fileId } });
  };
}
