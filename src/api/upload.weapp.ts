import Taro from '@tarojs/taro';
import { ApiError, networkError } from './errors';

/** As the local host allows, so a photo that works on one works on the other. */
export const UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomName = () =>
  Array.from({ length: 16 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');

/**
 * WeChat: a chosen photo goes to cloud storage as uploads/<userId>/<random>.<ext> (the function accepts only
 * the caller's own uploads in its own environment); the answer is its `cloud://` file id.
 */
export async function uploadImage(filePath: string, userId: string, size?: number): Promise<string> {
  if (size !== undefined && size > UPLOAD_MAX_BYTES)
    throw new ApiError('INVALID_INPUT', '每张图片不超过 2MB');
  const m = /\.(jpe?g|png|webp)$/i.exec(filePath);
  const ext = m ? m[1].toLowerCase().replace('jpeg', 'jpg') : 'jpg';
  try {
    const res = await Taro.cloud.uploadFile({
      cloudPath: `uploads/${userId}/${randomName()}.${ext}`,
      filePath,
    });
    return res.fileID;
  } catch {
    throw networkError();
  }
}

/** <Image> shows a cloud file id as it is. */
export const imageSrc = (fileId: string) => fileId;
