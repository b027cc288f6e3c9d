import { View, Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useBigFont } from '../hooks/useBigFont';

interface Props {
  className?: string;
  /** H5 only: the local host runs with demo identities. */
  demoBanner?: boolean;
}

/** The root of every page: applies 大字模式 and the page padding. */
export function PageShell({ className, demoBanner, children }: PropsWithChildren<Props>) {
  const big = useBigFont();
  return (
    <View className={`page${big ? ' page--big' : ''}${className ? ` ${className}` : ''}`}>
      {process.env.TARO_ENV === 'h5' && demoBanner ? (
        <View className="demo-banner">
          <Text>演示模式：本地演示环境，身份为演示账号，数据均为虚构。</Text>
        </View>
      ) : null}
      {children}
    </View>
  );
}
