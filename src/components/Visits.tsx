import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { clock } from '../../cloudfunctions/core/time';
import type { BookingView } from '../../cloudfunctions/modules/reception/contract';
import { VISIT_TEXT_MAX } from '../../cloudfunctions/modules/reception/constants';
import { call, type ActionOutputOf } from '../api';
import { checkInput } from '../api/checks';
import type { Paged } from '../hooks/usePaged';
import { useSubmit } from '../hooks/useSubmit';
import { go } from '../utils/nav';
import { Button } from './Button';
import { Chip, Field, FormError, TextBox } from './Form';
import { Num } from './Num';
import { PagedList } from './PagedList';

type Visit = ActionOutputOf<'reception', 'recordVisit'>;

interface Props {
  dayId: string;
  /** Bookings to pick the visitor from (a visitor without one is typed by name). */
  bookings: BookingView[];
  /** Staff recording for a deputy choose which deputy; a deputy records for themself (omit). */
  deputies?: Array<{ deputyId: string; name: string }>;
  onSaved: (visit: Visit) => void;
}

const OTHER = '__other__';

/** What a visitor raised and what the deputy promised, for one visit. */
function VisitForm({ dayId, bookings, deputies, onSaved }: Props) {
  const [deputyId, setDeputyId] = useState(deputies && deputies.length === 1 ? deputies[0].deputyId : '');
  const [bookingId, setBookingId] = useState('');
  const [visitorName, setVisitorName] = useState('');
  const [raised, setRaised] = useState('');
  const [promised, setPromised] = useState('');
  const submit = useSubmit();
  const { fields } = submit;

  const save = async () => {
    const input = {
      dayId,
      ...(deputies ? { deputyId } : {}),
      ...(bookingId === OTHER ? { visitorName: visitorName.trim() } : bookingId ? { bookingId } : {}),
      raised: raised.trim(),
      promised: promised.trim(),
    };
    const local = checkInput('reception', 'recordVisit', input, {
      deputyId: { missing: '请选择接待的代表' },
      visitorName: { name: '姓名', missing: '请填写来访群众姓名' },
      raised: { missing: '请填写群众反映的问题' },
    });
    // A visit names its visitor: a booking, or a name typed under 其他来访群众.
    if (!bookingId) local.bookingId = '请选择来访群众';
    if (!submit.check(local)) return;
    await submit.run(async () => {
      const visit = await call('reception', 'recordVisit', input, { requestId: submit.requestId });
      setBookingId('');
      setVisitorName('');
      setRaised('');
      setPromised('');
      submit.reset();
      void Taro.showToast({ title: '已记录', icon: 'success' });
      onSaved(visit);
    });
  };

  return (
    <View className="section visit-form">
      <Text className="h2" style={{ marginTop: 0 }}>
        记录接待情况
      </Text>
      {deputies ? (
        <Field label="接待代表" error={fields.deputyId}>
          {deputies.length ? (
            <View className="chips">
              {deputies.map((d) => (
                <Chip
                  key={d.deputyId}
                  className="visit-deputy"
                  on={deputyId === d.deputyId}
                  onClick={() => setDeputyId(d.deputyId)}
                >
                  {d.name}
                </Chip>
              ))}
            </View>
          ) : (
            <Text className="muted">这一天还没有确认参加的代表。</Text>
          )}
        </Field>
      ) : null}
      <Field label="来访群众" error={fields.bookingId || fields.visitorName}>
        <Text className="muted" style={{ display: 'block', marginBottom: '8px' }}>
          选择已签到的群众；没有预约或未签到的，选“其他来访群众”并填写姓名。
        </Text>
        <View className="chips">
          {bookings.map((b) => (
            <Chip
              key={b.bookingId}
              className="visit-booking"
              on={bookingId === b.bookingId}
              onClick={() => setBookingId(b.bookingId)}
            >
              {b.visitorName}
              {b.slotStartsAt ? ' ' : b.walkIn ? ' 现场' : ''}
              {b.slotStartsAt ? <Num>{clock(b.slotStartsAt)}</Num> : null}
            </Chip>
          ))}
          <Chip className="visit-other" on={bookingId === OTHER} onClick={() => setBookingId(OTHER)}>
            其他来访群众
          </Chip>
        </View>
        {bookingId && bookingId !== OTHER ? (
          <Text className="muted" style={{ display: 'block' }}>
            预约事项：{bookings.find((b) => b.bookingId === bookingId)?.topic ?? ''}
          </Text>
        ) : null}
        {bookingId === OTHER ? (
          <Input
            className="input visit-name"
            value={visitorName}
            placeholder="来访群众姓名"
            onInput={(e) => setVisitorName(e.detail.value)}
          />
        ) : null}
      </Field>
      <Field label="群众反映的问题" error={fields.raised}>
        <TextBox
          className="visit-raised"
          value={raised}
          max={VISIT_TEXT_MAX}
          placeholder="记录群众反映的主要问题和诉求"
          onInput={setRaised}
        />
      </Field>
      <Field label="代表答复或承诺（可不填）" error={fields.promised}>
        <TextBox
          className="visit-promised"
          short
          value={promised}
          max={VISIT_TEXT_MAX}
          placeholder="例如：向镇政府反映，两周内答复"
          onInput={setPromised}
        />
        <Text className="muted visit-promised-hint" style={{ display: 'block' }}>
          预约的群众会在“我的预约”里看到这条答复；反映的问题不会显示给群众。
        </Text>
      </Field>
      <FormError submit={submit} className="visit-error" />
      <Button className="btn btn--block visit-save" disabled={submit.saving} onClick={() => void save()}>
        {submit.saving ? '正在保存…' : '保存接待记录'}
      </Button>
    </View>
  );
}

/**
 * The visits of a day, newest first as the server gives them, and the form to record another (which
 * joins the list when saved). Staff recording for `deputies` also see which deputy received whom.
 */
export function Visits({
  dayId,
  date,
  today,
  visits,
  bookings,
  deputies,
}: {
  dayId: string;
  /** The day's China date: visits are recorded from that day on (`today` by the functions' clock). */
  date: string;
  today: string;
  visits: Paged<Visit>;
  bookings: BookingView[];
  deputies?: Array<{ deputyId: string; name: string }>;
}) {
  return (
    <>
      <PagedList
        list={visits}
        emptyText="还没有接待记录"
        row={(v) => (
          <View key={v.visitId} className="list-item visit">
            <Text className="text visit-who" style={{ display: 'block', fontWeight: 600 }}>
              {v.visitorName}
              {deputies ? ` · ${v.deputyName} 代表接待` : ''}
            </Text>
            <Text className="text visit-raised-text" style={{ display: 'block' }}>
              反映：{v.raised}
            </Text>
            {v.promised ? (
              <Text className="text visit-promised-text" style={{ display: 'block' }}>
                答复：{v.promised}
              </Text>
            ) : null}
            {deputies ? null : (
              <Text
                className="link visit-to-case"
                onClick={() => go(`/cases/submit/index?fromVisitId=${encodeURIComponent(v.visitId)}`)}
              >
                转为社情民意 ›
              </Text>
            )}
          </View>
        )}
      />
      {today < date ? (
        <Text className="muted visit-not-yet" style={{ display: 'block' }}>
          接待日当天起可以在这里记录接待。
        </Text>
      ) : (
        <VisitForm
          dayId={dayId}
          bookings={bookings}
          deputies={deputies}
          onSaved={(v) => visits.setItems((items) => [v, ...items.filter((x) => x.visitId !== v.visitId)])}
        />
      )}
    </>
  );
}
