import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { when } from '../../../cloudfunctions/core/time';
import { call, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { Nums } from '../../components/Num';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';
import { go, isPagePath } from '../../utils/nav';
import { readableNotice } from '../../utils/notice';

export default function Notifications() {
  const [unread, setUnread] = useState(0);
  const list = usePaged(async (cursor) => {
    const page = await call('account', 'notifications', { cursor });
    if (!cursor) setUnread(page.unread);
    return page;
  }, 'notifications');

  const markRead = async (ids: string[]) => {
    if (!ids.length) return;
    await call('account', 'readNotifications', { ids });
    list.setItems((items) => items.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)));
    setUnread((u) => Math.max(0, u - ids.length));
  };

  const open = (id: string, read: boolean, link: string) => {
    if (!read) {
      markRead([id]).catch((e) => void Taro.showToast({ title: toApiError(e).message, icon: 'none' }));
    }
    if (isPagePath(link)) go(link);
  };

  const unreadIds = list.items
    .filter((n) => !n.read)
    .map((n) => n.id)
    .slice(0, 20);

  return (
    <PageShell className="notifications-page" demoBanner>
      <View className="row row--between">
        <Text className="h1">通知{unread ? `（${unread} 条未读）` : ''}</Text>
        {unreadIds.length ? (
          <Button
            className="btn btn--plain btn--small"
            onClick={() =>
              void markRead(unreadIds).catch(
                (e) => void Taro.showToast({ title: toApiError(e).message, icon: 'none' }),
              )
            }
          >
            全部标为已读
          </Button>
        ) : null}
      </View>
      <PagedList
        list={list}
        emptyText="暂时没有通知"
        row={(n) => (
          <View
            key={n.id}
            className={`list-item notification${n.read ? '' : ' list-item--active'}`}
            onClick={() => open(n.id, n.read, n.link)}
          >
            <View className="row">
              {n.read ? null : <View className="dot" />}
              <Text className="h2 grow" style={{ margin: 0 }}>
                {readableNotice(n.title)}
              </Text>
            </View>
            <Text className="text notification-body" style={{ display: 'block' }}>
              <Nums text={readableNotice(n.body)} />
            </Text>
            <Text className="muted notification-time" style={{ display: 'block' }}>
              <Nums text={when(n.createdAt)} />
              {isPagePath(n.link) ? ' · 点击查看 ›' : ''}
            </Text>
          </View>
        )}
      />
    </PageShell>
  );
}
