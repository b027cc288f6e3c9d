import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

/** One labelled input of a form, with the problem found with it (on the phone or by the server). */
export function Field({ label, error, children }: PropsWithChildren<{ label?: string; error?: string }>) {
  return (
    <View className="field">
      {label ? <Text className="label">{label}</Text> : null}
      {children}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}

/** How much of a text box's room is used: 12 / 200. */
export function Counter({ text, max }: { text: string; max: number }) {
  return (
    <Text className="counter">
      {text.length} / {max}
    </Text>
  );
}

/** A chip: one choice of several, or a switch; `on` when chosen. */
export function Chip({
  on,
  className,
  onClick,
  children,
}: PropsWithChildren<{ on: boolean; className?: string; onClick: () => void }>) {
  return (
    <View className={`chip${className ? ` ${className}` : ''}${on ? ' chip--on' : ''}`} onClick={onClick}>
      {children}
    </View>
  );
}
