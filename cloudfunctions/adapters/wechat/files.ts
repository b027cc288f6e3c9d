import type { Files } from '../../core/ports';
import type { WxCloud } from './cloud';

export interface FilesConfig {
  /** Seconds a temporary URL stays valid; WeChat's default when omitted. */
  maxAge?: number;
}

/**
 * Cloud storage: `uploadFile` returns the file's `cloud://` fileID, which is what we store;
 * `getTempFileURL` turns it into an https URL the client can show. Storage infers the content type from
 * the path's extension, so `put` callers name files with the right one (cards/ABC.png).
 */
export function createFiles(cloud: WxCloud, config: FilesConfig = {}): Files {
  return {
    async put(path, bytes, _contentType) {
      const res = await cloud.uploadFile({ cloudPath: path.replace(/^\/+/, ''), fileContent: bytes });
      if (!res?.fileID) throw new Error(`uploadFile answered without a fileID for ${path}`);
      return res.fileID;
    },
    async url(fileId) {
      const entry = config.maxAge ? { fileID: fileId, maxAge: config.maxAge } : fileId;
      const res = await cloud.getTempFileURL({ fileList: [entry] });
      const item = res?.fileList?.[0];
      if (!item || item.status !== 0 || !item.tempFileURL) {
        throw new Error(`getTempFileURL failed for ${fileId}: ${item?.errMsg ?? 'no answer'}`);
      }
      return item.tempFileURL;
    },
  };
}
