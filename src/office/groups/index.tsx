import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { when } from '../../../cloudfunctions/core/time';
import { REVIEW_REASON_LABEL } from '../../../cloudfunctions/modules/groups/constants';
import { call, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { Chip } from '../../components/Form';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { tapProps } from '../../utils/a11y';
import { go } from '../../utils/nav';

/**
 * The office's view of real-name groups in its scope (every group, its members and reach), and what waits for
 * a review: content hidden by reports, and text the content check held (only the office releases that).
 * Station staff see and manage their station's groups here.
 */
export default function OfficeGroups() {
  const [tab, setTab] = useState<'groups' | 'reviews'>('groups');
  const groups = usePaged((cursor) => call('groups', 'list', { cursor }), 'office-groups');
  const reviews = usePaged((cursor) => call('groups', 'reports', { cursor }), 'office-group-reviews');
  useReloadOnShow(async (silent) => {
    await Promise.all([groups.reload(silent), reviews.reload(silent)]);
  });

  const decide = async (target: { postId?: string; commentId?: string }, hidden: boolean) => {
    const ok = await Taro.showModal({
      title: hidden ? '确认隐藏' : '审核通过',
      content: hidden ? '这条内容将不再向群成员显示。' : '这条内容将向群成员显示。',
      confirmText: '确定',
    });
    if (!ok.confirm) return;
    try {
      await call('groups', 'hide', { ...target, hidden });
      await reviews.reload(true);
    } catch (e) {
      void Taro.showModal({ title: '没有成功', content: toApiError(e).message, showCancel: false });
    }
  };

  return (
    <PageShell className="office-groups-page" demoBanner>
      <Text className="h1">实名制群</Text>
      <View className="chips">
        <Chip className="office-groups-tab" on={tab === 'groups'} onClick={() => setTab('groups')}>
          辖区内的群
        </Chip>
        <Chip className="office-reviews-tab" on={tab === 'reviews'} onClick={() => setTab('reviews')}>
          待审核
        </Chip>
      </View>
      {tab === 'groups' ? (
        <PagedList
          list={groups}
          emptyText="辖区内还没有实名制群"
          row={(g) => {
            const open = () =>
              go(
                g.role === 'owner'
                  ? `/deputy/group/index?groupId=${encodeURIComponent(g.groupId)}`
                  : `/groups/feed/index?groupId=${encodeURIComponent(g.groupId)}`,
              );
            return (
              <View key={g.groupId} {...tapProps(open)} className="list-item office-group" onClick={open}>
                <View className="row row--between">
                  <Text className="text" style={{ fontWeight: 600 }}>
                    {g.name}
                  </Text>
                  <Text className="muted">{g.townshipName}</Text>
                </View>
                <Text className="muted" style={{ display: 'block' }}>
                  {g.placeName} · 成员 {g.memberCount} · 待审核 {g.pendingCount} · 公告 {g.posts}
                  {g.lastPostAt ? ` · 最近 ${when(g.lastPostAt)}` : ''}
                </Text>
              </View>
            );
          }}
        />
      ) : (
        <PagedList
          list={reviews}
          emptyText="没有待审核的内容"
          row={(r) => {
            const target = r.targetKind === 'post' ? { postId: r.targetId } : { commentId: r.targetId };
            return (
              <View key={r.reviewId} className="list-item office-group-review">
                <Text className="tag tag--held">{REVIEW_REASON_LABEL[r.reason]}</Text>
                <Text className="text" style={{ display: 'block' }}>
                  {r.groupName} · {r.author}：{r.excerpt}
                </Text>
                <Text className="muted" style={{ display: 'block' }}>
                  {r.targetKind === 'post' ? '公告' : '评论'} · {when(r.openedAt)}
                </Text>
                <View className="btn-row">
                  {r.canRestore ? (
                    <Button
                      className="btn btn--small review-restore"
                      onClick={() => void decide(target, false)}
                    >
                      {r.reason === 'held' ? '审核通过' : '恢复显示'}
                    </Button>
                  ) : null}
                  <Button
                    className="btn btn--plain btn--small review-hide"
                    onClick={() => void decide(target, true)}
                  >
                    确认隐藏
                  </Button>
                </View>
              </View>
            );
          }}
        />
      )}
    </PageShell>
  );
}
