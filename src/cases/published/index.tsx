import { Text, View } from '@tarojs/components';
import { dateLabel, chinaDate } from '../../../cloudfunctions/core/time';
import { call } from '../../api';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';
import { tapProps } from '../../utils/a11y';
import { go } from '../../utils/nav';

/** Closed reports whose submitters agreed to publish them, with personal details removed. */
export default function PublishedCases() {
  const list = usePaged((cursor) => call('cases', 'published', { cursor }), 'cases.published');
  return (
    <PageShell className="cases-published" demoBanner>
      <Text className="h1">公开的社情民意</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '12px' }}>
        经提交人同意公开，已隐去姓名、电话、证件号、详细地址和位置。
      </Text>
      <PagedList
        list={list}
        emptyText="还没有公开的社情民意"
        row={(c) => {
          const open = () => go(`/cases/detail/index?caseId=${c.caseId}`);
          return (
            <View key={c.caseId} {...tapProps(open)} className="list-item published-row" onClick={open}>
              <Text className="h2" style={{ margin: 0 }}>
                {c.category} · {c.townshipName}
              </Text>
              <Text className="text published-text" style={{ display: 'block' }}>
                {c.text}
              </Text>
              {c.answerText ? (
                <Text className="text" style={{ display: 'block' }}>
                  答复（{c.answerCategory ?? '代表答复'}）：{c.answerText}
                </Text>
              ) : null}
              <Text className="muted" style={{ display: 'block' }}>
                {dateLabel(chinaDate(c.publishedAt))} 公开
                {c.result ? ` · 提交人评价：${c.result}` : ''} · {c.supportCount} 人也关注
              </Text>
            </View>
          );
        }}
      />
    </PageShell>
  );
}
