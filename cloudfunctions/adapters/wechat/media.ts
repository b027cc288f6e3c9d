import { AppError } from '../../core/errors';
import type { MediaCheck } from '../../core/ports';
import type { WxCloud } from './cloud';

export interface MediaConfig {
  /** The environment id of this function (getWXContext().ENV): only our own storage's files are accepted. */
  envId: () => string | undefined;
}

/** An uploaded image's name: `uploads/<userId>/<random>.<jpg|png|webp>` (the client picks the random part). */
export const UPLOAD_NAME = /^[A-Za-z0-9_-]{8,64}\.(jpg|jpeg|png|webp)$/;

/**
 * Images through `security.mediaCheckAsync` (version 2, type image): WeChat downloads the image from a
 * temporary URL of the cloud file and answers later, with the trace id returned here, as the `wxa_media_check`
 * event. A file that is not there (or not ours) rejects before anything is asked.
 */
export function createMediaCheck(cloud: WxCloud, config: MediaConfig): MediaCheck {
  return {
    async accepts(fileId, userId) {
      // cloud://<env>.<bucket>/uploads/<userId>/<name>
      const m = /^cloud:\/\/([A-Za-z0-9-]+)\.[A-Za-z0-9-]+\/uploads\/([A-Za-z0-9]+)\/([^/]+)$/.exec(fileId);
      if (!m || m[2] !== userId || !UPLOAD_NAME.test(m[3])) return false;
      const env = config.envId();
      return !env || m[1] === env;
    },
    async check({ fileId, openid, scene }) {
      const res = await cloud.getTempFileURL({ fileList: [fileId] });
      const item = res?.fileList?.[0];
      if (!item || item.status !== 0 || !item.tempFileURL)
        throw new AppError('INVALID_INPUT', '图片不存在或已过期，请重新选择', { images: '图片无效' });
      const answer = await cloud.openapi.security.mediaCheckAsync({
        mediaUrl: item.tempFileURL,
        mediaType: 2,
        version: 2,
        openid,
        scene,
      });
      if (answer?.errCode || !answer?.traceId)
        throw new Error(`mediaCheckAsync: unexpected answer ${JSON.stringify(answer)}`);
      return { traceId: answer.traceId };
    },
  };
}
