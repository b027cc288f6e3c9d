import { Text, Textarea, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { charCount } from '../api/checks';
import { tapProps } from '../utils/a11y';

/** One labelled input of a form, with the problem found with it (on the phone or by the server). */
export function Field({ label, error, children }: PropsWithChildren<{ label?: string; error?: string }>) {
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      {label ? <Text className="label">{label}</Text> : null}
      {children}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}

/**
 * How much of a text box's room is used: 12 / 200, counted as the checks count. Over the limit (a long
 * paste: the box keeps all of it, nothing is cut behind the writer's back) it is marked and says by how
 * much, right under the box.
 */
export function Counter({ text, max, className }: { text: string; max: number; className?: string }) {
  const used = charCount(text);
  const over = used - max;
  return (
    <View className={`counter${className ? ` ${className}` : ''}${over > 0 ? ' counter--over' : ''}`}>
      <Text className="num">
        {used} / {max}
      </Text>
      {over > 0 ? (
        <Text className="counter-over" style={{ display: 'block' }}>
          超出 {over} 字（最多 {max} 字），请删减后再提交
        </Text>
      ) : null}
    </View>
  );
}

/**
 * A text box of at most `max` characters with its Counter under it; `short` is the smaller box. The box
 * itself takes more (a paste is never cut silently): the Counter says what is over, the check refuses it.
 */
export function TextBox({
  className,
  value,
  max,
  placeholder,
  short,
  onInput,
  counterClassName,
}: {
  className: string;
  value: string;
  max: number;
  placeholder: string;
  short?: boolean;
  onInput: (text: string) => void;
  counterClassName?: string;
}) {
  return (
    <>
      <Textarea
        className={`textarea${short ? ' textarea--short' : ''} ${className}`}
        value={value}
        maxlength={-1}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
      <Counter text={value} max={max} className={counterClassName} />
    </>
  );
}

/**
 * What stopped a form, beside its submit button (where the user is looking): the server's refusal, and
 * how many fields above are marked (useSubmit scrolls to the first). A refusal that only repeats what a
 * field already says is not shown twice.
 */
export function FormError({
  submit,
  className,
}: {
  submit: { error: string; fields: Record<string, string> };
  className?: string;
}) {
  const problems = Object.values(submit.fields).filter(Boolean);
  const error = submit.error && !problems.includes(submit.error) ? submit.error : '';
  if (!error && problems.length === 0) return null;
  return (
    <View className={`form-error${className ? ` ${className}` : ''}`}>
      {error ? <Text className="error-text">{error}</Text> : null}
      {problems.length ? (
        <Text className="error-text form-error-fields">
          {problems.length === 1
            ? '还有一处需要改正，请看上面标红的地方'
            : `还有 ${problems.length} 处需要改正，请看上面标红的地方`}
        </Text>
      ) : null}
    </View>
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
    <View
      {...tapProps(onClick)}
      {...(process.env.TARO_ENV === 'h5' ? { ariaPressed: String(on) } : {})}
      className={`chip${className ? ` ${className}` : ''}${on ? ' chip--on' : ''}`}
      onClick={onClick}
    >
      {children}
    </View>
  );
}
