import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { goSignIn, type ApiError } from '../api';
import type { LoadStatus } from '../hooks/useLoad';
import { go } from '../utils/nav';
import { Button } from './Button';

/** A page to offer where the content could not be shown (a way on instead of a dead end). */
export interface Way {
  text: string;
  url: string;
  className?: string;
}

interface Props {
  status: LoadStatus;
  error?: ApiError | null;
  onRetry?: () => void;
  /** Pages to offer under an error, beside 重试. */
  ways?: Way[];
  empty?: boolean;
  emptyText?: string;
  loadingText?: string;
}

/** Loading, error (with 重试 and `ways` on) and empty states around any content. */
export function Loadable({
  status,
  error,
  onRetry,
  ways = [],
  empty,
  emptyText = '暂无内容',
  loadingText = '正在加载…',
  children,
}: PropsWithChildren<Props>) {
  if (status === 'loading') {
    return (
      <View className="state state--loading">
        <Text className="state-text">{loadingText}</Text>
      </View>
    );
  }
  if (status === 'error') {
    const needSignIn = process.env.TARO_ENV === 'h5' && error?.code === 'UNAUTHENTICATED';
    return (
      <View className="state state--error">
        <Text className="state-text">{error?.message || '加载失败'}</Text>
        <View className="btn-row">
          {onRetry ? (
            <Button className="btn btn--ghost retry-button" onClick={onRetry}>
              重试
            </Button>
          ) : null}
          {needSignIn ? (
            <Button className="btn" onClick={() => goSignIn()}>
              去登录
            </Button>
          ) : null}
          {ways.map((w) => (
            <Button
              key={w.url}
              className={`btn btn--plain${w.className ? ` ${w.className}` : ''}`}
              onClick={() => go(w.url)}
            >
              {w.text}
            </Button>
          ))}
        </View>
      </View>
    );
  }
  if (empty) {
    return (
      <View className="state state--empty">
        <Text className="state-text">{emptyText}</Text>
        {onRetry ? (
          <Button className="btn btn--plain btn--small" onClick={onRetry}>
            刷新
          </Button>
        ) : null}
      </View>
    );
  }
  return <>{children}</>;
}
