import { Text } from '@tarojs/components';
import { call } from '../../api';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { ThreadRow } from '../../components/ThreadRow';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { go } from '../../utils/nav';

export default function Threads() {
  const list = usePaged((cursor) => call('contact', 'myThreads', { cursor }), 'myThreads');
  // Coming back from a thread: statuses and unread dots may have changed.
  useReloadOnShow(list.reload);

  return (
    <PageShell className="threads-page" demoBanner>
      <Text className="h1">我的留言</Text>
      <PagedList
        list={list}
        emptyText="您还没有给代表留过言"
        emptyLink={{ text: '去找代表', url: '/pages/home/index' }}
        row={(t) => (
          <ThreadRow
            key={t.threadId}
            thread={t}
            side="voter"
            onClick={() => go(`/pages/thread/index?threadId=${encodeURIComponent(t.threadId)}`)}
          />
        )}
      />
    </PageShell>
  );
}
