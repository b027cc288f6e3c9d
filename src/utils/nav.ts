import Taro, { useRouter } from '@tarojs/taro';

export const TAB_PAGES = ['/pages/home/index', '/pages/threads/index', '/pages/me/index'];

/** A query parameter of the current page, decoded ('' when absent). */
export function useParam(name: string): string {
  const value = useRouter().params[name];
  return value ? decodeURIComponent(value) : '';
}

/** Opens a page path; tab pages need switchTab (and take no query). */
export function go(url: string): void {
  const path = url.split('?')[0];
  if (TAB_PAGES.includes(path)) {
    void Taro.switchTab({ url: path });
    return;
  }
  void Taro.navigateTo({ url });
}

/** Whether a notification link is one of our page paths. */
export function isPagePath(link: string): boolean {
  return /^\/(pages|deputy|office|consult|cases|unit|groups)\/[A-Za-z0-9_/-]+(\?.*)?$/.test(link);
}

/** Reads the card code out of a scanned mini-program path or a card URL. */
export function codeFromScan(res: { path?: string; result?: string }): string | null {
  const sources = [res.path, res.result].filter((s): s is string => Boolean(s));
  for (const s of sources) {
    const m = /[?&](?:scene|code)=([^&#]+)/.exec(s);
    if (m) {
      const code = decodeURIComponent(m[1]);
      if (/^[A-Za-z0-9]{4,32}$/.test(code)) return code;
    }
  }
  const raw = (res.result ?? '').trim();
  return /^[A-Za-z0-9]{4,32}$/.test(raw) ? raw : null;
}
