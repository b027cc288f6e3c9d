import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api';
import { Composer } from '../../components/Composer';
import { PageShell } from '../../components/PageShell';
import { ThreadView } from '../../components/ThreadView';
import { useComposer } from '../../hooks/useComposer';
import { useThread } from '../../hooks/useThread';
import { go, useParam } from '../../utils/nav';

export default function DeputyThread() {
  const threadId = useParam('threadId');
  const t = useThread(threadId);
  const reply = useComposer({
    action: 'reply',
    draftKey: `dl.draft.reply.${threadId}`,
    send: (text, draft) => call('contact', 'reply', { threadId, text }, { requestId: draft.requestId }),
    onSent: async (res) => {
      void Taro.showToast({
        title: res.status === 'held' ? '已提交，审核后送达' : '回复已送达',
        icon: 'none',
      });
      await t.reload(true);
    },
    errors: {
      CLOSED: '这条留言已关闭，不能再回复',
      FORBIDDEN: '只有收信的代表本人可以回复',
    },
  });

  return (
    <PageShell className="deputy-thread-page" demoBanner>
      <ThreadView
        t={t}
        side="deputy"
        title={(thread) => (
          <View className="row">
            <Text className="h1" style={{ margin: 0 }}>
              {thread.voterName}
            </Text>
            {thread.voterVerified ? <Text className="tag tag--verified">已实名</Text> : null}
          </View>
        )}
      >
        {(thread) =>
          thread.status !== 'closed' ? (
            <View className="section">
              <Text
                className="link thread-to-case"
                style={{ display: 'block', marginBottom: '12px' }}
                onClick={() => go(`/cases/submit/index?fromThreadId=${encodeURIComponent(thread.threadId)}`)}
              >
                转为社情民意 ›
              </Text>
              <Text className="label">回复群众</Text>
              <Composer
                name="reply"
                {...reply.composer}
                sendText="发送回复"
                placeholder="回复会送到留言人，并记入您的履职档案"
              />
            </View>
          ) : (
            <Text className="muted" style={{ display: 'block' }}>
              这条留言已关闭。
            </Text>
          )
        }
      </ThreadView>
    </PageShell>
  );
}
