import { Text, View } from '@tarojs/components';
import { when } from '../../cloudfunctions/core/time';
import type { MessageView } from '../../cloudfunctions/modules/contact/contract';
import { Nums } from './Num';

/** The messages of a thread as bubbles; held ones are marked 审核中. */
export function Bubbles({ messages, deputyName }: { messages: MessageView[]; deputyName: string }) {
  return (
    <View className="bubbles">
      {messages.map((m) => (
        <View key={m.messageId} className={`bubble${m.mine ? ' bubble--mine' : ''} bubble--${m.status}`}>
          <Text className="bubble-meta">
            {m.mine ? '我' : m.author === 'deputy' ? `${deputyName} 代表` : '选民'} ·{' '}
            <Nums text={when(m.createdAt)} />
            {m.status === 'held' ? ' · ' : ''}
            {m.status === 'held' ? <Text className="tag tag--held">审核中</Text> : null}
          </Text>
          <Text className="bubble-text">{m.status === 'hidden' ? '（该内容已被隐藏）' : m.text}</Text>
        </View>
      ))}
    </View>
  );
}

/** Oldest first, whatever order the pages came in. */
export function byTime(messages: MessageView[]): MessageView[] {
  const seen = new Set<string>();
  return messages
    .filter((m) => (seen.has(m.messageId) ? false : (seen.add(m.messageId), true)))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
