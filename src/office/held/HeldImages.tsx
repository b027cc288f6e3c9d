import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { when } from '../../../cloudfunctions/core/time';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { Num } from '../../components/Num';
import { PagedList } from '../../components/PagedList';
import { PostImages } from '../../components/PostImages';
import { useConfirmed } from '../../hooks/useConfirmed';
import { usePaged } from '../../hooks/usePaged';

const WHAT = { groups: '群公告图片', cases: '社情民意照片' } as const;

interface Held {
  targetId: string;
  fileId: string;
  label: string;
  heldAt: string;
}

/**
 * Held images of one module in the office's scope (oldest first), each with 公开 / 不予公开, confirmed
 * first; a decided one leaves the list.
 */
export function HeldImages({ module }: { module: 'groups' | 'cases' }) {
  const { busy, run } = useConfirmed();
  const list = usePaged<Held>(async (cursor) => {
    if (module === 'groups') {
      const p = await call('groups', 'heldImages', { cursor });
      return { ...p, items: p.items.map(({ postId, ...i }) => ({ ...i, targetId: postId })) };
    }
    const p = await call('cases', 'heldImages', { cursor });
    return { ...p, items: p.items.map(({ caseId, ...i }) => ({ ...i, targetId: caseId })) };
  }, `held-images-${module}`);

  const review = (targetId: string, fileId: string, decision: 'release' | 'hide') =>
    run(
      fileId,
      decision === 'release'
        ? {
            title: '公开',
            content: '公开后所有能看到这条内容的人都能看到这张图片。确定公开吗？',
            confirmText: '公开',
          }
        : {
            title: '不予公开',
            content: '不予公开后这张图片只有上传人和工作人员能看到，标为“未公开”。确定吗？',
            confirmText: '不予公开',
          },
      async () => {
        if (module === 'groups') await call('groups', 'reviewImage', { postId: targetId, fileId, decision });
        else await call('cases', 'reviewImage', { caseId: targetId, fileId, decision });
        list.setItems((items) => items.filter((i) => i.fileId !== fileId || i.targetId !== targetId));
        void Taro.showToast({ title: decision === 'release' ? '已公开' : '已设为不公开', icon: 'success' });
      },
    );

  return (
    <View className="held-images">
      <Text className="h2" style={{ display: 'block', marginTop: '24px' }}>
        待审核{WHAT[module]}
      </Text>
      <PagedList
        list={list}
        emptyText={`没有待审核的${WHAT[module]}`}
        row={(i) => (
          <View key={`${i.targetId}:${i.fileId}`} className="list-item held-image">
            <Text className="text" style={{ display: 'block' }}>
              {i.label}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              <Num>{when(i.heldAt)}</Num> 起待审核
            </Text>
            <PostImages images={[{ fileId: i.fileId, status: 'review' }]} />
            <View className="btn-row">
              <Button
                className="btn held-image-release"
                disabled={busy === i.fileId}
                onClick={() => void review(i.targetId, i.fileId, 'release')}
              >
                公开
              </Button>
              <Button
                className="btn btn--plain held-image-hide"
                disabled={busy === i.fileId}
                onClick={() => void review(i.targetId, i.fileId, 'hide')}
              >
                不予公开
              </Button>
            </View>
          </View>
        )}
      />
    </View>
  );
}
