/**
 * Splitting a pasted draft into articles: 第X条 starts an article, 第X章 a chapter (第X节 a section,
 * kept with its chapter), with Chinese numerals (一二三…十百千, 零/〇, 两) or digits, full-width too.
 * What stands before the first article (the draft's own title, a preamble) is returned apart. A text
 * without any 第X条 becomes one article per paragraph. The office adjusts the result before publishing.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL = '[零〇一二两三四五六七八九十百千0-9０-９]+';
const HEADING = (word: string) =>
  new RegExp(`^第\\s*(${NUMERAL})\\s*${word}(?:[\\s\\u3000:：、.．]+|$|(?=[【（(]))(.*)$`);
const ARTICLE = HEADING('条');
const CHAPTER = HEADING('章');
const SECTION = HEADING('节');

/** 十二 → 12, 一百零五 → 105, 二十 → 20, 12 / １２ → 12; null when it is not a number. */
export function parseNumeral(s: string): number | null {
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      total += (digit ?? 1) * UNITS[ch];
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

export interface SplitArticle {
  number: number;
  chapter: string | null;
  title: string | null;
  text: string;
}

/** 【立法目的】 or （立法目的） right after the heading is the article's title. */
function titled(rest: string): { title: string | null; text: string } {
  const m = /^[【（(]([^】）)]{1,30})[】）)]\s*(.*)$/.exec(rest);
  return m ? { title: m[1].trim(), text: m[2] } : { title: null, text: rest };
}

export function splitArticles(text: string): { preamble: string; articles: SplitArticle[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const articles: SplitArticle[] = [];
  const preamble: string[] = [];
  let chapter: string | null = null;
  let current: { number: number; chapter: string | null; title: string | null; lines: string[] } | null =
    null;
  const flush = () => {
    if (!current) return;
    const body = current.lines.join('\n').trim();
    if (body || current.title) {
      articles.push({ number: current.number, chapter: current.chapter, title: current.title, text: body });
    }
    current = null;
  };
  for (const raw of lines) {
    const line = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    const ch = CHAPTER.exec(line);
    if (ch && parseNumeral(ch[1]) !== null) {
      flush();
      chapter = `第${ch[1]}章${ch[2] ? ` ${ch[2].trim()}` : ''}`;
      continue;
    }
    const sec = SECTION.exec(line);
    if (sec && parseNumeral(sec[1]) !== null && chapter !== null) {
      flush();
      chapter = `${chapter.split(' · ')[0]} · 第${sec[1]}节${sec[2] ? ` ${sec[2].trim()}` : ''}`;
      continue;
    }
    const art = ARTICLE.exec(line);
    const n = art ? parseNumeral(art[1]) : null;
    if (art && n !== null) {
      flush();
      const { title, text: first } = titled(art[2].trim());
      current = { number: n, chapter, title, lines: first ? [first] : [] };
      continue;
    }
    if (current) current.lines.push(line);
    else preamble.push(line);
  }
  flush();
  if (articles.length > 0) return { preamble: preamble.join('\n').trim(), articles };
  // No 第X条: one article per paragraph (blank lines between them).
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[\s\u3000]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    preamble: '',
    articles: paragraphs.map((p, i) => ({ number: i + 1, chapter: null, title: null, text: p })),
  };
}
