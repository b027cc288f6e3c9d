import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { LEVEL_LABEL } from '../../utils/labels';
import './index.scss';

export default function DeputyCard() {
  const { data: card, status, error, reload } = useResource(() => call('contact', 'myCard', {}), 'myCard');
  const [saving, setSaving] = useState(false);

  const saveImage = async () => {
    if (!card) return;
    setSaving(true);
    try {
      let filePath: string;
      if (card.imageUrl.startsWith('cloud://')) {
        // A CloudBase file id: only the cloud API can download it.
        filePath = (await Taro.cloud.downloadFile({ fileID: card.imageUrl })).tempFilePath;
      } else {
        const file = await Taro.downloadFile({ url: card.imageUrl });
        if (file.statusCode !== 200) throw new Error('download');
        filePath = file.tempFilePath;
      }
      await Taro.saveImageToPhotosAlbum({ filePath });
      void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? '');
      void Taro.showModal({
        title: '保存失败',
        content: /auth|deny/i.test(msg)
          ? '需要允许保存到相册。请在右上角“…”→“设置”中打开相册权限后重试。'
          : '图片下载失败，请检查网络后重试。',
        showCancel: false,
      });
    } finally {
      setSaving(false);
    }
  };

  const d = card?.deputy;
  return (
    <PageShell className="my-card-page" demoBanner>
      <Loadable status={status} error={error} onRetry={() => void reload()}>
        {card && d ? (
          <View>
            <View className="section contact-card">
              <Text className="h1">{d.name}</Text>
              <Text className="text" style={{ display: 'block' }}>
                {LEVEL_LABEL[d.level]} · {d.constituencyName}
              </Text>
              {d.stationName ? (
                <Text className="muted" style={{ display: 'block' }}>
                  {d.stationName}
                </Text>
              ) : null}
              <Image
                className="card-code"
                src={card.imageUrl}
                mode="aspectFit"
                showMenuByLongpress
                ariaLabel={`${d.name} 代表的联系卡二维码`}
                nativeProps={{ alt: `${d.name} 代表的联系卡二维码` }}
              />
              <Text className="muted" style={{ display: 'block', textAlign: 'center' }}>
                群众用微信扫一扫，即可给您留言
              </Text>
            </View>
            {process.env.TARO_ENV === 'h5' ? (
              <a
                className="btn btn--block save-link card-save"
                href={card.imageUrl}
                download={`联系卡-${d.name}.png`}
              >
                保存图片
              </a>
            ) : (
              <Button className="btn btn--block card-save" disabled={saving} onClick={() => void saveImage()}>
                {saving ? '正在保存…' : '保存图片'}
              </Button>
            )}
            <Text className="muted" style={{ display: 'block', marginTop: '16px' }}>
              联系卡编码：{d.code}
            </Text>
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
