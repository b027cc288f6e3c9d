import { Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { FeedGroup, SubscriptionView } from '../../../cloudfunctions/modules/groups/contract';
import { call, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { go, useParam } from '../../utils/nav';
import { PostCard } from '../components/PostCard';
import '../groups.scss';

/**
 * Asking for new-post notices: WeChat allows it only on a tap (wx.requestSubscribeMessage), and says what the
 * member accepted; the function keeps it (a long-term subscription, or one message per one-time one).
 */
function Subscribe() {
  const [sub, setSub] = useState<SubscriptionView | null>(null);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    call('groups', 'subscription', {}, { quietAuth: true })
      .then(setSub)
      .catch(() => setSub(null));
  }, []);
  if (!sub?.templateId) return null;
  const ask = async () => {
    const tmpl = sub.templateId!;
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: [tmpl], entityIds: [] })) as Record<
        string,
        string
      >;
      const answer = res[tmpl];
      const result = answer === 'accept' || answer === 'reject' || answer === 'ban' ? answer : 'filter';
      setSub(await call('groups', 'subscribe', { result }));
      if (result === 'accept') void Taro.showToast({ title: '已开启提醒', icon: 'success' });
    } catch {
      void Taro.showToast({ title: '没有开启提醒', icon: 'none' });
    }
  };
  return (
    <View className="row row--between group-subscribe">
      <Text className="muted">
        {sub.longTerm
          ? '已开启新公告提醒'
          : sub.oneTime > 0
            ? `还可提醒 ${sub.oneTime} 次`
            : '新公告不会提醒您'}
      </Text>
      {sub.longTerm ? null : (
        <Button className="btn btn--plain btn--small subscribe-button" onClick={() => void ask()}>
          {sub.oneTime > 0 ? '再多提醒一次' : '接收提醒'}
        </Button>
      )}
    </View>
  );
}

export default function GroupFeed() {
  const groupId = useParam('groupId');
  const [group, setGroup] = useState<FeedGroup | null>(null);
  const marking = useRef(false);
  const tried = useRef(new Set<string>());
  const list = usePaged(async (cursor) => {
    const r = await call('groups', 'feed', { groupId, cursor });
    setGroup(r.group);
    return r;
  }, `feed-${groupId}`);
  useReloadOnShow(list.reload);

  // What a member sees here is read: one call per page for the posts not read yet.
  useEffect(() => {
    if (group?.role !== 'member' || marking.current) return;
    const unread = list.items
      .filter((p) => p.read === false && !tried.current.has(p.postId))
      .map((p) => p.postId)
      .slice(0, 20);
    if (unread.length === 0) return;
    unread.forEach((id) => tried.current.add(id));
    marking.current = true;
    call('groups', 'read', { postIds: unread }, { quietAuth: true })
      .then(() =>
        list.setItems((items) => items.map((p) => (unread.includes(p.postId) ? { ...p, read: true } : p))),
      )
      .catch(() => undefined)
      .finally(() => {
        marking.current = false;
      });
  }, [group, list]);

  useEffect(() => {
    if (group) void Taro.setNavigationBarTitle({ title: group.name });
  }, [group]);

  useShareAppMessage(() => ({
    title: group ? `${group.name}（实名制群）` : '实名制群',
    path: `/groups/join/index?code=${encodeURIComponent(group?.code ?? '')}`,
  }));

  const leave = async () => {
    const ok = await Taro.showModal({
      title: '退出本群',
      content: '退出后不再看到本群公告，之后可以再凭群码加入。',
      confirmText: '退出',
    });
    if (!ok.confirm) return;
    try {
      await call('groups', 'leave', { groupId });
      void Taro.showToast({ title: '已退出', icon: 'success' });
      go('/groups/mine/index');
    } catch (e) {
      void Taro.showModal({ title: '退出失败', content: toApiError(e).message, showCancel: false });
    }
  };

  const open = (postId: string) => go(`/groups/post/index?postId=${encodeURIComponent(postId)}`);

  return (
    <PageShell className="groups-feed-page" demoBanner>
      {group ? (
        <View className="group-head">
          <Text className="h1 feed-group-name">{group.name}</Text>
          <Text className="muted" style={{ display: 'block' }}>
            {group.placeName} · {group.memberCount} 位成员
            {group.muted ? ' · 您已被禁言' : ''}
          </Text>
          {group.role === 'owner' ? (
            <Button
              className="btn btn--ghost feed-manage"
              onClick={() => go(`/deputy/group/index?groupId=${encodeURIComponent(groupId)}`)}
            >
              管理本群 · 发公告
            </Button>
          ) : null}
          {group.role === 'member' ? <Subscribe /> : null}
        </View>
      ) : null}
      <PagedList
        list={list}
        emptyText="还没有公告"
        row={(p) => <PostCard key={p.postId} post={p} onOpen={() => open(p.postId)} />}
      />
      {group?.role === 'member' ? (
        <View className="btn-row">
          <Button className="btn btn--plain feed-leave" onClick={() => void leave()}>
            退出本群
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
