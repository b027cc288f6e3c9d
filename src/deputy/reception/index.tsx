import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { call } from '../../api';
import { BookingRow, WhenWhere } from '../../components/DayDetails';
import { Loadable } from '../../components/Loadable';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { Visits } from '../../components/Visits';
import { useDay } from '../../hooks/useDay';
import { usePaged } from '../../hooks/usePaged';
import { useParam } from '../../utils/nav';

export default function DeputyReception() {
  const dayId = useParam('dayId');
  const day = useDay(dayId);
  const bookings = usePaged(
    (cursor) => call('reception', 'dayBookings', { dayId, cursor }),
    `bookings:${dayId}`,
    Boolean(dayId),
  );
  // A visit is recorded for someone who came: a checked-in booking, or a visitor typed by name.
  const arrived = usePaged(
    (cursor) => call('reception', 'dayBookings', { dayId, status: 'checkedIn', cursor }),
    `arrived:${dayId}`,
    Boolean(dayId),
  );
  const visits = usePaged(
    (cursor) => call('reception', 'visits', { dayId, cursor }),
    `visits:${dayId}`,
    Boolean(dayId),
  );

  useEffect(() => {
    if (day.data) void Taro.setNavigationBarTitle({ title: day.data.theme.slice(0, 12) });
  }, [day.data]);

  const d = day.data;

  return (
    <PageShell className="deputy-reception" demoBanner>
      <Loadable status={day.status} error={day.error} onRetry={dayId ? () => void day.reload() : undefined}>
        {d ? (
          <View>
            <View className="section">
              <Text className="h1 reception-theme">{d.theme}</Text>
              <WhenWhere day={d} />
              <Text className="muted" style={{ display: 'block' }}>
                接待代表：
                {d.deputies
                  .filter((x) => x.status === 'confirmed')
                  .map((x) => x.name)
                  .join('、') || '—'}
              </Text>
            </View>

            <Text className="h2">预约的群众</Text>
            <PagedList
              list={bookings}
              emptyText="还没有群众预约"
              row={(b) => <BookingRow key={b.bookingId} booking={b} className="visitor" />}
            />

            <Text className="h2">接待记录</Text>
            <Visits dayId={d.dayId} date={d.date} today={d.today} visits={visits} bookings={arrived.items} />
            <Text className="muted" style={{ display: 'block' }}>
              接待记录会记入您的履职档案。群众个人信息仅用于办理，请勿在记录中填写身份证号等隐私信息。
            </Text>
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
