import type { NotificationKind } from '../records';

export type { Store, Tx, After, ListOptions, Storage } from './store';
import type { Store } from './store';

export type Verdict = 'pass' | 'review' | 'risky';

/** 内容安全: WeChat msgSecCheck v2 in production, a word list locally. */
export interface ContentCheck {
  text(input: { text: string; openid: string; scene: 1 | 2 | 3 | 4 }): Promise<Verdict>;
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
  };
}
