/** The production ports: CloudBase database and storage, and the WeChat open APIs (via wx-server-sdk). */
import { createCloudbaseStore } from '../adapters/cloudbase/store';
import type { CloudDb } from '../adapters/cloudbase/db';
import { hmacHasher, randomIds } from '../adapters/local/ids';
import type { Ports, Verdict } from '../core/ports';

/** The part of wx-server-sdk these ports use. */
export interface WxCloud {
  DYNAMIC_CURRENT_ENV: unknown;
  init(o: { env: unknown }): void;
  getWXContext(): { OPENID?: string };
  database(o?: { throwOnNotFound?: boolean }): unknown;
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(o: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>;
  openapi: {
    security: {
      msgSecCheck(o: {
        openid: string;
        scene: number;
        version: 2;
        content: string;
      }): Promise<{ result?: { suggest?: string } }>;
    };
    subscribeMessage: {
      send(o: {
        touser: string;
        templateId: string;
        page: string;
        data: Record<string, { value: string }>;
        miniprogramState?: string;
      }): Promise<unknown>;
    };
    wxacode: {
      getUnlimited(o: {
        scene: string;
        page: string;
        checkPath: boolean;
        envVersion: string;
      }): Promise<{ buffer: Buffer }>;
    };
  };
}

const TEMPLATE_ENV: Record<string, string> = {
  'message.received': 'TMPL_MESSAGE_RECEIVED',
  'message.replied': 'TMPL_MESSAGE_REPLIED',
  'message.chased': 'TMPL_MESSAGE_CHASED',
  'message.released': 'TMPL_MESSAGE_RELEASED',
};
const RANK: Record<Verdict, number> = { pass: 0, review: 1, risky: 2 };
/** msgSecCheck takes at most 2,500 characters; longer text is checked in pieces, the worst verdict wins. */
const CHUNK = 2500;

export function createWechatPorts(cloud: WxCloud, env: NodeJS.ProcessEnv): Ports {
  const secret = env.ID_HASH_SECRET;
  if (!secret) throw new Error('ID_HASH_SECRET is not set for this cloud function');
  return {
    store: createCloudbaseStore(cloud.database({ throwOnNotFound: false }) as CloudDb),
    content: {
      async text({ text, openid, scene }) {
        let worst: Verdict = 'pass';
        for (let i = 0; i < text.length; i += CHUNK) {
          const r = await cloud.openapi.security.msgSecCheck({
            openid,
            scene,
            version: 2,
            content: text.slice(i, i + CHUNK),
          });
          const v = (r.result?.suggest ?? 'review') as Verdict;
          if ((RANK[v] ?? 1) > RANK[worst]) worst = RANK[v] === undefined ? 'review' : v;
        }
        return worst;
      },
    },
    notifier: {
      async deliver({ openid, kind, title, body, link }) {
        const templateId = env[TEMPLATE_ENV[kind] ?? ''];
        if (!templateId) return 'skipped';
        try {
          await cloud.openapi.subscribeMessage.send({
            touser: openid,
            templateId,
            page: link.replace(/^\//, ''),
            data: { thing1: { value: title.slice(0, 20) }, thing2: { value: body.slice(0, 20) } },
            miniprogramState: env.MINIPROGRAM_STATE ?? 'formal',
          });
          return 'sent';
        } catch (e) {
          // 43101: the user has not subscribed (or used up a one-time subscription).
          if ((e as { errCode?: number }).errCode === 43101) return 'skipped';
          throw e;
        }
      },
    },
    codes: {
      async image({ scene, page }) {
        const r = await cloud.openapi.wxacode.getUnlimited({
          scene,
          page,
          checkPath: false,
          envVersion: env.MINIPROGRAM_STATE === 'trial' ? 'trial' : 'release',
        });
        return r.buffer;
      },
    },
    files: {
      async put(path, bytes) {
        return (await cloud.uploadFile({ cloudPath: path, fileContent: bytes })).fileID;
      },
      async url(fileId) {
        return (await cloud.getTempFileURL({ fileList: [fileId] })).fileList[0]?.tempFileURL ?? '';
      },
    },
    clock: { now: () => new Date() },
    ids: randomIds(),
    hasher: hmacHasher(secret),
    config: {
      publicUrl: env.PUBLIC_URL ?? '',
      dailyMessageLimit: Number(env.DAILY_MESSAGE_LIMIT ?? 10),
      points: { 'message.reply': 1 },
    },
  };
}
