import Taro from '@tarojs/taro';
import type { PickedFile } from './pickFile.types';

/** WeChat: pick a file from a chat and read it as base64. Resolves null when cancelled. */
export async function pickRegisterFile(): Promise<PickedFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] });
  } catch {
    return null;
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const contentBase64 = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'base64',
      success: (res) => resolve(String(res.data)),
      fail: () => reject(new Error('读取文件失败')),
    });
  });
  return { name: file.name, size: file.size, contentBase64 };
}
