/** Ids, short codes and the ID-number hash: plain crypto, shared by the local host and the WeChat entry. */
import { createHmac, randomFillSync, randomInt } from 'node:crypto';
import type { Hasher, Ids } from '../../core/ports';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** No O, I, 0, 1: codes are read aloud and typed by hand. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Random bytes from a pool refilled 4 KB at a time (each byte used once): a system call per ~400 ids rather
 * than one per id, which cost a send about a sixth of its time.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;
function randomTail(n: number): Buffer {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += n;
  return pool.subarray(used - n, used);
}

export const randomIds = (): Ids => ({
  next() {
    // Time-ordered prefix keeps ids roughly sortable; the random tail makes them unguessable.
    const t = Date.now().toString(36).padStart(9, '0');
    const r = Array.from(randomTail(10), (b) => BASE62[b % 62]).join('');
    return `${t}${r}`;
  },
  code(length) {
    return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  },
});

/** HMAC-SHA256 with a secret from configuration: the ID number cannot be recovered from the hash. */
export const hmacHasher = (secret: string): Hasher => ({
  idHash: (idNumber) =>
    createHmac('sha256', secret).update(idNumber.trim().toUpperCase()).digest('hex').slice(0, 40),
});
