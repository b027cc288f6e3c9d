import { useState } from 'react';
import { toApiError, type ApiError } from '../api';
import { fieldProblem, ruleOf } from '../api/checks';
import { useDraft, type Draft } from './useDraft';

/** Refusals any send of a message text may meet, as shown under the box. */
const SEND_ERRORS: Record<string, string> = {
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再发',
  RATE_LIMITED: '发送太频繁了，请稍后再试',
};

/** The contact actions that send a message text. */
type TextAction = 'send' | 'reply' | 'followUp';

/** The text checked as `action` will check it. */
const problemWith = (action: TextAction, text: string) =>
  fieldProblem(ruleOf('contact', action, 'text'), text, { name: '内容', missing: '请先填写内容' });

function refusal(err: ApiError, errors: Record<string, string>): string {
  if (err.code === 'NETWORK') return `${err.message}。草稿已保存在手机上，可稍后再点发送。`;
  return (
    errors[err.code] ||
    SEND_ERRORS[err.code] ||
    err.fields.text ||
    err.fields.category ||
    err.fields.deputyId ||
    err.message
  );
}

/**
 * A message text written in a Composer and sent once by `action` (a new message, a reply, a follow-up).
 * The draft stays on the phone under `draftKey` until it is sent, with the requestId a retry
 * reuses. Sending checks the text (and `check`, for what else must be right), calls `send` with
 * the trimmed text, clears the draft when it answers and then hands the answer to `onSent`.
 * A refusal shows under the box, worded by `errors` first (by error code).
 */
export function useComposer<R>({
  action,
  draftKey,
  defaults,
  check,
  send,
  onSent,
  errors = {},
}: {
  action: TextAction;
  draftKey: string;
  defaults?: Partial<Draft>;
  check?: () => string | null;
  send: (text: string, draft: Draft) => Promise<R>;
  onSent: (res: R) => void | Promise<void>;
  errors?: Record<string, string>;
}) {
  const { draft, update, clear } = useDraft(draftKey, defaults);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');

  const submit = async () => {
    if (sending) return;
    const problem = problemWith(action, draft.text) ?? check?.() ?? null;
    if (problem) {
      setError(problem);
      return;
    }
    setError('');
    setSending(true);
    try {
      const res = await send(draft.text.trim(), draft);
      clear();
      await onSent(res);
    } catch (e) {
      setError(refusal(toApiError(e), errors));
    } finally {
      setSending(false);
    }
  };

  return {
    draft,
    update,
    /** The Composer's value, input, send button and error. */
    composer: {
      value: draft.text,
      onInput: (text: string) => {
        update({ text });
        if (error) setError('');
      },
      onSend: () => void submit(),
      sending,
      error,
    },
  };
}
