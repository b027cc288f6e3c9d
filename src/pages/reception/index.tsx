import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { dateTime, isPast, span } from '../../../cloudfunctions/core/time';
import type { DayView, SlotView, StationView } from '../../../cloudfunctions/modules/reception/contract';
import { TOPIC_MAX } from '../../../cloudfunctions/modules/reception/constants';
import { call, isSignedIn, newRequestId, toApiError, type ActionOutputOf } from '../../api';
import { checkInput } from '../../api/checks';
import { Button } from '../../components/Button';
import { TextBox } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { Code, dayTitle, DaySpan, Num, Nums } from '../../components/Num';
import { PageShell } from '../../components/PageShell';
import { useDay } from '../../hooks/useDay';
import { useDraft } from '../../hooks/useDraft';
import { tapProps } from '../../utils/a11y';
import { go, useParam } from '../../utils/nav';

/** A booking just made, with the slot it holds (repeated on the success screen). */
type Booked = ActionOutputOf<'reception', 'book'> & { slot: SlotView };

const BOOK_ERRORS: Record<string, string> = {
  FULL: '这个时段的座位和候补名额都已满，请选择其他时段。',
  CONFLICT: '您这一天已经有一个预约。如需换时段，请先在“我的预约”中取消原来的预约。',
  CLOSED: '这个接待日的预约已经截止或尚未开放。',
  FORBIDDEN: '预约接待需要先完成实名认证。',
  UNAUTHENTICATED: '请先登录后再预约。',
  RATE_LIMITED: '操作太频繁了，请稍后再试。',
};

/** Opens the day's station in the map (WeChat's own map; a web map on H5). */
function openMap(d: DayView) {
  const { stationLatitude: latitude, stationLongitude: longitude } = d;
  if (latitude === null || longitude === null) return;
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({
      latitude,
      longitude,
      name: d.stationName,
      address: d.stationAddress,
      scale: 16,
    });
    return;
  }
  const url =
    `https://uri.amap.com/marker?position=${longitude},${latitude}` +
    `&name=${encodeURIComponent(d.stationName)}&coordinate=gaode&callnative=0`;
  window.open(url, '_blank', 'noopener');
}

