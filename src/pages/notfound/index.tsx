import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../components/Button';
import { PageShell } from '../../components/PageShell';
import { go, useParam } from '../../utils/nav';

/** H5 only: where an address that names no page of the app lands (app.tsx sends it here). */
export default function NotFound() {
  const path = useParam('path');
  return (
    <PageShell className="notfound-page" demoBanner>
      <View className="section notfound">
        <Text className="h1">没有找到这个页面</Text>
        <Text className="text" style={{ display: 'block' }}>
          网址可能输错了，或者这个页面已经不在了。
        </Text>
        {path ? (
          <Text className="muted" style={{ display: 'block' }}>
            网址：{path}
          </Text>
        ) : null}
        <View className="btn-row">
          <Button
            className="btn notfound-home"
            onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}
          >
            返回首页
          </Button>
          <Button className="btn btn--plain" onClick={() => go('/pages/receptions/index')}>
            代表接待日
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
