import { Text, View } from '@tarojs/components';
import { when } from '../../../cloudfunctions/core/time';
import { call } from '../../api';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';

export default function DutyRecord() {
  const list = usePaged((cursor) => call('account', 'dutyRecord', { cursor }), 'dutyRecord');
  return (
    <PageShell className="record-page" demoBanner>
      <Text className="h1">我的履职档案</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        回复群众留言、参加接待等履职活动会自动记入档案，用于述职和履职统计。
      </Text>
      <PagedList
        list={list}
        emptyText="还没有履职记录"
        row={(a) => (
          <View key={a.id} className="list-item">
            <View className="row row--between">
              <Text className="text grow">{a.summary}</Text>
              {a.points ? <Text className="tag tag--replied">{a.points} 分</Text> : null}
            </View>
            <Text className="muted" style={{ display: 'block' }}>
              {when(a.at)}
            </Text>
          </View>
        )}
      />
    </PageShell>
  );
}
