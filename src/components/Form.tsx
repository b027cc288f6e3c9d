import { Text, Textarea, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { charCount } from '../api/checks';

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

/** How much of a text box's room is used: 12 / 200 (marked when over), counted as the checks count. */
export function Counter({ text, max, className }: { text: string; max: number; className?: string }) {
  const used = charCount(text);
  return (
    <Text className={`counter${className ? ` ${className}` : ''}${used > max ? ' counter--over' : ''}`}>
      {used} / {max}
    </Text>
  );
}

/** A text box of at most `max` characters with its Counter under it; `short` is the smaller box. */
export function TextBox({
  className,
  value,
  max,
  placeholder,
  short,
  onInput,
}: {
  className: string;
  value: string;
  max: number;
  placeholder: string;
  short?: boolean;
  onInput: (text: string) => void;
}) {
  return (
    <>
      <Textarea
        className={`textarea${short ? ' textarea--short' : ''} ${className}`}
        value={value}
        maxlength={max}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
      <Counter text={value} max={max} />
    </>
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
