import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { dateTime } from '../../../cloudfunctions/core/time';
import { PHASE_LABEL } from '../../../cloudfunctions/modules/consult/constants';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { Chip } from '../../components/Form';
import { PageShell } from '../../components/PageShell';
import { PagedList } from '../../components/PagedList';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { go } from '../../utils/nav';

const FILTERS = [
  { label: '草稿', status: 'draft' },
  { label: '征询中', status: 'published' },
  { label: '已结束', status: 'closed' },
  { label: '已公布采纳', status: 'feedbackPublished' },
] as const;

/** The office's consultations: drafts of its own scope, and the published ones. */
export default function OfficeConsults() {
  const [status, setStatus] = useState<(typeof FILTERS)[number]['status']>('draft');
  const list = usePaged((cursor) => call('consult', 'list', { status, cursor }), `office-consult:${status}`);
  useReloadOnShow(list.reload);
  return (
    <PageShell className="office-consults" demoBanner>
      <Text className="h1">意见征询</Text>
      <Button className="btn btn--block consult-new" onClick={() => go('/office/consult-edit/index')}>
        新建征询
      </Button>
      <View className="chips" style={{ marginTop: '16px' }}>
        {FILTERS.map((f) => (
          <Chip key={f.status} on={status === f.status} onClick={() => setStatus(f.status)}>
            {f.label}
          </Chip>
        ))}
      </View>
      <PagedList
        list={list}
        emptyText="没有这样的征询"
        row={(c) => (
          <View
            key={c.consultationId}
            className="list-item office-consult-row"
            onClick={() =>
              go(
                c.status === 'draft'
                  ? `/office/consult-edit/index?consultationId=${c.consultationId}`
                  : `/office/consult/index?consultationId=${c.consultationId}`,
              )
            }
          >
            <Text className="text" style={{ display: 'block', fontWeight: 600 }}>
              {c.title}
              {c.version > 1 ? `（第 ${c.version} 版）` : ''}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {c.scopeName} · {PHASE_LABEL[c.phase]} · {c.articles} 条 · 截止 {dateTime(c.closesAt)}
            </Text>
          </View>
        )}
      />
    </PageShell>
  );
}
