import { Text, View } from '@tarojs/components';
import { tapProps } from '../utils/a11y';
import type { DayView } from '../../cloudfunctions/modules/reception/contract';
import { DAY_STATUS_LABEL } from '../utils/labels';
import { DaySpan, Num } from './Num';

/** Seats still free over all slots of a day. */
export function seatsLeft(day: DayView): number {
  return day.slots.reduce((n, s) => n + Math.max(0, s.remaining), 0);
}

/**
 * One reception day in a list; the whole row is the tap target. `staff` shows the status and the
 * figures office and station staff need instead of what a voter needs.
 */
export function DayRow({ day, onClick, staff }: { day: DayView; onClick: () => void; staff?: boolean }) {
  const confirmed = day.deputies.filter((d) => d.status === 'confirmed');
  const left = seatsLeft(day);
  const booked = day.slots.reduce((n, s) => n + s.booked, 0);
  const seats = day.slots.reduce((n, s) => n + s.capacity, 0);
  return (
    <View {...tapProps(onClick)} className="list-item day-row" onClick={onClick}>
      <View className="row row--between">
        <Text className="h2 day-row-theme" style={{ margin: 0 }}>
          {day.theme}
        </Text>
        {staff ? (
          <Text className={`tag tag--${day.status}`}>{DAY_STATUS_LABEL[day.status] ?? day.status}</Text>
        ) : day.bookingOpen ? (
          <Text className={`tag ${left > 0 ? 'tag--published' : 'tag--waitlisted'}`}>
            {left > 0 ? `余 ${left} 座` : '可候补'}
          </Text>
        ) : (
          <Text className="tag tag--cancelled">预约已截止</Text>
        )}
      </View>
      <Text className="text day-row-when" style={{ display: 'block' }}>
        <DaySpan date={day.date} startsAt={day.startsAt} endsAt={day.endsAt} />
      </Text>
      <Text className="muted" style={{ display: 'block' }}>
        {day.stationName}
      </Text>
      {staff ? (
        <Text className="muted" style={{ display: 'block' }}>
          代表：
          {day.deputies.length
            ? day.deputies
                .map(
                  (d) =>
                    `${d.name}${d.status === 'confirmed' ? '' : d.status === 'invited' ? '（待确认）' : '（不能参加）'}`,
                )
                .join('、')
            : '尚未安排'}
          {' · '}已预约 <Num>{`${booked} / ${seats}`}</Num>
        </Text>
      ) : (
        <Text className="muted" style={{ display: 'block' }}>
          接待代表：{confirmed.length ? confirmed.map((d) => d.name).join('、') : '待定'}
        </Text>
      )}
    </View>
  );
}
