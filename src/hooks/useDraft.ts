import { useCallback, useEffect, useState } from 'react';
import { newRequestId } from '../api';
import { readJson, remove, writeJson } from '../utils/storage';

export interface Draft {
  text: string;
  category?: string;
  /** Made once per draft: a retry after a lost answer does not send twice. */
  requestId: string;
}

/**
 * A message draft kept on the phone until it is sent (the signal in the countryside is weak).
 * The same requestId is reused until the draft is sent.
 */
export function useDraft(key: string, defaults: Partial<Draft> = {}) {
  const [draft, setDraft] = useState<Draft>(() => {
    const saved = readJson<Draft>(key);
    if (saved && typeof saved.text === 'string' && typeof saved.requestId === 'string') return saved;
    return { text: '', requestId: newRequestId(), ...defaults };
  });

  useEffect(() => {
    if (draft.text) writeJson(key, draft);
    else remove(key);
  }, [key, draft]);

  const update = useCallback((patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch })), []);

  /** After a successful send: forget the text, and the next draft gets a new requestId. */
  const clear = useCallback(() => {
    remove(key);
    setDraft((d) => ({ text: '', category: d.category, requestId: newRequestId() }));
  }, [key]);

  return { draft, update, clear };
}
