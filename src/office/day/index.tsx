import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { clock, dateTime, isPast } from '../../../cloudfunctions/core/time';
import type { BookingView } from '../../../cloudfunctions/modules/reception/contract';
import { call, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { BookingRow, WhenWhere } from '../../components/DayDetails';
import { Chip } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { Num, Nums } from '../../components/Num';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { Visits } from '../../components/Visits';
import { useDay } from '../../hooks/useDay';
import { usePaged } from '../../hooks/usePaged';
import { BOOKING_STATUS_LABEL, DAY_STATUS_LABEL } from '../../utils/labels';
import { useParam } from '../../utils/nav';
import { useScope } from '../scope';
import { Deputies, Publish, Slots } from './Arrange';
import { CheckIn, WalkIn } from './CheckIn';

type Tab = 'arrange' | 'checkin' | 'bookings' | 'visits';
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'arrange', label: '安排' },
  { key: 'checkin', label: '签到' },
  { key: 'bookings', label: '预约名单' },
  { key: 'visits', label: '接待记录' },
];
type BookingStatus = BookingView['status'];
const FILTERS: Array<{ key: BookingStatus | ''; label: string }> = [
  { key: '', label: '全部' },
  ...(['confirmed', 'waitlisted', 'checkedIn', 'noShow', 'cancelled'] as BookingStatus[]).map((s) => ({
    key: s,
    label: BOOKING_STATUS_LABEL[s],
  })),
];

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <View className="figure">
      <Text className="figure-value">{value}</Text>
      <Text className="figure-label">{label}</Text>
    </View>
  );
}

