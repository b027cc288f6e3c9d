import { Text, View } from '@tarojs/components';
import { tapProps } from '../utils/a11y';
import { when } from '../../cloudfunctions/core/time';
import type { ThreadSummary } from '../../cloudfunctions/modules/contact/contract';
import { OUTCOME_LABEL, THREAD_STATUS_LABEL } from '../utils/labels';
import { Nums } from './Num';

export function StatusTag({ status }: { status: string }) {
  return <Text className={`tag tag--${status}`}>{THREAD_STATUS_LABEL[status] ?? status}</Text>;
}

/** One thread in a list. `side` decides whose name is the title. */
export function ThreadRow({
  thread,
  side,
  onClick,
}: {
  thread: ThreadSummary;
  side: 'voter' | 'deputy';
  onClick: () => void;
}) {
  return (
    <View {...tapProps(onClick)} className="list-item thread-row" onClick={onClick}>
      <View className="row row--between">
        <View className="row">
          {thread.unread ? <View className="dot" /> : null}
          <Text className="h2" style={{ margin: 0 }}>
            {side === 'voter' ? `${thread.deputyName} 代表` : thread.voterName}
          </Text>
          {side === 'deputy' && thread.voterVerified ? (
            <Text className="tag tag--verified">已实名</Text>
          ) : null}
        </View>
        <StatusTag status={thread.status} />
      </View>
      <Text className="muted" style={{ display: 'block' }}>
        {thread.category}
        {thread.outcome ? ` · ${OUTCOME_LABEL[thread.outcome]}` : ''}
        {thread.held ? ' · 审核中' : ''}
      </Text>
      <Text className="text thread-row-text" style={{ display: 'block' }}>
        {thread.lastText.length > 60 ? `${thread.lastText.slice(0, 60)}…` : thread.lastText}
      </Text>
      <Text className="muted" style={{ display: 'block' }}>
        <Nums text={when(thread.lastMessageAt)} />
      </Text>
    </View>
  );
}
