import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { REPORT_IMAGES_MAX } from '../../../cloudfunctions/modules/cases/constants';
import { toApiError } from '../../api';
import { uploadImage } from '../../api/upload';
import { Button } from '../../components/Button';
import { Field } from '../../components/Form';
import { PostImages } from '../../components/PostImages';

/**
 * A report's photos: picked from the phone and uploaded at once (cloud storage on WeChat, POST /api/files on
 * the local host); the report then carries their file ids. A photo the server refuses (not one's own, or not
 * passing the check) is named by its place, with a way to take it out.
 */
export function Photos({
  images,
  userId,
  fields,
  onChange,
}: {
  images: string[];
  userId: string | null;
  fields: Record<string, string>;
  onChange: (images: string[]) => void;
}) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState('');
  const problem = Object.entries(fields).find(([k]) => /^images(\.\d+)?$/.test(k));
  const at = problem ? Number(problem[0].split('.')[1]) : NaN;

  const pick = async () => {
    const room = REPORT_IMAGES_MAX - images.length;
    if (room <= 0) return;
    if (!userId) {
      setError('请先登录再添加照片');
      return;
    }
    let files: { path: string; size: number }[];
    try {
      const r = await Taro.chooseImage({ count: room, sizeType: ['compressed'] });
      files = r.tempFiles.map((f) => ({ path: f.path, size: f.size }));
    } catch {
      return; // cancelled
    }
    setUploading(true);
    setError('');
    let next = images;
    try {
      for (const f of files) {
        next = [...next, await uploadImage(f.path, userId, f.size)].slice(0, REPORT_IMAGES_MAX);
        onChange(next);
      }
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setUploading(false);
    }
  };

  const label = Number.isInteger(at) ? `第 ${at + 1} 张：${problem![1]}` : problem?.[1];
  return (
    <Field label="照片（可选）" error={error || label}>
      <View className="case-photos">
        <PostImages images={images.map((fileId) => ({ fileId, status: 'pass' }))} />
      </View>
      {Number.isInteger(at) && images[at] ? (
        <Text className="link case-photo-remove" onClick={() => onChange(images.filter((_, i) => i !== at))}>
          去掉第 {at + 1} 张
        </Text>
      ) : null}
      {images.length ? (
        <Text className="link case-photos-clear" style={{ marginLeft: '16px' }} onClick={() => onChange([])}>
          清除照片
        </Text>
      ) : null}
      <Button
        className="btn btn--plain btn--small case-add-photo"
        disabled={uploading || images.length >= REPORT_IMAGES_MAX}
        onClick={() => void pick()}
      >
        {uploading ? '正在上传…' : `添加照片（${images.length}/${REPORT_IMAGES_MAX}）`}
      </Button>
      <Text className="muted" style={{ display: 'block' }}>
        照片经过安全检查后，办理的人才能看到；公开时不显示照片。
      </Text>
    </Field>
  );
}
