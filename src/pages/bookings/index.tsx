import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { clock, dateTime, span } from '../../../cloudfunctions/core/time';
import { call, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { Code, dayTitle, Num, Nums } from '../../components/Num';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { BOOKING_STATUS_LABEL } from '../../utils/labels';

export default function Bookings() {
  const list = usePaged((cursor) => call('reception', 'myBookings', { cursor }), 'myBookings');
  const [busy, setBusy] = useState('');
  useReloadOnShow(list.reload);

  const hours = (startsAt: string | null, endsAt: string | null) =>
    startsAt && endsAt ? span(startsAt, endsAt) : startsAt ? clock(startsAt) : '';

  const cancel = async (bookingId: string, what: string) => {
    const ok = await Taro.showModal({
      title: '取消预约',
      content: `确定取消 ${what} 的预约吗？取消后座位会让给候补的群众，预约码随即失效。`,
      confirmText: '取消预约',
      cancelText: '不取消',
    });
    if (!ok.confirm) return;
    setBusy(bookingId);
    try {
      const res = await call('reception', 'cancel', { bookingId });
      list.setItems((items) =>
        items.map((b) => (b.bookingId === bookingId ? { ...b, ...res, canCancel: false } : b)),
      );
      void Taro.showToast({ title: '已取消', icon: 'success' });
    } catch (e) {
      void Taro.showModal({ title: '取消失败', content: toApiError(e).message, showCancel: false });
      void list.reload(true);
    } finally {
      setBusy('');
    }
  };

  return (
    <PageShell className="bookings-page" demoBanner>
      <Text className="h1">我的预约</Text>
      <PagedList
        list={list}
        emptyText="您还没有预约过代表接待"
        emptyLink={{ text: '看看接待日', url: '/pages/receptions/index' }}
        row={(b) => {
          const active = b.status === 'confirmed' || b.status === 'waitlisted';
          const time = hours(b.slotStartsAt, b.slotEndsAt);
          const when = `${dayTitle(b.day.date)}${time ? ` ${time}` : ''}`;
          return (
            <View key={b.bookingId} className={`list-item booking${active ? '' : ' booking--past'}`}>
              <View className="row row--between">
                <Text className="h2 booking-theme" style={{ margin: 0 }}>
                  {b.day.theme}
                </Text>
                <Text className={`tag tag--${b.status} booking-status`}>
                  {BOOKING_STATUS_LABEL[b.status] ?? b.status}
                </Text>
              </View>
              <Text className="text booking-when" style={{ display: 'block' }}>
                <Nums text={dayTitle(b.day.date)} />
                {time ? ' ' : ''}
                {time ? <Num>{time}</Num> : null}
              </Text>
              <Text className="muted" style={{ display: 'block' }}>
                {b.day.stationName} · <Nums text={b.day.stationAddress} />
              </Text>
              <Text className="muted" style={{ display: 'block' }}>
                事项：{b.topic}
              </Text>
              {b.promises.map((p, i) => (
                <View key={i} className="booking-promise">
                  <Text className="label">{p.deputyName ? `${p.deputyName} 代表的答复` : '代表的答复'}</Text>
                  <Text className="text booking-promise-text" style={{ display: 'block' }}>
                    {p.promised}
                  </Text>
                </View>
              ))}
              {active ? (
                <View className="booking-pass">
                  <Text className="label">预约码</Text>
                  <Code code={b.code} className="booking-code" />
                  {b.qr ? (
                    <Image
                      className="booking-qr"
                      src={b.qr}
                      mode="aspectFit"
                      ariaLabel={`预约码 ${b.code} 的二维码`}
                      nativeProps={{ alt: `预约码 ${b.code} 的二维码` }}
                    />
                  ) : null}
                  <Text className="muted" style={{ display: 'block' }}>
                    {b.status === 'waitlisted'
                      ? `正在候补${b.waitlistPosition ? `（第 ${b.waitlistPosition} 位）` : ''}：递补成功后会通知您，届时凭此码签到。`
                      : '到站后向工作人员报出预约码或出示二维码。'}
                  </Text>
                </View>
              ) : (
                <Text className="muted booking-code-small" style={{ display: 'block' }}>
                  预约码 <Code code={b.code} />
                  {b.checkedInAt ? <Nums text={` · ${dateTime(b.checkedInAt)} 签到`} /> : null}
                </Text>
              )}
              {b.canCancel ? (
                <Button
                  className="btn btn--ghost btn--block booking-cancel"
                  disabled={busy === b.bookingId}
                  onClick={() => void cancel(b.bookingId, when)}
                >
                  {busy === b.bookingId ? '正在取消…' : '取消预约'}
                </Button>
              ) : active ? (
                <Text className="muted" style={{ display: 'block' }}>
                  已过取消截止时间（
                  <Nums text={dateTime(b.day.bookingCutoff)} />
                  ），如不能前往请联系联络站。
                </Text>
              ) : null}
            </View>
          );
        }}
      />
    </PageShell>
  );
}
