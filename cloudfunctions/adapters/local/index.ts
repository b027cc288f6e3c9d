/** The local host's ports: everything WeChat provides in production, done on this machine. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Clock, Codes, ContentCheck, Files, Notifier, Verdict } from '../../core/ports';
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
export function folderFiles(root: string): Files & { read(fileId: string): Buffer } {
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
