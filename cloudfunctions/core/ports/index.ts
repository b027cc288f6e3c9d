import type { NotificationKind } from '../records';

export type { Store, Tx, After, ListOptions, Storage } from './store';
import type { Store } from './store';

export type Verdict = 'pass' | 'review' | 'risky';

/** 内容安全: WeChat msgSecCheck v2 in production, a word list locally. */
export interface ContentCheck {
  text(input: { text: string; openid: string; scene: 1 | 2 | 3 | 4 }): Promise<Verdict>;
}

/** What the image check answers: a verdict at once, or a trace whose verdict arrives later as an event. */
export type MediaVerdict = { verdict: Verdict } | { traceId: string };

/**
 * 内容安全 for images: WeChat `security.mediaCheckAsync` in production (the verdict arrives later as the
 * `wxa_media_check` message-push event to the `jobs` function), answered at once locally.
 */
export interface MediaCheck {
  /**
   * Whether `fileId` is an image this user uploaded through the app: our own storage's `uploads/<userId>/`
   * (`cloud://<this env>…/uploads/…` on WeChat, `local://uploads/…` on the local host), and there.
   */
  accepts(fileId: string, userId: string): Promise<boolean>;
  /** Starts the check of one uploaded image. Rejects when the file cannot be read. */
  check(input: { fileId: string; openid: string; scene: 1 | 2 | 3 | 4 }): Promise<MediaVerdict>;
}

/** A WeChat chat group (微信群) a user opened a card in, as only the platform can tell it. */
export interface ChatGroup {
  /** The chat's id for this mini-program (stored as-is; never its name, which we cannot read). */
  opengid: string;
  /** Stands in for a real chat on the local host (never accepted on WeChat). */
  demo: boolean;
}

/**
 * 开放数据: what the platform attached to a call. On WeChat the client passes `wx.cloud.CloudID(cloudID)` as the
 * envelope's top-level `chat` and the function receives it decrypted; the adapter confirms it with
 * `cloudbase.getOpenData` (a plain object of the same shape could come from any client). Locally a demo
 * parameter `{ demo }` stands in.
 */
export interface OpenData {
  /** The chat group of the envelope's `chat`; null when there is none (or it cannot be confirmed). */
  chat(raw: unknown, who: { openid: string }): Promise<ChatGroup | null>;
}

/** Delivers one notification outside the app (a subscription message on WeChat). */
export interface Notifier {
  /** 'sent' when delivered, 'skipped' when the channel has nothing to do (e.g. no subscription). */
  deliver(input: {
    openid: string;
    kind: NotificationKind;
    title: string;
    body: string;
    link: string;
  }): Promise<'sent' | 'skipped'>;
}

/** Scannable codes: mini-program codes (小程序码) on WeChat, QR images of the H5 URL locally. */
export interface Codes {
  /** PNG bytes of a code that opens `page` with `scene`. */
  image(input: { scene: string; page: string }): Promise<Buffer>;
  /** A QR image (data URL) of a short text, e.g. a booking code staff scan at the desk. */
  qr(text: string): Promise<string>;
}

/** Cloud storage on WeChat; a folder locally. */
export interface Files {
  put(path: string, bytes: Buffer, contentType: string): Promise<string>;
  /** A URL the client can show (temporary on WeChat). */
  url(fileId: string): Promise<string>;
}

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A unique, URL-safe id. */
  next(): string;
  /** A short code from an alphabet without look-alike characters. */
  code(length: number): string;
}

/** The keyed hash that stands in for ID numbers. */
export interface Hasher {
  idHash(idNumber: string): string;
}

export interface Ports {
  store: Store;
  content: ContentCheck;
  media: MediaCheck;
  openData: OpenData;
  notifier: Notifier;
  codes: Codes;
  files: Files;
  clock: Clock;
  ids: Ids;
  hasher: Hasher;
  /** Settings that differ per deployment. */
  config: {
    /** Public base URL of the H5 app (local QR codes point here). */
    publicUrl: string;
    /** Messages one sender may send per day. */
    dailyMessageLimit: number;
    /** Duty points per activity type (locality-specific; defaults come from the modules). */
    points: Record<string, number>;
    /**
     * Subscription-message templates the client may ask users to accept (wx.requestSubscribeMessage), by
     * notification kind; `longTerm` for a long-term (长期订阅) template. Absent where there are none (locally).
     */
    subscriptions?: Partial<Record<string, { templateId: string; longTerm: boolean }>>;
  };
}
