import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call, toApiError } from '../../api';
import { byTime, Bubbles } from '../../components/Bubbles';
import { checkText, Composer } from '../../components/Composer';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { StatusTag } from '../../components/ThreadRow';
import { useDraft } from '../../hooks/useDraft';
import { useThread } from '../../hooks/useThread';
import { formatTime } from '../../utils/format';
import { OUTCOME_LABEL } from '../../utils/labels';

const POST_ERRORS: Record<string, string> = {
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再发',
  RATE_LIMITED: '发送太频繁了，请稍后再试',
  CLOSED: '这条留言已关闭，不能再回复',
  FORBIDDEN: '只有收信的代表本人可以回复',
};

export default function DeputyThread() {
  const { params } = useRouter();
  const threadId = params.threadId ? decodeURIComponent(params.threadId) : '';
  const t = useThread(threadId);
  const { draft, update, clear } = useDraft(`dl.draft.reply.${threadId}`);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');

  const thread = t.data?.thread;
  const messages = t.data ? byTime(t.data.messages) : [];

  const reply = async () => {
    const problem = checkText(draft.text);
    if (problem) {
      setError(problem);
      return;
    }
    setError('');
    setSending(true);
    try {
      const res = await call(
        'contact',
        'reply',
        { threadId, text: draft.text.trim() },
        { requestId: draft.requestId },
      );
      clear();
      void Taro.showToast({
        title: res.status === 'held' ? '已提交，审核后送达' : '回复已送达',
        icon: 'none',
      });
      await t.reload(true);
    } catch (e) {
      const err = toApiError(e);
      setError(POST_ERRORS[err.code] || err.fields.text || err.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <PageShell className="deputy-thread-page" demoBanner>
      <Loadable status={t.status} error={t.error} onRetry={() => void t.reload()}>
        {thread ? (
          <View>
            <View className="section">
              <View className="row row--between">
                <View className="row">
                  <Text className="h1" style={{ margin: 0 }}>
                    {thread.voterName}
                  </Text>
                  {thread.voterVerified ? <Text className="tag tag--verified">已实名</Text> : null}
                </View>
                <StatusTag status={thread.status} />
              </View>
              <Text className="muted" style={{ display: 'block' }}>
                {thread.category} · {formatTime(thread.createdAt)}
                {thread.outcome ? ` · 群众评价：${OUTCOME_LABEL[thread.outcome]}` : ''}
                {thread.chasedAt ? ` · 群众已于 ${formatTime(thread.chasedAt)} 催办` : ''}
              </Text>
              {thread.voterVerified ? (
                <Text className="muted" style={{ display: 'block' }}>
                  该留言人已实名认证，是本选区登记选民。
                </Text>
              ) : null}
            </View>
            {t.hasMore ? (
              <Button className="btn btn--plain btn--block" onClick={() => void t.loadMore()}>
                {t.loadingMore ? '正在加载…' : '加载更多消息'}
              </Button>
            ) : null}
            <Bubbles messages={messages} deputyName={thread.deputyName} />
            {thread.status !== 'closed' ? (
              <View className="section">
                <Text className="label">回复群众</Text>
                <Composer
                  name="reply"
                  value={draft.text}
                  onInput={(text) => {
                    update({ text });
                    if (error) setError('');
                  }}
                  onSend={() => void reply()}
                  sending={sending}
                  error={error}
                  sendText="发送回复"
                  placeholder="回复会送到留言人，并记入您的履职档案"
                />
              </View>
            ) : (
              <Text className="muted" style={{ display: 'block' }}>
                这条留言已关闭。
              </Text>
            )}
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
