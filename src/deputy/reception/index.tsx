import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { call, toApiError } from '../../api';
import { Loadable } from '../../components/Loadable';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { Visits } from '../../components/Visits';
import { usePaged } from '../../hooks/usePaged';
import { useResource } from '../../hooks/useResource';
import { BOOKING_STATUS_LABEL } from '../../utils/labels';
import { clock, dayWhen } from '../../utils/reception';

export default function DeputyReception() {
  const { params } = useRouter();
  const dayId = params.dayId ? decodeURIComponent(params.dayId) : '';
  const day = useResource(() => {
    if (!dayId) throw toApiError({ code: 'NOT_FOUND', message: '没有找到这个接待日' });
    return call('reception', 'day', { dayId });
  }, `day:${dayId}`);
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
              <Text className="text" style={{ display: 'block' }}>
                {dayWhen(d)}
              </Text>
              <Text className="muted" style={{ display: 'block' }}>
                {d.stationName} · {d.stationAddress}
              </Text>
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
              row={(b) => (
                <View key={b.bookingId} className="list-item visitor">
                  <View className="row row--between">
                    <Text className="text visitor-name" style={{ fontWeight: 600 }}>
                      {b.visitorName}
                      {b.slotStartsAt ? ` · ${clock(b.slotStartsAt)}` : b.walkIn ? ' · 现场登记' : ''}
                    </Text>
                    <Text className={`tag tag--${b.status}`}>
                      {BOOKING_STATUS_LABEL[b.status] ?? b.status}
                    </Text>
                  </View>
                  <Text className="text visitor-topic" style={{ display: 'block' }}>
                    {b.topic}
                  </Text>
                </View>
              )}
            />

            <Text className="h2">接待记录</Text>
            <Visits dayId={d.dayId} visits={visits} bookings={arrived.items} />
            <Text className="muted" style={{ display: 'block' }}>
              接待记录会记入您的履职档案。群众个人信息仅用于办理，请勿在记录中填写身份证号等隐私信息。
            </Text>
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
