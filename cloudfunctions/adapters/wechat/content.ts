import type { ContentCheck, Verdict } from '../../core/ports';
import type { Suggest, WxCloud } from './cloud';

/** msgSecCheck v2 checks at most 2,500 characters per call. */
export const MSG_SEC_CHECK_MAX = 2500;
/** Chunks overlap by this much, so a phrase cut at a chunk boundary is still seen whole once. */
export const CHUNK_OVERLAP = 50;

const RANK: Record<Verdict, number> = { pass: 0, review: 1, risky: 2 };
const SUGGESTS: readonly Suggest[] = ['pass', 'review', 'risky'];

/** Splits text into overlapping chunks of at most `max` characters (code points: never half an emoji). */
export function chunkText(text: string, max = MSG_SEC_CHECK_MAX, overlap = CHUNK_OVERLAP): string[] {
  const chars = Array.from(text);
  if (chars.length <= max) return [text];
  const step = max - overlap;
  const out: string[] = [];
  for (let start = 0; ; start += step) {
    out.push(chars.slice(start, start + max).join(''));
    if (start + max >= chars.length) return out;
  }
}

/**
 * 内容安全 through `security.msgSecCheck` v2: the verdict is `result.suggest` (pass / review / risky).
 * Long text is checked chunk by chunk in parallel and the worst verdict wins. A failed call rejects with
 * the SDK's error (errCode/errMsg): the caller decides, and must not store the text unchecked.
 */
export function createContentCheck(cloud: WxCloud): ContentCheck {
  async function check(content: string, openid: string, scene: 1 | 2 | 3 | 4): Promise<Verdict> {
    const res = await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content });
    const suggest = res?.result?.suggest;
    if (res?.errCode || !suggest || !SUGGESTS.includes(suggest)) {
      throw new Error(`msgSecCheck: unexpected answer ${JSON.stringify(res)}`);
    }
    return suggest;
  }

  return {
    async text({ text, openid, scene }) {
      if (text.trim() === '') return 'pass';
      const verdicts = await Promise.all(chunkText(text).map((c) => check(c, openid, scene)));
      return verdicts.reduce((worst, v) => (RANK[v] > RANK[worst] ? v : worst), 'pass' as Verdict);
    },
  };
}
