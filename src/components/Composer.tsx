import { Text, Textarea, View } from '@tarojs/components';
import { MESSAGE_MAX } from '../../cloudfunctions/modules/contact/constants';
import { Button } from './Button';
import { Counter } from './Form';

interface Props {
  value: string;
  onInput: (text: string) => void;
  onSend: () => void;
  sending: boolean;
  error?: string;
  placeholder?: string;
  sendText?: string;
  /** Prefix for classNames (tests and styles find the parts by them). */
  name: string;
}

/**
 * A textarea with a live counter, an inline error and a send button. A paste longer than the limit is
 * kept whole: the counter says how much is over (never cut silently), and sending is refused until it fits.
 */
export function Composer({
  value,
  onInput,
  onSend,
  sending,
  error,
  placeholder,
  sendText = '发送',
  name,
}: Props) {
  return (
    <View className={`composer ${name}`}>
      <Textarea
        className={`textarea ${name}-textarea`}
        value={value}
        maxlength={-1}
        placeholder={placeholder}
        autoHeight={false}
        onInput={(e) => onInput(e.detail.value)}
      />
      <Counter text={value} max={MESSAGE_MAX} className={`${name}-counter`} />
      {error ? <Text className={`error-text ${name}-error`}>{error}</Text> : null}
      <Button className={`btn btn--block ${name}-send`} disabled={sending} onClick={onSend}>
        {sending ? '正在发送…' : sendText}
      </Button>
    </View>
  );
}
