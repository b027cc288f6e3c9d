import { useState } from 'react';
import { newRequestId, toApiError, type ApiError } from '../api';

/**
 * A form that sends one call. `check` shows the problems found on the phone under their fields
 * (keyed by input name) and says whether to send: only with none, and not while saving. `run` sends
 * (`saving` meanwhile) and shows the server's refusal the same way: its fields, and its message as
 * `error`; `refused` may do more with it. `requestId` is the create's id, kept for retries until
 * `reset` clears the form's problems for a new start.
 */
export function useSubmit() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);

  const check = (problems: Record<string, string>): boolean => {
    if (saving) return false;
    setFields(problems);
    setError('');
    return Object.keys(problems).length === 0;
  };

  const run = async (send: () => Promise<void>, refused?: (err: ApiError) => void) => {
    setSaving(true);
    try {
      await send();
    } catch (e) {
      const err = toApiError(e);
      setFields(err.fields);
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
