import { Button as TaroButton, Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { tapProps } from '../utils/a11y';

interface Props {
  className?: string;
  /** Greyed out and inert (e.g. while saving). */
  disabled?: boolean;
  /**
   * What has to happen before the button can act (请先选择选区): the button is greyed out and inert,
   * and this is said right under it.
   */
  missing?: string | string[] | null;
  onClick?: () => void;
  /** The name read out by a screen reader, when the label alone does not say it. */
  ariaLabel?: string;
}

/**
 * Every button of the app. A disabled one never acts — the tap handler is not even attached, as
 * WeChat and Taro's H5 button both still deliver taps to a disabled button — and looks greyed out with
 * a readable label (app.scss .btn--disabled); `missing` says why it cannot act yet.
 */
export function Button({
  className = 'btn',
  disabled,
  missing,
  onClick,
  ariaLabel,
  children,
}: PropsWithChildren<Props>) {
  const why = (Array.isArray(missing) ? missing : missing ? [missing] : []).filter(Boolean);
  const off = Boolean(disabled) || why.length > 0;
  return (
    <>
      <TaroButton
        {...tapProps(onClick, off)}
        className={`${className}${off ? ' btn--disabled' : ''}`}
        disabled={off}
        ariaLabel={ariaLabel}
        onClick={off || !onClick ? undefined : () => onClick()}
      >
        {children}
      </TaroButton>
      {why.length ? (
        <Text className="btn-missing">{why.length === 1 ? why[0] : why.map((w) => `· ${w}`).join('\n')}</Text>
      ) : null}
    </>
  );
}
