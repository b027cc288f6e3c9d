import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState, type PropsWithChildren } from 'react';
import { isDemoHost } from '../api/session';
import { useBigFont } from '../hooks/useBigFont';
import { tapProps } from '../utils/a11y';
import { TAB_PAGES } from '../utils/nav';

interface Props {
  className?: string;
  /** H5 only, and only when the host runs the demo (not on a county's own deployment). */
  demoBanner?: boolean;
}

/**
 * H5 only, on a page that is not a tab and was opened first (a link, a scanned card, a reload): the
 * browser has no earlier page of the app to go back to, and H5 draws no navigation bar, so offer 首页.
 * WeChat draws its own back and home buttons.
 */
function HomeBar() {
  const path = useRouter().path.split('?')[0];
  // Decided once per page: whether an earlier page of the app lies under this one.
  const [alone] = useState(() => Taro.getCurrentPages().length <= 1);
  if (!alone || TAB_PAGES.includes(path)) return null;
  const goHome = () => void Taro.reLaunch({ url: TAB_PAGES[0] });
  return (
    <View className="home-bar">
      <Text {...tapProps(goHome)} className="link home-link" onClick={goHome}>
        ‹ 返回首页
      </Text>
    </View>
  );
}

/** The root of every page: applies 大字模式 and the page padding. */
export function PageShell({ className, demoBanner, children }: PropsWithChildren<Props>) {
  const big = useBigFont();
  return (
    <View className={`page${big ? ' page--big' : ''}${className ? ` ${className}` : ''}`}>
      {process.env.TARO_ENV === 'h5' && demoBanner && isDemoHost() ? (
        <View className="demo-banner">
          <Text>演示模式：本地演示环境，身份为演示账号，数据均为虚构。</Text>
        </View>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? <HomeBar /> : null}
      {children}
    </View>
  );
}
