import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../api';
import { Chip } from '../../components/Form';
import { PagedList } from '../../components/PagedList';
import { MenuItem } from '../../components/MenuItem';
import { PageShell } from '../../components/PageShell';
import { ThreadRow } from '../../components/ThreadRow';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { THREAD_STATUS_LABEL } from '../../utils/labels';
import { go } from '../../utils/nav';

type Status = 'new' | 'read' | 'replied' | 'closed';
const FILTERS: Array<{ key: Status | ''; label: string }> = [
  { key: '', label: '全部' },
  ...(['new', 'read', 'replied', 'closed'] as Status[]).map((s) => ({
    key: s,
    label: THREAD_STATUS_LABEL[s],
  })),
];

export default function Inbox() {
  const [status, setStatus] = useState<Status | ''>('');
  const [verifiedOnly, setVerifiedOnly] = useState(false);
  const [unread, setUnread] = useState(0);
  const list = usePaged(async (cursor) => {
    const page = await call('contact', 'inbox', {
      ...(status ? { status } : {}),
      ...(verifiedOnly ? { verifiedOnly: true } : {}),
      cursor,
    });
    setUnread(page.unread);
    return page;
  }, `inbox:${status}:${verifiedOnly}`);
  useReloadOnShow(list.reload);

  return (
    <PageShell className="inbox-page" demoBanner>
      <View className="row row--between">
        <Text className="h1">群众留言</Text>
        {unread ? <Text className="count inbox-unread">{unread} 条未读</Text> : null}
      </View>
      <View className="chips">
        {FILTERS.map((f) => (
          <Chip key={f.key || 'all'} on={status === f.key} onClick={() => setStatus(f.key)}>
            {f.label}
          </Chip>
        ))}
        <Chip className="verified-filter" on={verifiedOnly} onClick={() => setVerifiedOnly((v) => !v)}>
          {verifiedOnly ? '✓ ' : ''}仅看已实名
        </Chip>
      </View>
      <PagedList
        list={list}
        emptyText="没有符合条件的留言"
        row={(t) => (
          <ThreadRow
            key={t.threadId}
            thread={t}
            side="deputy"
            onClick={() => go(`/deputy/thread/index?threadId=${encodeURIComponent(t.threadId)}`)}
          />
        )}
      />
      <View className="menu">
        <MenuItem className="receptions-link" onClick={() => go('/deputy/receptions/index')}>
          我的接待日
        </MenuItem>
        <MenuItem className="groups-manage-link" onClick={() => go('/deputy/groups/index')}>
          实名制群
        </MenuItem>
        <MenuItem onClick={() => go('/deputy/card/index')}>我的联系卡</MenuItem>
        <MenuItem onClick={() => go('/deputy/record/index')}>我的履职档案</MenuItem>
      </View>
    </PageShell>
  );
}
