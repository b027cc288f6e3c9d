import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { clock, span } from '../../cloudfunctions/core/time';
import type { BookingView, DayView } from '../../cloudfunctions/modules/reception/contract';
import { BOOKING_STATUS_LABEL } from '../utils/labels';
import { Code, DaySpan, Num, Nums } from './Num';

/** When a reception day is held, then where: the station and its address. */
export function WhenWhere({ day }: { day: DayView }) {
  return (
    <>
      <Text className="text day-when" style={{ display: 'block' }}>
        <DaySpan date={day.date} startsAt={day.startsAt} endsAt={day.endsAt} />
      </Text>
      <Text className="muted" style={{ display: 'block' }}>
        {day.stationName} · <Nums text={day.stationAddress} />
      </Text>
    </>
  );
}

/**
 * One booking in a day's list: the visitor and their slot (or 现场登记), its status and the topic;
 * `showCode` adds the booking code, for the desk. `className` names the row and its parts.
 */
export function BookingRow({
  booking: b,
  className,
  showCode,
  children,
}: PropsWithChildren<{ booking: BookingView; className: string; showCode?: boolean }>) {
  return (
    <View className={`list-item ${className}`}>
      <View className="row row--between">
        <Text className={`text ${className}-name`} style={{ fontWeight: 600 }}>
          {b.visitorName}
          {b.slotStartsAt ? ' · ' : b.walkIn ? ' · 现场登记' : ''}
          {b.slotStartsAt ? (
            <Num>{b.slotEndsAt ? span(b.slotStartsAt, b.slotEndsAt) : clock(b.slotStartsAt)}</Num>
          ) : null}
        </Text>
        <Text className={`tag tag--${b.status}`}>{BOOKING_STATUS_LABEL[b.status] ?? b.status}</Text>
      </View>
      {showCode ? (
        <Text className="muted" style={{ display: 'block' }}>
          预约码 <Code code={b.code} />
        </Text>
      ) : null}
      <Text className={`text ${className}-topic`} style={{ display: 'block' }}>
        {b.topic}
      </Text>
      {children}
    </View>
  );
}
