import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { REPORT_IMAGES_MAX } from '../../../cloudfunctions/modules/cases/constants';
import { Button } from '../../components/Button';
import { Field } from '../../components/Form';
import { PostImages } from '../../components/PostImages';
import { useImageUpload } from '../../hooks/useImageUpload';

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
  const { uploading, pick: upload } = useImageUpload();
  const [error, setError] = useState('');
  const problem = Object.entries(fields).find(([k]) => /^images(\.\d+)?$/.test(k));
  const at = problem ? Number(problem[0].split('.')[1]) : NaN;

  const pick = async () => {
    if (!userId) {
      setError('请先登录再添加照片');
      return;
    }
    setError('');
    let next = images;
    const failed = await upload(userId, REPORT_IMAGES_MAX - images.length, (fileId) => {
      next = [...next, fileId].slice(0, REPORT_IMAGES_MAX);
      onChange(next);
    });
    if (failed) setError(failed);
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
