import type { Notifier } from '../../core/ports';
import { fullDateTime } from '../../core/time';
import { errCodeOf, type MiniprogramState, type WxCloud } from './cloud';

/** What fills one keyword of a template. */
export type TemplateSource = 'title' | 'body' | 'time';

export interface SubscribeTemplate {
  /** The template id from 订阅消息 in the mini-program admin console. */
  templateId: string;
  /** Template keyword (as in `{{thing1.DATA}}` → `thing1`) → what fills it. */
  fields: Record<string, TemplateSource>;
}

export interface NotifierConfig {
  /** By notification kind; kinds without one stay in the in-app list. */
  templates: Partial<Record<string, SubscribeTemplate>>;
  /** Which build a tap opens; default 'formal' (正式版). */
  miniprogramState?: MiniprogramState;
  /** For `time` keywords; defaults to the wall clock. */
  now?: () => Date;
}

/** WeChat's 43101: the user has not subscribed (or used up a one-time subscription). */
export const ERR_NOT_SUBSCRIBED = 43101;

/** Longest text each keyword type takes (订阅消息参数值内容限制), in characters. */
const TEXT_LIMITS: Record<string, number> = {
  thing: 20,
  short_thing: 5,
  phrase: 5,
  name: 10,
  character_string: 32,
};
const TIME_TYPES = ['time', 'date'];

const typeOf = (keyword: string) => keyword.replace(/\d+$/, '');

/** Fits text to a keyword: one line, at most `max` characters, an ellipsis where cut (not in codes). */
function fit(text: string, keywordType: string): string {
  const max = TEXT_LIMITS[keywordType];
  const chars = Array.from(text.replace(/\s+/g, ' ').trim() || '-');
  if (chars.length <= max) return chars.join('');
  return keywordType === 'character_string'
    ? chars.slice(0, max).join('')
    : chars.slice(0, max - 1).join('') + '…';
}

/**
 * Subscription messages (`subscribeMessage.send`). A kind without a template, a user without an openid,
 * and errcode 43101 (no subscription left) are 'skipped' — the notification stays in the in-app list.
 * Any other failure rejects with the SDK's error, so the jobs timer can count the attempt and retry.
 */
export function createNotifier(cloud: WxCloud, config: NotifierConfig): Notifier {
  // Refuse a template the API would refuse (47003) at start-up rather than on every send.
  for (const [kind, t] of Object.entries(config.templates)) {
    if (!t) continue;
    if (!t.templateId) throw new Error(`subscribe template for ${kind}: templateId is empty`);
    for (const [keyword, source] of Object.entries(t.fields)) {
      const ok = source === 'time' ? TIME_TYPES.includes(typeOf(keyword)) : typeOf(keyword) in TEXT_LIMITS;
      if (!ok) throw new Error(`subscribe template for ${kind}: ${keyword} cannot hold the ${source}`);
    }
  }
  const now = config.now ?? (() => new Date());

  return {
    async deliver({ openid, kind, title, body, link }) {
      const template = config.templates[kind];
      if (!template || !openid) return 'skipped';
      const data: Record<string, { value: string }> = {};
      for (const [keyword, source] of Object.entries(template.fields)) {
        const value =
          source === 'time' ? fullDateTime(now()) : fit(source === 'title' ? title : body, typeOf(keyword));
        data[keyword] = { value };
      }
      try {
        await cloud.openapi.subscribeMessage.send({
          touser: openid,
          templateId: template.templateId,
          page: link.replace(/^\/+/, ''), // a page path inside the mini-program, without the leading slash
          data,
          miniprogramState: config.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        });
        return 'sent';
      } catch (e) {
        if (errCodeOf(e) === ERR_NOT_SUBSCRIBED) return 'skipped';
        throw e;
      }
    },
  };
}
