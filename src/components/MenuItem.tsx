import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { tapProps } from '../utils/a11y';

/** One line of a menu: what it opens or does, with › at the end. */
export function MenuItem({
  className,
  onClick,
  children,
}: PropsWithChildren<{ className?: string; onClick: () => void }>) {
  return (
    <View {...tapProps(onClick)} className={`menu-item${className ? ` ${className}` : ''}`} onClick={onClick}>
      <Text>{children}</Text>
      <Text className="chevron">›</Text>
    </View>
  );
}
