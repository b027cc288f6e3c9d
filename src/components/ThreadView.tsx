import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { when } from '../../cloudfunctions/core/time';
import type { ThreadSummary } from '../../cloudfunctions/modules/contact/contract';
import type { useThread } from '../hooks/useThread';
import { OUTCOME_LABEL } from '../utils/labels';
import { byTime, Bubbles } from './Bubbles';
import { Button } from './Button';
import { Loadable } from './Loadable';
import { Nums } from './Num';
import { StatusTag } from './ThreadRow';

/**
 * One thread on its page: the head (`title`, status, category, date, how the voter closed or chased
 * it), older messages on demand, the messages, then what the page adds below (`children`). The
 * deputy's side says it was the voter (群众) who evaluated and chased, and whether they are verified.
 */
export function ThreadView({
  t,
  side,
  title,
  children,
}: {
  t: ReturnType<typeof useThread>;
  side: 'voter' | 'deputy';
  title: (thread: ThreadSummary) => ReactNode;
  children: (thread: ThreadSummary) => ReactNode;
}) {
  const thread = t.data?.thread;
  const forDeputy = side === 'deputy';
  return (
    <Loadable status={t.status} error={t.error} onRetry={() => void t.reload()}>
      {t.data && thread ? (
        <View>
          <View className="section">
            <View className="row row--between">
              {title(thread)}
              <StatusTag status={thread.status} />
            </View>
            <Text className="muted" style={{ display: 'block' }}>
              {thread.category} · <Nums text={when(thread.createdAt)} />
              {thread.outcome ? ` · ${forDeputy ? '群众评价：' : ''}${OUTCOME_LABEL[thread.outcome]}` : ''}
              {thread.chasedAt ? (
                <Nums text={` · ${forDeputy ? '群众' : ''}已于 ${when(thread.chasedAt)} 催办`} />
              ) : null}
            </Text>
            {forDeputy && thread.voterVerified ? (
              <Text className="muted" style={{ display: 'block' }}>
                该留言人已实名认证，是本选区登记选民。
              </Text>
            ) : null}
          </View>
          {t.hasMore ? (
            <Button
              className="btn btn--plain btn--block"
              disabled={t.loadingMore}
              onClick={() => void t.loadMore()}
            >
              {t.loadingMore ? '正在加载…' : '加载更多消息'}
            </Button>
          ) : null}
          <Bubbles messages={byTime(t.data.messages)} deputyName={thread.deputyName} />
          {children(thread)}
        </View>
      ) : null}
    </Loadable>
  );
}
