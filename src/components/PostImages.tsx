import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { imageSrc } from '../api/upload';
import './PostImages.scss';

interface Img {
  fileId: string;
  status: 'pending' | 'pass' | 'review' | 'risky' | 'hidden';
}

const STATUS_NOTE: Record<Img['status'], string> = {
  pass: '',
  pending: '审核中',
  review: '待人工审核',
  risky: '未通过审核',
  hidden: '未公开',
};

/**
 * A post's photos in a grid of three; a tap opens them full screen. Photos not yet passed (only their author
 * and staff are sent them) carry a note of why the others do not see them.
 */
export function PostImages({ images, withheld = 0 }: { images: Img[]; withheld?: number }) {
  if (images.length === 0 && withheld === 0) return null;
  const urls = images.map((i) => imageSrc(i.fileId));
  return (
    <View className="post-images">
      {images.map((img, i) => (
        <View key={img.fileId} className="post-image-cell">
          <Image
            className="post-image"
            src={urls[i]}
            mode="aspectFill"
            lazyLoad
            ariaLabel={`图片 ${i + 1}`}
            nativeProps={{ alt: `图片 ${i + 1}` }}
            onClick={() => void Taro.previewImage({ urls, current: urls[i] })}
          />
          {img.status !== 'pass' ? <Text className="post-image-note">{STATUS_NOTE[img.status]}</Text> : null}
        </View>
      ))}
      {withheld > 0 ? (
        <Text className="muted post-images-withheld" style={{ display: 'block' }}>
          另有 {withheld} 张图片正在审核，通过后显示
        </Text>
      ) : null}
    </View>
  );
}
