import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { when } from '../../../cloudfunctions/core/time';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useConfirmed } from '../../hooks/useConfirmed';
import { usePaged } from '../../hooks/usePaged';
import { Num } from '../../components/Num';
import { HeldImages } from './HeldImages';

export default function Held() {
  const { busy, run } = useConfirmed();
  const list = usePaged((cursor) => call('contact', 'held', { cursor }), 'held');

  const review = (messageId: string, decision: 'release' | 'hide') =>
    run(
      messageId,
      decision === 'release'
        ? {
            title: '放行',
            content: '放行后这条留言会送达代表（或留言人）。确定放行吗？',
            confirmText: '放行',
          }
        : {
            title: '隐藏',
            content: '隐藏后这条留言不会显示给对方，只显示“该内容已被隐藏”。确定隐藏吗？',
            confirmText: '隐藏',
          },
      async () => {
        await call('contact', 'review', { messageId, decision });
        list.setItems((items) => items.filter((m) => m.messageId !== messageId));
        void Taro.showToast({ title: decision === 'release' ? '已放行' : '已隐藏', icon: 'success' });
      },
    );

  return (
    <PageShell className="held-page" demoBanner>
      <Text className="h1">待审核留言</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        这些内容经自动检查需要人工复核，复核前不会送达。
      </Text>
      <PagedList
        list={list}
        emptyText="没有待审核的留言"
        row={(m) => (
          <View key={m.messageId} className="list-item">
            <Text className="text held-author" style={{ display: 'block' }}>
              {m.author === 'deputy'
                ? `${m.authorName} 代表的答复`
                : `${m.authorName}${m.authorVerified ? '（已实名）' : '（未实名）'} 致 ${m.deputyName} 代表`}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              <Num>{when(m.createdAt)}</Num> · {m.reason}
            </Text>
            <Text className="bubble-text">{m.text}</Text>
            <View className="btn-row">
              <Button
                className="btn"
                disabled={busy === m.messageId}
                onClick={() => void review(m.messageId, 'release')}
              >
                放行
              </Button>
              <Button
                className="btn btn--plain"
                disabled={busy === m.messageId}
                onClick={() => void review(m.messageId, 'hide')}
              >
                隐藏
              </Button>
            </View>
          </View>
        )}
      />
      <HeldImages module="groups" />
      <HeldImages module="cases" />
    </PageShell>
  );
}
