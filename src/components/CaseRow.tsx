import { Text, View } from '@tarojs/components';
import { dateLabel, chinaDate, when } from '../../cloudfunctions/core/time';
import type { CaseSummary } from '../../cloudfunctions/modules/cases/contract';
import { STATUS_SHORT } from '../../cloudfunctions/modules/cases/constants';
import { tapProps } from '../utils/a11y';

/** The last day of a stage's limit (its dueAt is the instant after that day ends, China time). */
export const dueDay = (dueAt: string | null) =>
  dueAt ? dateLabel(chinaDate(new Date(Date.parse(dueAt) - 1).toISOString())) : '';

/** One case in a list: its status in plain words, what it is about, and how its limit stands. */
export function CaseRow({ item, onClick }: { item: CaseSummary; onClick: () => void }) {
  return (
    <View {...tapProps(onClick)} className="list-item case-row" onClick={onClick}>
      <View className="row row--between">
        <Text className="h2" style={{ margin: 0 }}>
          {item.category}
          {item.townshipName ? ` · ${item.townshipName}` : ''}
        </Text>
        <Text className={`tag case-status case-status--${item.status}`}>{STATUS_SHORT[item.status]}</Text>
      </View>
      <Text className="text case-row-excerpt" style={{ display: 'block' }}>
        {item.excerpt}
      </Text>
      <Text className="muted" style={{ display: 'block' }}>
        {item.submitterName ? `${item.submitterName} · ` : ''}
        {when(item.updatedAt)}
        {item.unitRole ? ` · ${item.unitRole === 'lead' ? '主办' : '协办'}` : ''}
        {item.held ? ' · 内容待复核' : ''}
      </Text>
      {item.overdue ? (
        <Text className="error-text case-row-overdue" style={{ display: 'block' }}>
          已超过办理时限
        </Text>
      ) : item.dueAt ? (
        <Text className="muted" style={{ display: 'block' }}>
          办理期限：{dueDay(item.dueAt)}
        </Text>
      ) : null}
    </View>
  );
}
