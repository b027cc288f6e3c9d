import { Image, Text, View } from '@tarojs/components';
import { Button } from '../../components/Button';
import { Field } from '../../components/Form';
import { useImageUpload } from '../../hooks/useImageUpload';

/**
 * The deputy's photo on the form: picked from the phone (album or camera) and uploaded at once (2 MB at
 * most); saving the form puts it on the card. `onChange` gets the upload's file id (null: no photo) and
 * what to show meanwhile.
 */
export function PhotoField({
  photo,
  userId,
  error,
  disabled,
  onChange,
  onError,
}: {
  photo: string;
  userId: string | null;
  error?: string;
  disabled: boolean;
  onChange: (photoFileId: string | null, preview: string) => void;
  onError: (message: string) => void;
}) {
  const { uploading, pick } = useImageUpload();
  const choose = async () => {
    if (!userId) return;
    const failed = await pick(userId, 1, (fileId, localPath) => onChange(fileId, localPath));
    if (failed) onError(failed);
  };
  return (
    <Field label="照片（可选）" error={error}>
      <View className="row deputy-photo">
        {photo ? (
          <Image className="card-photo deputy-photo-preview" src={photo} mode="aspectFill" />
        ) : (
          <Text className="muted deputy-photo-none">还没有照片</Text>
        )}
      </View>
      <View className="btn-row">
        <Button
          className="btn btn--ghost deputy-photo-choose"
          disabled={uploading || disabled || !userId}
          onClick={() => void choose()}
        >
          {uploading ? '正在上传…' : photo ? '换一张照片' : '从手机选择照片'}
        </Button>
        {photo ? (
          <Button
            className="btn btn--plain deputy-photo-remove"
            disabled={uploading || disabled}
            onClick={() => onChange(null, '')}
          >
            移除照片
          </Button>
        ) : null}
      </View>
    </Field>
  );
}