export default function OfficeDay() {
  const dayId = useParam('dayId');
  // ?tab=checkin: the workbench's 今日接待签到 opens the day right at its check-in.
  const asked = useParam('tab');
  const scope = useScope();
  const day = useDay(dayId);
  const [tab, setTab] = useState<Tab | ''>('');
  const [filter, setFilter] = useState<BookingStatus | ''>('');
  const [busy, setBusy] = useState('');
  const d = day.data;
  const live = Boolean(d && d.status === 'published');

  // Everyone who came (checked in, walk-ins included): the figure, the list under check-in, the visit form.
  const arrived = usePaged(
    (cursor) => call('reception', 'dayBookings', { dayId, status: 'checkedIn', cursor }),
    `arrived:${dayId}`,
    live,
  );
  const bookings = usePaged(
    (cursor) => call('reception', 'dayBookings', { dayId, ...(filter ? { status: filter } : {}), cursor }),
    `bookings:${dayId}:${filter}`,
    live && tab === 'bookings',
  );
  const visits = usePaged(
    (cursor) => call('reception', 'visits', { dayId, cursor }),
    `visits:${dayId}`,
    live && tab === 'visits',
  );

  useEffect(() => {
    if (!d || tab) return;
    const wanted = TABS.find((t) => t.key === asked)?.key;
    setTab(wanted ?? (d.status === 'draft' ? 'arrange' : 'checkin'));
  }, [d, tab, asked]);
  useEffect(() => {
    if (d) void Taro.setNavigationBarTitle({ title: d.theme.slice(0, 12) });
  }, [d]);

  const refreshLists = () => {
    void day.reload(true);
    void arrived.reload(true);
    if (tab === 'bookings') void bookings.reload(true);
  };

  const checkInRow = async (b: BookingView) => {
    setBusy(b.bookingId);
    try {
      await call('reception', 'checkIn', { dayId, code: b.code });
      void Taro.showToast({ title: '已签到', icon: 'success' });
      refreshLists();
    } catch (e) {
      void Taro.showModal({ title: '签到失败', content: toApiError(e).message, showCancel: false });
    } finally {
      setBusy('');
    }
  };

  const markNoShows = async () => {
    const ok = await Taro.showModal({
      title: '标记未到场',
      content: '将把仍为“已预约”且没有签到的群众标记为未到场。此操作不能撤销，确定吗？',
      confirmText: '标记',
    });
    if (!ok.confirm) return;
    setBusy('noShows');
    try {
      const res = await call('reception', 'markNoShows', { dayId });
      void Taro.showModal({ title: '已标记', content: `共标记 ${res.marked} 人未到场。`, showCancel: false });
      refreshLists();
    } catch (e) {
      void Taro.showModal({ title: '操作失败', content: toApiError(e).message, showCancel: false });
    } finally {
      setBusy('');
    }
  };

  const seats = d ? d.slots.reduce((n, s) => n + s.capacity, 0) : 0;
  const booked = d ? d.slots.reduce((n, s) => n + s.booked, 0) : 0;
  const waitlisted = d ? d.slots.reduce((n, s) => n + s.waitlisted, 0) : 0;
  const arrivedCount = `${arrived.items.length}${arrived.hasMore ? '+' : ''}`;
  const confirmed = d ? d.deputies.filter((x) => x.status === 'confirmed') : [];
  const over = d ? isPast(d.endsAt) : false;

  return (
    <PageShell className="office-day" demoBanner>
      <Loadable
        status={day.status === 'ready' ? scope.status : day.status}
        error={day.error || scope.error}
        onRetry={() => {
          if (scope.status === 'error') void scope.reload();
          if (dayId) void day.reload();
        }}
      >
        {d ? (
          <View>
            <View className="section day-head">
              <View className="row row--between">
                <Text className="h1 day-theme" style={{ margin: 0 }}>
                  {d.theme}
                </Text>
                <Text className={`tag tag--${d.status} day-status`}>
                  {DAY_STATUS_LABEL[d.status] ?? d.status}
                </Text>
              </View>
              <WhenWhere day={d} />
              <Text className="muted" style={{ display: 'block' }}>
                预约截止 <Nums text={dateTime(d.bookingCutoff)} /> ·{' '}
                {d.bookingOpen ? '正在预约' : '不在预约期'}
              </Text>
              <View className="figures day-figures">
                <Figure label="座位" value={seats} />
                <Figure label="已预约" value={booked} />
                <Figure label="候补" value={waitlisted} />
                <Figure label="已签到" value={live ? arrivedCount : 0} />
              </View>
              <Button className="btn btn--plain btn--small" onClick={refreshLists}>
                刷新数字
              </Button>
            </View>

            <View className="chips day-tabs">
              {TABS.map((t) => (
                <Chip
                  key={t.key}
                  className={`day-tab day-tab--${t.key}`}
                  on={tab === t.key}
                  onClick={() => setTab(t.key)}
                >
                  {t.label}
                </Chip>
              ))}
            </View>

            {tab === 'arrange' ? (
              <View>
                <Deputies day={d} office={scope.office} onDay={day.setData} />
                {scope.office && d.status === 'draft' ? <Publish day={d} onDay={day.setData} /> : null}
                <Slots day={d} office={scope.office} onDay={day.setData} />
              </View>
            ) : null}

            {tab !== 'arrange' && !live ? (
              <Text className="muted state" style={{ display: 'block' }}>
                {d.status === 'draft' ? '接待日发布后才能预约、签到和记录。' : '这个接待日已取消。'}
              </Text>
            ) : null}

            {tab === 'checkin' && live ? (
              <View>
                <CheckIn dayId={dayId} onDone={refreshLists} />
                <Text className="h2">已签到（{arrivedCount}）</Text>
                <PagedList
                  list={arrived}
                  emptyText="还没有人签到"
                  row={(b) => (
                    <View key={b.bookingId} className="table-row arrived">
                      <Text className="grow arrived-name" style={{ fontWeight: 600 }}>
                        {b.visitorName}
                        {b.walkIn ? '（现场）' : ''}
                      </Text>
                      {b.checkedInAt ? <Num>{clock(b.checkedInAt)}</Num> : null}
                      <Text className="muted" style={{ width: '100%' }}>
                        {b.topic}
                      </Text>
                    </View>
                  )}
                />
                <WalkIn dayId={dayId} onDone={refreshLists} />
              </View>
            ) : null}

            {tab === 'bookings' && live ? (
              <View>
                <View className="chips">
                  {FILTERS.map((f) => (
                    <Chip key={f.key || 'all'} on={filter === f.key} onClick={() => setFilter(f.key)}>
                      {f.label}
                    </Chip>
                  ))}
                </View>
                <PagedList
                  list={bookings}
                  emptyText="没有符合条件的预约"
                  row={(b) => (
                    <BookingRow key={b.bookingId} booking={b} className="day-booking" showCode>
                      {b.status === 'confirmed' && !over ? (
                        <Button
                          className="btn btn--ghost btn--small day-booking-checkin"
                          disabled={busy === b.bookingId}
                          onClick={() => void checkInRow(b)}
                        >
                          签到
                        </Button>
                      ) : null}
                    </BookingRow>
                  )}
                />
                {over ? (
                  <View className="section">
                    <Text className="text" style={{ display: 'block' }}>
                      接待日已结束。没有签到的预约可以标记为未到场，计入统计。
                    </Text>
                    <Button
                      className="btn btn--ghost btn--block no-shows-button"
                      disabled={busy === 'noShows'}
                      onClick={() => void markNoShows()}
                    >
                      标记未到场
                    </Button>
                  </View>
                ) : null}
              </View>
            ) : null}

            {tab === 'visits' && live ? (
              <View>
                <Visits
                  dayId={dayId}
                  date={d.date}
                  today={d.today}
                  visits={visits}
                  bookings={arrived.items}
                  deputies={confirmed.map((x) => ({ deputyId: x.deputyId, name: x.name }))}
                />
              </View>
            ) : null}
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
