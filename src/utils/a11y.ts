/**
 * H5 only: what makes a tappable element a button to a screen reader and the keyboard (Taro's H5
 * button and views are custom elements with no role and no focus). Taro passes string and number props
 * on as attributes (camelCase to dash-case) and on* props as event listeners. On WeChat it is nothing:
 * the mini-program's own button is one already, and unknown props are not rendered.
 */
export function tapProps(onTap?: () => void, disabled = false): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') return {};
  return {
    role: 'button',
    tabindex: disabled ? -1 : 0,
    ariaDisabled: disabled ? 'true' : 'false',
    ...(onTap && !disabled
      ? {
          onKeyDown: (e: { key?: string; preventDefault?: () => void }) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault?.();
              onTap();
            }
          },
        }
      : {}),
  };
}
