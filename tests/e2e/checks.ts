/**
 * What the browser test checks on a screen, beside the flows: the layout at large type (nothing wider
 * than the phone, no time, phone number, date or booking code broken across lines), an accessibility
 * check (axe-core, injected with addScriptTag) and whether a QR code image is whole (its three finder
 * squares and a light margin). Not a test itself (scripts/e2e.mjs runs only files ending in `.e2e.ts`).
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(__filename).resolve('axe-core/axe.min.js');

/**
 * Waits until the page on screen has come to rest: Taro's H5 router slides a new page in from the
 * right over the old one, so nothing is measured until one `.page` alone is shown, at the left edge,
 * over two frames in a row.
 */
export async function atRest(page: Page) {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { restLeft?: number };
      const shown = Array.from(document.querySelectorAll('.page')).filter(
        (e) => e.getBoundingClientRect().height > 0,
      );
      const before = w.restLeft;
      w.restLeft = shown.length === 1 ? shown[0].getBoundingClientRect().left : undefined;
      return w.restLeft !== undefined && before === w.restLeft && Math.abs(w.restLeft) < 0.5;
    },
    undefined,
    { polling: 'raf' },
  );
}

/** Large type as a phone's font setting gives it: the root font size (H5 sizes are in rem) times `scale`. */
export async function setRootFont(page: Page, scale: number) {
  await page.evaluate((s) => {
    const html = document.documentElement;
    html.dataset.baseFont ??= getComputedStyle(html).fontSize;
    html.style.fontSize = `${parseFloat(html.dataset.baseFont) * s}px`;
  }, scale);
  await atRest(page);
}

/**
 * What is wrong with the layout of the page on screen: anything reaching past the right edge, and any
 * number-like text (.num, times, phone numbers, dates, booking codes) spread over more than one line.
 * Taro keeps earlier pages in the document, hidden: only what is shown counts.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  await atRest(page);
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).slice(0, 3).join('.')}`;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const lines = (rects: DOMRectList | DOMRect[]) => {
      const tops: number[] = [];
      for (const r of Array.from(rects)) {
        if (r.width < 1) continue;
        if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
      }
      return tops.length;
    };
    const page = Array.from(document.querySelectorAll('.page')).find(shown);
    if (!page) return ['no page on screen'];
    if (document.documentElement.scrollWidth > width + 1) {
      problems.push(`the document is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`);
    }
    for (const el of Array.from(page.querySelectorAll('*'))) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > width + 1)
        problems.push(`${name(el)} reaches ${Math.round(r.right)}px (screen ${width}px)`);
    }
    for (const el of Array.from(page.querySelectorAll('.num'))) {
      if (shown(el) && lines(el.getClientRects()) > 1)
        problems.push(`"${el.textContent}" is broken over lines`);
    }
    // Number-like text anywhere, marked or not: each match must sit on one line.
    const pattern =
      /\d{1,2}:\d{2}(?:[–-]\d{1,2}:\d{2})?|\d{3,4}-\d{7,8}|1\d{10}|\d{1,2}月\d{1,2}日|\b[A-HJ-NP-Z2-9]{4}\b(?= [A-HJ-NP-Z2-9]{4})|(?<=[A-HJ-NP-Z2-9]{4} )[A-HJ-NP-Z2-9]{4}\b/g;
    const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const m of text.matchAll(pattern)) {
        const range = document.createRange();
        range.setStart(node, m.index ?? 0);
        range.setEnd(node, (m.index ?? 0) + m[0].length);
        if (lines(range.getClientRects()) > 1) problems.push(`"${m[0]}" is broken over lines`);
      }
    }
    return Array.from(new Set(problems));
  });
}

/** The violations axe-core finds (WCAG 2.1 A and AA) on what is shown. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } })
      .axe;
    interface AxeResult {
      violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
    }
    const result = await axe.run(
      { exclude: [['.taro_page[style*="display: none"]']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}

/** A PNG (or any image the page can draw) as a grid of dark / light pixels, read in the page's canvas. */
async function pixels(page: Page, src: string): Promise<{ w: number; h: number; dark: string }> {
  return page.evaluate(async (url) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d canvas');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let dark = '';
    for (let i = 0; i < data.length; i += 4) dark += data[i] + data[i + 1] + data[i + 2] < 384 ? '1' : '0';
    return { w: canvas.width, h: canvas.height, dark };
  }, src);
}

/**
 * What keeps a QR code in an image from being scanned: the symbol must lie wholly inside with a light
 * margin of at least `quiet` modules, and carry its three finder squares (top left, top right, bottom
 * left: dark 7×7 ring, light ring, dark 3×3 core). Returns the problems, and the module size in pixels.
 */
export async function qrProblems(
  page: Page,
  src: string,
  quiet = 1,
): Promise<{ problems: string[]; module: number }> {
  const { w, h, dark } = await pixels(page, src);
  const at = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < w && y < h && dark[Math.floor(y) * w + Math.floor(x)] === '1';
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (dark[y * w + x] !== '1') continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) return { problems: ['no QR code in the image'], module: 0 };
  // The top-left finder's top edge is 7 modules of dark.
  let run = 0;
  const row = y0 + 1;
  while (at(x0 + run, row)) run++;
  if (run < 7) return { problems: [`no finder square at the top left (dark run ${run}px)`], module: run / 7 };
  const size = Math.max(x1 - x0 + 1, y1 - y0 + 1);
  // The finder's run gives the module to a pixel of anti-aliasing; the symbol's width, a whole number of
  // modules, gives it exactly.
  const m = size / Math.round(size / (run / 7));
  const problems: string[] = [];
  if (Math.abs(x1 - x0 - (y1 - y0)) > 2 * m)
    problems.push(`the symbol is not square (${x1 - x0 + 1}×${y1 - y0 + 1}px)`);
  const margins = { left: x0, top: y0, right: w - 1 - x1, bottom: h - 1 - y1 };
  for (const [side, px] of Object.entries(margins)) {
    if (px + 1 < quiet * m)
      problems.push(`${side} margin ${px}px is under ${quiet} module(s) of ${m.toFixed(1)}px`);
  }
  // A finder square whose top left corner is (cx, cy): rows and columns 0..6 through its middle read
  // dark, light, dark, dark, dark, light, dark.
  const ring = [1, 0, 1, 1, 1, 0, 1];
  const finder = (label: string, cx: number, cy: number) => {
    for (let i = 0; i < 7; i++) {
      const across = at(cx + (i + 0.5) * m, cy + 3.5 * m) ? 1 : 0;
      const down = at(cx + 3.5 * m, cy + (i + 0.5) * m) ? 1 : 0;
      if (across !== ring[i] || down !== ring[i]) {
        problems.push(`no finder square at the ${label}`);
        return;
      }
    }
  };
  finder('top left', x0, y0);
  finder('top right', x0 + size - 7 * m, y0);
  finder('bottom left', x0, y0 + size - 7 * m);
  return { problems, module: m };
}
