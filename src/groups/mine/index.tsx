import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { when } from '../../../cloudfunctions/core/time';
import { GROUP_CODE_PATTERN } from '../../../cloudfunctions/modules/groups/constants';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { Field } from '../../components/Form';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { tapProps } from '../../utils/a11y';
import { go } from '../../utils/nav';
import '../groups.scss';

/** 我的群: the real-name groups one is in (unread counts) or waits for, and joining by a group's code. */
export default function MyGroups() {
  const list = usePaged((cursor) => call('groups', 'mine', { cursor }), 'my-groups');
  useReloadOnShow(list.reload);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');

  const byCode = () => {
    const c = code.trim().toUpperCase();
    if (!GROUP_CODE_PATTERN.test(c)) {
      setCodeError('群码是 G 开头的 8 位字母或数字，请核对');
      return;
    }
    setCodeError('');
    go(`/groups/join/index?code=${encodeURIComponent(c)}`);
  };

  return (
    <PageShell className="groups-mine-page" demoBanner>
      <Text className="h1">我的实名制群</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        群里都是本选区实名认证的选民，代表在这里发布通知、听取意见。
      </Text>
      <PagedList
        list={list}
        emptyText="还没有加入实名制群。打开本选区代表的联系卡，或扫群码加入。"
        emptyLink={{ text: '找本选区代表', url: '/pages/home/index' }}
        row={(g) => {
          const open = () =>
            g.status === 'member'
              ? go(`/groups/feed/index?groupId=${encodeURIComponent(g.groupId)}`)
              : undefined;
          return (
            <View key={g.groupId} {...tapProps(open)} className="list-item my-group" onClick={open}>
              <View className="row row--between">
                <Text className="text my-group-name" style={{ fontWeight: 600 }}>
                  {g.name}
                </Text>
                {g.status === 'pending' ? (
                  <Text className="tag tag--waitlisted">等待审核</Text>
                ) : g.unread > 0 ? (
                  <Text className="count my-group-unread">{g.unread > 99 ? '99+' : g.unread}</Text>
                ) : null}
              </View>
              <Text className="muted" style={{ display: 'block' }}>
                {g.placeName}
                {g.muted ? ' · 已被禁言' : ''}
              </Text>
              {g.lastPostExcerpt ? (
                <Text className="muted my-group-last" style={{ display: 'block' }}>
                  {when(g.lastPostAt)}：{g.lastPostExcerpt}
                </Text>
              ) : null}
            </View>
          );
        }}
      />
      <View className="section">
        <Field label="输入群码加入" error={codeError}>
          <Input
            className="input input--code group-code-input"
            ariaLabel="群码"
            value={code}
            maxlength={8}
            placeholder="例如 GQSCZYL2"
            onInput={(e) => setCode(e.detail.value)}
          />
        </Field>
        <Button className="btn btn--ghost group-code-go" onClick={byCode}>
          查看这个群
        </Button>
      </View>
    </PageShell>
  );
}
