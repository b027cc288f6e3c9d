import Taro from '@tarojs/taro';
import { useState } from 'react';
import { toApiError } from '../api';
import { uploadImage } from '../api/upload';

/**
 * Photos picked from the phone (album or camera, compressed) and uploaded one by one at once (cloud storage on
 * WeChat, POST /api/files on the local host): `add` gets each file id as it lands, so a lost connection keeps
 * those already up. `pick` answers the error to show, or null (done, or the user cancelled).
 */
export function useImageUpload() {
  const [uploading, setUploading] = useState(false);
  const pick = async (
    userId: string,
    count: number,
    add: (fileId: string, localPath: string) => void,
  ): Promise<string | null> => {
    if (count <= 0) return null;
    let files: { path: string; size: number }[];
    try {
      const r = await Taro.chooseImage({ count, sizeType: ['compressed'] });
      files = r.tempFiles.map((f) => ({ path: f.path, size: f.size }));
    } catch {
      return null; // cancelled
    }
    setUploading(true);
    try {
      for (const f of files) add(await uploadImage(f.path, userId, f.size), f.path);
      return null;
    } catch (e) {
      return toApiError(e).message;
    } finally {
      setUploading(false);
    }
  };
  return { uploading, pick };
}
