import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
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
import { go } from '../../utils/nav';

const POST_ERRORS: Record<string, string> = {
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再发',
  RATE_LIMITED: '发送太频繁了，请稍后再试',
  CLOSED: '这条留言已关闭，不能再追问',
};

export default function Thread() {
  const { params } = useRouter();
  const threadId = params.threadId ? decodeURIComponent(params.threadId) : '';
  const t = useThread(threadId);
  const { draft, update, clear } = useDraft(`dl.draft.followUp.${threadId}`);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const thread = t.data?.thread;
  const messages = t.data ? byTime(t.data.messages) : [];
  // The voter who wrote the thread sees their own first message as `mine`.
  const isVoter = messages.some((m) => m.author === 'voter' && m.mine);
  const open = thread ? thread.status !== 'closed' : false;
  const [myDeputyId, setMyDeputyId] = useState<string | null>(null);
  const loaded = t.status === 'ready';
  useEffect(() => {
    if (!loaded || isVoter) return;
    call('account', 'me', {}, { quietAuth: true })
      .then((me) => setMyDeputyId(me.deputyId))
      .catch(() => undefined);
  }, [loaded, isVoter]);

  const followUp = async () => {
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
        'followUp',
        { threadId, text: draft.text.trim() },
        { requestId: draft.requestId },
      );
      clear();
      void Taro.showToast({ title: res.status === 'held' ? '已提交，审核后送达' : '已发送', icon: 'none' });
      await t.reload(true);
    } catch (e) {
      const err = toApiError(e);
      setError(POST_ERRORS[err.code] || err.fields.text || err.message);
    } finally {
      setSending(false);
    }
  };

  const close = async (outcome: 'resolved' | 'unresolved') => {
    const label = OUTCOME_LABEL[outcome];
    const ok = await Taro.showModal({
      title: `标记为${label}`,
      content: `确定把这条留言标记为“${label}”并关闭吗？关闭后不能再追问。`,
      confirmText: '确定',
      cancelText: '再想想',
    });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      const summary = await call('contact', 'close', { threadId, outcome });
      t.setThread(summary);
      void Taro.showToast({ title: '已关闭', icon: 'none' });
    } catch (e) {
      void Taro.showModal({ title: '操作失败', content: toApiError(e).message, showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  const chase = async () => {
    const ok = await Taro.showModal({
      title: '催办',
      content: '代表超过 7 天未回复。催办会提醒代表和乡镇人大，每条留言只能催办一次。确定催办吗？',
      confirmText: '催办',
      cancelText: '取消',
    });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      const summary = await call('contact', 'chase', { threadId });
      t.setThread(summary);
      void Taro.showToast({ title: '已催办', icon: 'none' });
    } catch (e) {
      void Taro.showModal({ title: '催办失败', content: toApiError(e).message, showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="thread-page" demoBanner>
      <Loadable status={t.status} error={t.error} onRetry={() => void t.reload()}>
        {thread ? (
          <View>
            <View className="section">
              <View className="row row--between">
                <Text className="h1" style={{ margin: 0 }}>
                  {isVoter ? `给 ${thread.deputyName} 代表` : thread.voterName}
                </Text>
                <StatusTag status={thread.status} />
              </View>
              <Text className="muted" style={{ display: 'block' }}>
                {thread.category} · {formatTime(thread.createdAt)}
                {thread.outcome ? ` · ${OUTCOME_LABEL[thread.outcome]}` : ''}
                {thread.chasedAt ? ` · 已于 ${formatTime(thread.chasedAt)} 催办` : ''}
              </Text>
            </View>
            {t.hasMore ? (
              <Button className="btn btn--plain btn--block" onClick={() => void t.loadMore()}>
                {t.loadingMore ? '正在加载…' : '加载更多消息'}
              </Button>
            ) : null}
            <Bubbles messages={messages} deputyName={thread.deputyName} />
            {isVoter && open ? (
              <View className="section">
                <Text className="label">追问或补充</Text>
                <Composer
                  name="followup"
                  value={draft.text}
                  onInput={(text) => {
                    update({ text });
                    if (error) setError('');
                  }}
                  onSend={() => void followUp()}
                  sending={sending}
                  error={error}
                  placeholder="补充情况或追问代表"
                />
              </View>
            ) : null}
            {isVoter && open ? (
              <View className="section">
                <Text className="label">问题解决了吗？</Text>
                <View className="btn-row">
                  <Button
                    className="btn btn--ghost close-resolved"
                    disabled={busy}
                    onClick={() => void close('resolved')}
                  >
                    标记已解决
                  </Button>
                  <Button
                    className="btn btn--plain close-unresolved"
                    disabled={busy}
                    onClick={() => void close('unresolved')}
                  >
                    未解决，关闭
                  </Button>
                </View>
                {thread.canChase ? (
                  <Button
                    className="btn btn--block chase-button"
                    disabled={busy}
                    onClick={() => void chase()}
                  >
                    催办
                  </Button>
                ) : null}
              </View>
            ) : null}
            {!isVoter ? (
              <View className="section">
                <Text className="muted" style={{ display: 'block' }}>
                  您正在查看这条留言（只读）。
                </Text>
                {myDeputyId && myDeputyId === thread.deputyId ? (
                  <Button
                    className="btn btn--block"
                    onClick={() => go(`/deputy/thread/index?threadId=${encodeURIComponent(threadId)}`)}
                  >
                    到代表工作台回复
                  </Button>
                ) : null}
              </View>
            ) : null}
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
