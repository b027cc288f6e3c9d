import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { Composer } from '../../components/Composer';
import { PageShell } from '../../components/PageShell';
import { ThreadView } from '../../components/ThreadView';
import { useComposer } from '../../hooks/useComposer';
import { useThread } from '../../hooks/useThread';
import { OUTCOME_LABEL } from '../../utils/labels';
import { go, useParam } from '../../utils/nav';

export default function Thread() {
  const threadId = useParam('threadId');
  const t = useThread(threadId);
  const followUp = useComposer({
    action: 'followUp',
    draftKey: `dl.draft.followUp.${threadId}`,
    send: (text, draft) => call('contact', 'followUp', { threadId, text }, { requestId: draft.requestId }),
    onSent: async (res) => {
      void Taro.showToast({ title: res.status === 'held' ? '已提交，审核后送达' : '已发送', icon: 'none' });
      await t.reload(true);
    },
    errors: { CLOSED: '这条留言已关闭，不能再追问' },
  });
  const [busy, setBusy] = useState(false);

  // The voter who wrote the thread sees their own first message as `mine`.
  const isVoter = Boolean(t.data?.messages.some((m) => m.author === 'voter' && m.mine));
  const [myDeputyId, setMyDeputyId] = useState<string | null>(null);
  const loaded = t.status === 'ready';
  useEffect(() => {
    if (!loaded || isVoter) return;
    call('account', 'me', {}, { quietAuth: true })
      .then((me) => setMyDeputyId(me.deputyId))
      .catch(() => undefined);
  }, [loaded, isVoter]);

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
      <ThreadView
        t={t}
        side="voter"
        title={(thread) => (
          <Text className="h1" style={{ margin: 0 }}>
            {isVoter ? `给 ${thread.deputyName} 代表` : thread.voterName}
          </Text>
        )}
      >
        {(thread) =>
          !isVoter ? (
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
          ) : thread.status !== 'closed' ? (
            <>
              <View className="section">
                <Text className="label">追问或补充</Text>
                <Composer name="followup" {...followUp.composer} placeholder="补充情况或追问代表" />
              </View>
              <View className="section">
                {/* Closing is the voter's verdict on the answer: offered once the deputy has answered. */}
                {thread.firstReplySeconds !== null || thread.status === 'replied' ? (
                  <>
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
                  </>
                ) : (
                  <Text className="muted close-later" style={{ display: 'block' }}>
                    代表回复后，您可以在这里告诉代表问题是否解决了。
                  </Text>
                )}
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
            </>
          ) : null
        }
      </ThreadView>
    </PageShell>
  );
}
