import { ApiError, networkError } from './errors';
import { getToken, needsRenewal, renewSession } from './session';
import type { Envelope } from './types';

/** The host's limit (POST /api/files). */
export const UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

/**
 * H5: a chosen photo (a blob: URL from chooseImage) goes to the local host's POST /api/files, which keeps it
 * under uploads/<userId>/ and answers its `local://` file id. `userId` is WeChat's concern only.
 */
export async function uploadImage(filePath: string, _userId?: string, size?: number): Promise<string> {
  if (size !== undefined && size > UPLOAD_MAX_BYTES)
    throw new ApiError('INVALID_INPUT', '每张图片不超过 2MB');
  let blob: Blob;
  try {
    blob = await (await fetch(filePath)).blob();
  } catch {
    throw new ApiError('INVALID_INPUT', '读取图片失败，请重新选择');
  }
  if (blob.size > UPLOAD_MAX_BYTES) throw new ApiError('INVALID_INPUT', '每张图片不超过 2MB');
  if (needsRenewal()) await renewSession();
  const headers: Record<string, string> = { 'Content-Type': blob.type || 'application/octet-stream' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let env: Envelope<{ fileId: string }>;
  try {
    const res = await fetch('/api/files', { method: 'POST', headers, body: blob });
    env = (await res.json()) as Envelope<{ fileId: string }>;
  } catch {
    throw networkError();
  }
  if (!env.ok) throw new ApiError(env.error.code, env.error.message, env.error.fields);
  return env.data.fileId;
}

/** The host serves stored files at /files/. */
export const imageSrc = (fileId: string) =>
  fileId.startsWith('local://') ? `/files/${fileId.slice('local://'.length)}` : fileId;
