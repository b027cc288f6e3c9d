/** The local host's ports: everything WeChat provides in production, done on this machine. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { AppError } from '../../core/errors';
import type {
  Clock,
  Codes,
  ContentCheck,
  Files,
  MediaCheck,
  Notifier,
  OpenData,
  Verdict,
} from '../../core/ports';
import { qrDataUrl, qrPng } from './qr';

/**
 * A word-list stand-in for msgSecCheck with the same verdicts. Deliberately small: it exists so
 * the held/refused paths can be tried locally, not to moderate real content.
 */
export const RISKY_WORDS = ['法轮', '赌博网站', '代开发票', '枪支出售'];
export const REVIEW_WORDS = ['上访', '游行', '示威'];

export const wordListContentCheck = (risky = RISKY_WORDS, review = REVIEW_WORDS): ContentCheck => ({
  async text({ text }): Promise<Verdict> {
    if (risky.some((w) => text.includes(w))) return 'risky';
    if (review.some((w) => text.includes(w))) return 'review';
    return 'pass';
  },
});

/** An uploaded image's name: `uploads/<userId>/<random>.<jpg|png|webp>`. */
const LOCAL_UPLOAD = /^local:\/\/uploads\/([A-Za-z0-9]+)\/([A-Za-z0-9_-]{8,64}\.(?:jpg|jpeg|png|webp))$/;

/**
 * Images checked at once on the local host: `pass`, or what `verdict` says (the tests' hook for `risky` and
 * `review`). Only files the host stored under uploads/<userId>/ (POST /api/files) are accepted.
 */
export function localMediaCheck(
  files: { exists(fileId: string): boolean },
  verdict: (fileId: string) => Verdict = () => 'pass',
): MediaCheck {
  return {
    async accepts(fileId, userId) {
      const m = LOCAL_UPLOAD.exec(fileId);
      return !!m && m[1] === userId && files.exists(fileId);
    },
    async check({ fileId }) {
      if (!files.exists(fileId))
        throw new AppError('INVALID_INPUT', '图片不存在或已过期，请重新选择', { images: '图片无效' });
      return { verdict: verdict(fileId) };
    },
  };
}

/**
 * The local host has no WeChat chats: a demo parameter `{ demo: 'name' }` stands in for the chat a card was
 * opened in, marked as demo wherever it shows. Nothing else is accepted as a chat here.
 */
export const demoOpenData = (): OpenData => ({
  async chat(raw) {
    if (raw === undefined || raw === null) return null;
    const demo = typeof raw === 'object' ? (raw as { demo?: unknown }).demo : undefined;
    if (typeof demo !== 'string' || !/^[A-Za-z0-9_-]{1,32}$/.test(demo))
      throw new AppError('INVALID_INPUT', '本地演示只接受演示群参数 { demo }', { chat: '无效' });
    return { opengid: `demo-${demo}`, demo: true };
  },
});

/** Locally the outbox is the in-app notification list itself: delivery just marks it sent. */
export const inAppNotifier = (): Notifier => ({
  async deliver() {
    return 'sent';
  },
});

/** A QR code of the H5 page URL stands in for the mini-program code. */
export const qrCodes = (publicUrl: string): Codes => ({
  image: ({ scene, page }) =>
    qrPng(`${publicUrl.replace(/\/$/, '')}/${page}?code=${encodeURIComponent(scene)}`),
  qr: qrDataUrl,
});

/** Files under a folder, served by the host at /files/ (readable by this user only, like the database). */
export function folderFiles(
  root: string,
): Files & { read(fileId: string): Buffer; exists(fileId: string): boolean } {
  const pathOf = (fileId: string) => {
    const rel = normalize(fileId.replace(/^local:\/\//, '')).replace(/^(\.\.(\/|\\|$))+/, '');
    return join(root, rel);
  };
  return {
    async put(path, bytes) {
      const full = pathOf(path);
      mkdirSync(dirname(full), { recursive: true, mode: 0o700 });
      writeFileSync(full, bytes, { mode: 0o600 });
      return `local://${path}`;
    },
    async url(fileId) {
      return `/files/${fileId.replace(/^local:\/\//, '')}`;
    },
    read: (fileId) => readFileSync(pathOf(fileId)),
    exists: (fileId) => existsSync(pathOf(fileId)),
  };
}

export const systemClock = (): Clock => ({ now: () => new Date() });

/** A clock tests can move. */
export function manualClock(
  start: Date | string,
): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => (t = new Date(d).getTime()),
    advance: (ms) => (t += ms),
  };
}

export { CODE_ALPHABET, hmacHasher, randomIds } from './ids';
