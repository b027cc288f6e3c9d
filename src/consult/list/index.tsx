import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { dateTime } from '../../../cloudfunctions/core/time';
import { PHASE_LABEL } from '../../../cloudfunctions/modules/consult/constants';
import { call } from '../../api';
import { Chip } from '../../components/Form';
import { PageShell } from '../../components/PageShell';
import { PagedList } from '../../components/PagedList';
import { usePaged } from '../../hooks/usePaged';
import { go } from '../../utils/nav';

const FILTERS = [
  { label: '征询中', status: 'published' },
  { label: '已结束', status: 'closed' },
  { label: '已公布采纳情况', status: 'feedbackPublished' },
] as const;

/** Consultations anyone can browse: the open ones to answer, and past ones with what was adopted. */
export default function ConsultList() {
  const [status, setStatus] = useState<(typeof FILTERS)[number]['status']>('published');
  const list = usePaged((cursor) => call('consult', 'list', { status, cursor }), `consult:${status}`);
  return (
    <PageShell className="consult-list" demoBanner>
      <Text className="h1">意见征询</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '12px' }}>
        人大在制定法规、作出决定前听取大家的意见。每一条都可以提意见，结束后会告诉您意见是否被采纳。
      </Text>
      <View className="chips">
        {FILTERS.map((f) => (
          <Chip key={f.status} on={status === f.status} onClick={() => setStatus(f.status)}>
            {f.label}
          </Chip>
        ))}
      </View>
      <PagedList
        list={list}
        emptyText={status === 'published' ? '现在没有正在征询的事项' : '还没有这样的征询'}
        row={(c) => (
          <View
            key={c.consultationId}
            className="list-item consult-row"
            onClick={() => go(`/consult/answer/index?consultationId=${c.consultationId}`)}
          >
            <Text className="text consult-row-title" style={{ display: 'block', fontWeight: 600 }}>
              {c.title}
              {c.version > 1 ? `（第 ${c.version} 版）` : ''}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {c.scopeName} · {PHASE_LABEL[c.phase]} · {c.articles} 条
              {c.questions ? ` · ${c.questions} 个问题` : ''}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {c.phase === 'upcoming' ? `${dateTime(c.opensAt)} 开始` : `截止 ${dateTime(c.closesAt)}`}
            </Text>
          </View>
        )}
      />
    </PageShell>
  );
}
