import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
    }
  });
  // An address that names no page would be a blank screen. H5 says so, with a way home; WeChat (an old
  // shared link or code) opens the home page.
  usePageNotFound((res) => {
    if (process.env.TARO_ENV === 'h5') {
      void Taro.redirectTo({ url: `/pages/notfound/index?path=${encodeURIComponent(res.path)}` });
    } else {
      void Taro.reLaunch({ url: '/pages/home/index' });
    }
  });
  return children;
}

export default App;
