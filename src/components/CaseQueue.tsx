import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CaseStatus } from '../../cloudfunctions/modules/cases/constants';
import { call } from '../api';
import { useReloadOnShow } from '../hooks/useLoad';
import { usePaged } from '../hooks/usePaged';
import { go } from '../utils/nav';
import { CaseRow } from './CaseRow';
import { Chip } from './Form';
import { PagedList } from './PagedList';

export interface QueueTab {
  key: string;
  label: string;
  status?: CaseStatus;
  overdue?: boolean;
  empty: string;
}

/** A role's queue of cases (cases.queue answers each role its own), in tabs; a row opens the case. */
export function CaseQueue({ tabs, title, intro }: { tabs: QueueTab[]; title: string; intro?: string }) {
  const [tab, setTab] = useState(tabs[0]);
  const list = usePaged(
    (cursor) =>
      call('cases', 'queue', {
        ...(tab.status ? { status: tab.status } : {}),
        ...(tab.overdue ? { overdue: true } : {}),
        cursor,
      }),
    `cases.queue:${tab.key}`,
  );
  useReloadOnShow(list.reload);
  return (
    <>
      <Text className="h1">{title}</Text>
      {intro ? (
        <Text className="muted" style={{ display: 'block', marginBottom: '12px' }}>
          {intro}
        </Text>
      ) : null}
      <View className="chips case-tabs">
        {tabs.map((t) => (
          <Chip
            key={t.key}
            on={t.key === tab.key}
            className={`case-tab case-tab--${t.key}`}
            onClick={() => setTab(t)}
          >
            {t.label}
          </Chip>
        ))}
      </View>
      <PagedList
        list={list}
        emptyText={tab.empty}
        row={(c) => (
          <CaseRow
            key={c.caseId}
            item={c}
            onClick={() => go(`/cases/detail/index?caseId=${c.caseId}&staff=1`)}
          />
        )}
      />
    </>
  );
}
