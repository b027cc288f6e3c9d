import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CommentView } from '../../../cloudfunctions/modules/consult/contract';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { useConfirmed } from '../../hooks/useConfirmed';

/**
 * One comment as office staff see it: who wrote it (registered name), where, and — while it is held for
 * review — 公开 / 不予公开, each confirmed. `onReviewed` gets the comment as it now stands.
 */
export function CommentRow({
  comment: x,
  where,
  onReviewed,
}: {
  comment: CommentView;
  /** 第一条, or the question's title. */
  where: string;
  onReviewed: (saved: CommentView) => void;
}) {
  const { busy, run } = useConfirmed();
  const waiting = x.status === 'held' && !x.hidden;

  const review = (decision: 'release' | 'hide') =>
    run(
      decision,
      decision === 'release'
        ? { title: '公开', content: '公开后所有人都能看到这条意见。确定公开吗？', confirmText: '公开' }
        : {
            title: '不予公开',
            content: '这条意见只留给作者本人和工作人员，作者会看到“未公开”。确定吗？',
            confirmText: '不予公开',
          },
      async () => {
        onReviewed(await call('consult', 'review', { commentId: x.commentId, decision }));
        void Taro.showToast({ title: decision === 'release' ? '已公开' : '已设为不公开', icon: 'success' });
      },
    );

  return (
    <View className="list-item oc-comment">
      <Text className="muted" style={{ display: 'block' }}>
        {where} · {x.author}
        {x.role === 'deputy' ? '（代表）' : ''}
        {x.anonymous ? '（公开时匿名）' : ''} · {x.townshipName}
        {waiting ? ' · 待审核' : x.hidden ? ' · 未公开' : ''}
      </Text>
      <Text className="text" style={{ display: 'block' }}>
        {x.text}
      </Text>
      {waiting ? (
        <View className="btn-row">
          <Button className="btn oc-release" disabled={!!busy} onClick={() => void review('release')}>
            公开
          </Button>
          <Button className="btn btn--plain oc-hide" disabled={!!busy} onClick={() => void review('hide')}>
            不予公开
          </Button>
        </View>
      ) : null}
    </View>
  );
}
