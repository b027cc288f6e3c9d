import Taro from '@tarojs/taro';

/** The class Field puts on a field that shows a problem. */
export const FIELD_ERROR_CLASS = 'field--error';

/**
 * Brings the first field that shows a problem into view (the user is at the submit button, further
 * down). H5 keeps earlier pages in the document, hidden: the first one that is shown counts.
 */
export function scrollToFirstError(): void {
  if (process.env.TARO_ENV === 'h5') {
    const el = Array.from(document.querySelectorAll<HTMLElement>(`.${FIELD_ERROR_CLASS}`)).find(
      (e) => e.offsetParent !== null,
    );
    el?.scrollIntoView({ block: 'center' });
    return;
  }
  Taro.pageScrollTo({ selector: `.${FIELD_ERROR_CLASS}`, offsetTop: -120, duration: 200 }).catch(
    () => undefined,
  );
}