export default function ReceptionDay() {
  const dayId = useParam('dayId');
  const day = useDay(dayId);
  const [station, setStation] = useState<StationView | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);
  const [slotId, setSlotId] = useState('');
  const { draft, update, clear } = useDraft(`dl.draft.book.${dayId}`);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const [booked, setBooked] = useState<Booked | null>(null);

  const d = day.data;
  const townshipId = d?.townshipId ?? '';
  const stationId = d?.stationId ?? '';
  // The day carries the station's map point; its contact and opening notes come with the stations.
  useEffect(() => {
    if (!townshipId) return;
    call('reception', 'stations', { townshipId })
      .then((r) => setStation(r.items.find((s) => s.stationId === stationId) ?? null))
      .catch(() => setStation(null));
  }, [townshipId, stationId]);

  useEffect(() => {
    if (!isSignedIn()) return;
    call('account', 'me', {}, { quietAuth: true })
      .then((me) => setVerified(me.verification.state === 'verified'))
      .catch(() => undefined);
  }, []);

  const slot = d?.slots.find((s) => s.slotId === slotId);
  const full = slot ? slot.remaining <= 0 : false;

  const pick = (id: string) => {
    if (!d?.bookingOpen || sending) return;
    if (id !== slotId) {
      setSlotId(id);
      // A different slot is a different create: it gets its own requestId.
      update({ requestId: newRequestId() });
    }
    setError(null);
  };

  const book = async () => {
    if (sending || !slot) return;
    const topic = draft.text.trim();
    const problems = checkInput(
      'reception',
      'book',
      { slotId: slot.slotId, topic },
      { topic: { name: '事项', missing: '请简单写下想向代表反映的事项' } },
    );
    if (problems.topic) {
      setError({ code: 'INVALID_INPUT', text: problems.topic });
      return;
    }
    setError(null);
    setSending(true);
    try {
      const res = await call(
        'reception',
        'book',
        { slotId: slot.slotId, topic },
        { requestId: draft.requestId },
      );
      clear();
      setBooked({ ...res, slot });
      setSlotId('');
      void day.reload(true);
    } catch (e) {
      const err = toApiError(e);
      let text = BOOK_ERRORS[err.code] || err.fields.topic || err.fields.slotId || err.message;
      if (err.code === 'NETWORK') text = `${err.message}。填写的内容已保存在手机上，可稍后再点预约。`;
      setError({ code: err.code, text });
      if (err.code === 'FULL' || err.code === 'CLOSED') void day.reload(true);
      if (err.code === 'FORBIDDEN') setVerified(false);
    } finally {
      setSending(false);
    }
  };

  const confirmed = d ? d.deputies.filter((x) => x.status === 'confirmed') : [];

  return (
    <PageShell className="reception-page" demoBanner>
      <Loadable status={day.status} error={day.error} onRetry={dayId ? () => void day.reload() : undefined}>
        {d ? (
          <View>
            <View className="section reception-head">
              <Text className="h1 reception-theme">{d.theme}</Text>
              <Text className="text reception-when" style={{ display: 'block' }}>
                <DaySpan date={d.date} startsAt={d.startsAt} endsAt={d.endsAt} />
              </Text>
              <Text className="text" style={{ display: 'block', fontWeight: 600, marginTop: '12px' }}>
                {d.stationName}
              </Text>
              <View className="row row--between">
                <Text className="muted grow reception-address">
                  <Nums text={d.stationAddress} />
                </Text>
                {d.stationLatitude !== null && d.stationLongitude !== null ? (
                  <Button className="btn btn--plain btn--small map-button" onClick={() => openMap(d)}>
                    地图
                  </Button>
                ) : null}
              </View>
              {station?.contact ? (
                <Text className="muted" style={{ display: 'block' }}>
                  联系方式：
                  <Nums text={station.contact} />
                </Text>
              ) : null}
              {station?.openingNotes ? (
                <Text className="muted" style={{ display: 'block' }}>
                  {station.openingNotes}
                </Text>
              ) : null}
            </View>

            <View className="section">
              <Text className="label">接待代表</Text>
              <Text className="text reception-deputies" style={{ display: 'block' }}>
                {confirmed.length ? confirmed.map((x) => `${x.name} 代表`).join('、') : '代表名单待公布'}
              </Text>
            </View>

            {booked ? (
              <View className="section book-result">
                <Text className="h2" style={{ marginTop: 0 }}>
                  {booked.status === 'confirmed' ? '预约成功' : '已加入候补'}
                </Text>
                {booked.status === 'waitlisted' ? (
                  <Text className="text book-waitlist" style={{ display: 'block' }}>
                    您排在候补第 {booked.waitlistPosition ?? '?'} 位。有人取消时按顺序递补，递补成功会通知您。
                  </Text>
                ) : null}
                <View className="book-slot">
                  <Text className="text book-when" style={{ display: 'block', fontWeight: 600 }}>
                    <Nums text={dayTitle(d.date)} />{' '}
                    <Num>{span(booked.slot.startsAt, booked.slot.endsAt)}</Num>
                  </Text>
                  <Text className="text book-where" style={{ display: 'block' }}>
                    {d.stationName}
                  </Text>
                  <Text className="muted" style={{ display: 'block' }}>
                    <Nums text={d.stationAddress} />
                  </Text>
                </View>
                <Text className="label" style={{ marginTop: '16px' }}>
                  预约码
                </Text>
                <Code code={booked.code} className="booking-code book-code" />
                <Text className="muted" style={{ display: 'block' }}>
                  到站后向工作人员报出预约码，或出示“我的预约”里的二维码。
                </Text>
                <View className="btn-row">
                  <Button className="btn book-mine" onClick={() => go('/pages/bookings/index')}>
                    查看我的预约
                  </Button>
                  <Button className="btn btn--plain book-back" onClick={() => setBooked(null)}>
                    返回
                  </Button>
                </View>
              </View>
            ) : (
              <View>
                <Text className="h2">选择时段</Text>
                {d.status === 'cancelled' ? (
                  <Text className="error-text reception-closed">这个接待日已取消。</Text>
                ) : !d.bookingOpen ? (
                  <Text className="error-text reception-closed">
                    {isPast(d.bookingCutoff) ? (
                      <Nums text={`预约已于 ${dateTime(d.bookingCutoff)} 截止。`} />
                    ) : (
                      '这个接待日暂未开放预约。'
                    )}
                  </Text>
                ) : (
                  <Text className="muted" style={{ display: 'block', marginBottom: '12px' }}>
                    预约截止：
                    <Nums text={dateTime(d.bookingCutoff)} />
                  </Text>
                )}
                {d.slots.map((s) => {
                  const on = s.slotId === slotId;
                  return (
                    <View
                      key={s.slotId}
                      {...tapProps(() => pick(s.slotId), !d.bookingOpen)}
                      className={`list-item slot${on ? ' list-item--active slot--on' : ''}${
                        d.bookingOpen ? '' : ' slot--closed'
                      }`}
                      onClick={() => pick(s.slotId)}
                    >
                      <View className="row row--between">
                        <Text className="h2 slot-time" style={{ margin: 0 }}>
                          {on ? '✓ ' : ''}
                          <Num>{span(s.startsAt, s.endsAt)}</Num>
                        </Text>
                        <Text className={`slot-remaining${s.remaining > 0 ? '' : ' slot-remaining--full'}`}>
                          {s.remaining > 0
                            ? `剩余 ${s.remaining} 座`
                            : `已满${s.waitlisted ? ` · 候补 ${s.waitlisted} 人` : ''}`}
                        </Text>
                      </View>
                    </View>
                  );
                })}

                {verified === false && d.bookingOpen ? (
                  <View
                    {...tapProps(() => go('/pages/me/index'))}
                    className="section book-verify-hint"
                    onClick={() => go('/pages/me/index')}
                  >
                    <Text className="text">预约接待需要先完成实名认证，以便代表了解您是本地选民。</Text>
                    <Text className="link">去“我的”实名认证 ›</Text>
                  </View>
                ) : null}

                {slot ? (
                  <View className="section book-form">
                    <Text className="label">想向代表反映的事项</Text>
                    <TextBox
                      className="book-topic"
                      short
                      value={draft.text}
                      max={TOPIC_MAX}
                      placeholder="简单写下要反映的问题，方便代表提前了解（例如：村口道路破损，雨天积水）"
                      counterClassName="book-counter"
                      onInput={(text) => {
                        update({ text });
                        if (error) setError(null);
                      }}
                    />
                    {full ? (
                      <Text className="text book-full-hint" style={{ display: 'block' }}>
                        这个时段已满，可以排队候补：有人取消时按顺序递补。
                      </Text>
                    ) : null}
                    {error ? (
                      <View>
                        <Text className="error-text book-error">{error.text}</Text>
                        {error.code === 'FORBIDDEN' ? (
                          <Text className="link" onClick={() => go('/pages/me/index')}>
                            去实名认证 ›
                          </Text>
                        ) : null}
                        {error.code === 'CONFLICT' ? (
                          <Text className="link" onClick={() => go('/pages/bookings/index')}>
                            查看我的预约 ›
                          </Text>
                        ) : null}
                      </View>
                    ) : null}
                    <Button
                      className="btn btn--block book-submit"
                      disabled={sending}
                      onClick={() => void book()}
                    >
                      {sending ? '正在预约…' : full ? '加入候补 ' : '预约 '}
                      {sending ? null : <Num>{span(slot.startsAt, slot.endsAt)}</Num>}
                    </Button>
                  </View>
                ) : d.bookingOpen ? (
                  <Text className="muted" style={{ display: 'block' }}>
                    点选一个时段后填写事项即可预约。
                  </Text>
                ) : null}
              </View>
            )}
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
