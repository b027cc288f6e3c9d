/**
 * The WeChat implementations of the outward ports. Each takes the `cloud` object explicitly; the WeChat
 * entry point builds them once per cold start:
 *
 *   const ports = createWechatPorts(cloud as unknown as WxCloud, { templates, miniprogramState: 'formal' });
 */
import type { Codes, ContentCheck, Files, MediaCheck, Notifier, OpenData } from '../../core/ports';
import type { WxCloud } from './cloud';
import { createCodes, type CardCodesConfig } from './codes';
import { createContentCheck } from './content';
import { createFiles, type FilesConfig } from './files';
import { createMediaCheck, type MediaConfig } from './media';
import { createOpenData } from './opendata';
import { createNotifier, type NotifierConfig } from './notifier';

export type { WxCloud } from './cloud';
export { createCodes, SCENE_PATTERN } from './codes';
export { chunkText, createContentCheck, MSG_SEC_CHECK_MAX } from './content';
export { createFiles } from './files';
export { createMediaCheck, UPLOAD_NAME } from './media';
export { createOpenData } from './opendata';
export { createNotifier, type SubscribeTemplate } from './notifier';

export type WechatConfig = NotifierConfig & {
  codes?: CardCodesConfig;
  files?: FilesConfig;
  media?: MediaConfig;
};

export function createWechatPorts(
  cloud: WxCloud,
  config: WechatConfig,
): {
  content: ContentCheck;
  media: MediaCheck;
  openData: OpenData;
  notifier: Notifier;
  codes: Codes;
  files: Files;
} {
  return {
    content: createContentCheck(cloud),
    media: createMediaCheck(cloud, config.media ?? { envId: () => undefined }),
    openData: createOpenData(cloud),
    notifier: createNotifier(cloud, config),
    codes: createCodes(cloud, config.codes),
    files: createFiles(cloud, config.files),
  };
}
