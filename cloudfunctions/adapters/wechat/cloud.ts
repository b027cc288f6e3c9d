/**
 * The part of the wx-server-sdk `cloud` object the WeChat ports call — typed here so the ports take it as a
 * parameter (no globals, no SDK types) and tests can pass a fake. The entry point passes the real `cloud`
 * (`cloud as unknown as WxCloud`) after `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })`.
 *
 * Cloud calls (`cloud.openapi.*`) take camelCase parameters (the SDK converts them to the HTTPS API's
 * snake_case), answer camelCase, and REJECT when WeChat answers a non-zero errcode: the error carries
 * `errCode` (e.g. 43101) and `errMsg`. Each function must list the APIs it calls under
 * `permissions.openapi` in its config.json.
 */

export interface OpenApiError {
  errCode: number;
  errMsg: string;
}

export type SecScene = 1 | 2 | 3 | 4;
export type Suggest = 'pass' | 'review' | 'risky';

export interface MsgSecCheckResult {
  errCode: number;
  errMsg: string;
  /** The combined verdict (v2). `label` 100 is normal; others name the category of the problem. */
  result?: { suggest: Suggest; label: number };
  detail?: Array<{ strategy: string; errcode: number; suggest?: Suggest; label?: number; prob?: number }>;
  traceId?: string;
}

export type MiniprogramState = 'developer' | 'trial' | 'formal';
export type EnvVersion = 'release' | 'trial' | 'develop';

export interface WxCloud {
  openapi: {
    security: {
      msgSecCheck(params: {
        openid: string;
        scene: SecScene;
        version: 2;
        content: string;
      }): Promise<MsgSecCheckResult>;
      /**
       * Starts the check of an image at a URL WeChat can download (a temporary URL of the cloud file); the
       * verdict arrives within 30 minutes as the `wxa_media_check` message-push event with this `traceId`.
       */
      mediaCheckAsync(params: {
        mediaUrl: string;
        /** 1 audio, 2 image */
        mediaType: 1 | 2;
        version: 2;
        openid: string;
        scene: SecScene;
      }): Promise<{ errCode: number; errMsg: string; traceId?: string }>;
    };
    cloudbase: {
      /** Decrypts open data by its CloudID (e.g. wx.getGroupEnterInfo's); `json` is the data, as text or parsed. */
      getOpenData(params: { openid: string; cloudidList: string[] }): Promise<{
        errCode: number;
        errMsg: string;
        dataList?: Array<{ cloudId?: string; cloudID?: string; json: string | Record<string, unknown> }>;
      }>;
    };
    subscribeMessage: {
      send(params: {
        touser: string;
        templateId: string;
        page?: string;
        data: Record<string, { value: string }>;
        miniprogramState?: MiniprogramState;
        lang?: 'zh_CN';
      }): Promise<{ errCode: number; errMsg: string }>;
    };
    wxacode: {
      getUnlimited(params: {
        scene: string;
        page?: string;
        checkPath?: boolean;
        envVersion?: EnvVersion;
        width?: number;
      }): Promise<{ contentType: string; buffer: Buffer }>;
    };
  };
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(params: { fileList: Array<string | { fileID: string; maxAge?: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg: string }>;
  }>;
}

/**
 * The `wxa_media_check` message-push event (云开发 → 消息推送, to the `jobs` function): the verdict of one
 * mediaCheckAsync call, by its trace id.
 */
export interface MediaCheckEvent {
  MsgType: 'event';
  Event: 'wxa_media_check';
  appid?: string;
  trace_id: string;
  version?: number;
  result?: { suggest: Suggest; label: number | string };
}

/** The WeChat errcode of a rejected cloud call, if it is one. */
export function errCodeOf(e: unknown): number | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { errCode?: unknown }).errCode : undefined;
  return typeof code === 'number' ? code : undefined;
}
