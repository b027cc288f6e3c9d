import { Text } from '@tarojs/components';
import { call } from '../../api';
import { CaseRow } from '../../components/CaseRow';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { go } from '../../utils/nav';

/** The submitter's own reports, newest first: where each one stands. */
export default function MyCases() {
  const list = usePaged((cursor) => call('cases', 'mine', { cursor }), 'cases.mine');
  useReloadOnShow(list.reload);
  return (
    <PageShell className="cases-mine" demoBanner>
      <Text className="h1">我的社情民意</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '12px' }}>
        您反映的每一件事办到了哪一步、谁在办、为什么，都在这里。
      </Text>
      <PagedList
        list={list}
        emptyText="您还没有反映过社情民意"
        emptyLink={{ text: '反映社情民意', url: '/cases/submit/index' }}
        row={(c) => (
          <CaseRow key={c.caseId} item={c} onClick={() => go(`/cases/detail/index?caseId=${c.caseId}`)} />
        )}
      />
    </PageShell>
  );
}
