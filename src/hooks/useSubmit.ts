import { useEffect, useState } from 'react';
import { newRequestId, toApiError, type ApiError } from '../api';
import { scrollToFirstError } from '../utils/scroll';

/**
 * A form that sends one call. `check` shows the problems found on the phone under their fields
 * (keyed by input name) and says whether to send: only with none, and not while saving. `run` sends
 * (`saving` meanwhile) and shows the server's refusal the same way: its fields, and its message as
 * `error` (FormError leaves out what a field already says); `refused` may do more with it. Whenever fields are marked,
 * the first is scrolled into view, and FormError beside the button says so. `requestId` is the
 * create's id, kept for retries until `reset` clears the form's problems for a new start.
 */
export function useSubmit() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  // Counts the times fields were marked: each one brings the first into view once it is drawn.
  const [marked, setMarked] = useState(0);

  useEffect(() => {
    if (marked) scrollToFirstError();
  }, [marked]);

  const mark = (problems: Record<string, string>) => {
    setFields(problems);
    if (Object.keys(problems).length) setMarked((n) => n + 1);
  };

  const check = (problems: Record<string, string>): boolean => {
    if (saving) return false;
    mark(problems);
    setError('');
    return Object.keys(problems).length === 0;
  };

  const run = async (send: () => Promise<void>, refused?: (err: ApiError) => void) => {
    setSaving(true);
    try {
      await send();
    } catch (e) {
      const err = toApiError(e);
      mark(err.fields);
      setError(err.message);
      refused?.(err);
    } finally {
      setSaving(false);
    }
  };

  const reset = () => {
    setFields({});
    setError('');
    setRequestId(newRequestId());
  };

  return { fields, error, setError, saving, requestId, check, run, reset };
}
