import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { addDays, isPast, span } from '../../../cloudfunctions/core/time';
import type { DayView, SlotView } from '../../../cloudfunctions/modules/reception/contract';
import { PUBLISH_DAYS_AHEAD } from '../../../cloudfunctions/modules/reception/constants';
import { call, toApiError } from '../../api';
import { checkInput, ruleOf } from '../../api/checks';
import { Button } from '../../components/Button';
import { Loadable } from '../../components/Loadable';
import { Num } from '../../components/Num';
import { LoadMore } from '../../components/PagedList';
import { usePaged } from '../../hooks/usePaged';
import { ASSIGNMENT_LABEL } from '../../utils/labels';

const fail = (title: string, e: unknown) =>
  void Taro.showModal({ title, content: toApiError(e).message, showCancel: false });

/** What each part of the 安排 tab gets. */
interface Part {
  day: DayView;
  /** Office staff arrange; station staff only mark deputies present. */
  office: boolean;
  /** The day as an action answered it. */
  onDay: (d: DayView) => void;
}

/** The deputies booked onto the day: invite (office), mark present (office and station staff). */
export function Deputies({ day, office, onDay }: Part) {
  const [inviting, setInviting] = useState(false);
  const [busy, setBusy] = useState('');
  const assigned = new Set(day.deputies.map((d) => d.deputyId));
  const candidates = usePaged(
    (cursor) => call('contact', 'deputies', { townshipId: day.townshipId, cursor }),
    `candidates:${day.townshipId}`,
    office && inviting,
  );
  const started = isPast(day.startsAt);
  // 到场 is marked on the day itself (China date), as the server allows it.
  const onTheDay = day.status === 'published' && day.date === day.today;

  const assign = async (deputyId: string) => {
    setBusy(deputyId);
    try {
      onDay(await call('reception', 'assignDeputy', { dayId: day.dayId, deputyId }));
      void Taro.showToast({ title: '已邀请', icon: 'success' });
    } catch (e) {
      fail('邀请失败', e);
    } finally {
      setBusy('');
    }
  };

  const attend = async (deputyId: string, name: string) => {
    const ok = await Taro.showModal({
      title: '代表到场',
      content: `确认 ${name} 代表已到场参加接待？到场情况会记入代表的履职档案。`,
      confirmText: '确认到场',
    });
    if (!ok.confirm) return;
    setBusy(deputyId);
    try {
      onDay(await call('reception', 'attend', { dayId: day.dayId, deputyId }));
    } catch (e) {
      fail('操作失败', e);
    } finally {
      setBusy('');
    }
  };

  const open = candidates.items.filter((d) => !assigned.has(d.deputyId));
  return (
    <View className="section day-deputies">
      <Text className="h2" style={{ marginTop: 0 }}>
        接待代表
      </Text>
      {day.deputies.length === 0 ? <Text className="muted">还没有安排代表。</Text> : null}
      {day.deputies.map((a) => (
        <View key={a.deputyId} className="table-row assignment">
          <Text className="grow assignment-name" style={{ fontWeight: 600 }}>
            {a.name}
          </Text>
          <Text className={`tag tag--${a.status} assignment-status`}>
            {ASSIGNMENT_LABEL[a.status] ?? a.status}
          </Text>
          {a.attended ? <Text className="tag tag--checkedIn">已到场</Text> : null}
          {a.status === 'confirmed' && !a.attended && onTheDay ? (
            <Button
              className="btn btn--plain btn--small attend-button"
              disabled={busy === a.deputyId}
              onClick={() => void attend(a.deputyId, a.name)}
            >
              到场
            </Button>
          ) : null}
          {a.status === 'declined' && a.reason ? (
            <Text className="muted" style={{ width: '100%' }}>
              原因：{a.reason}
            </Text>
          ) : null}
        </View>
      ))}
      {day.status === 'published' && !onTheDay && day.date > day.today ? (
        <Text className="muted attend-hint" style={{ display: 'block' }}>
          接待日当天可在这里登记代表到场。
        </Text>
      ) : null}
      {office && !started && day.status !== 'cancelled' ? (
        inviting ? (
          <View className="invite">
            <Text className="label" style={{ marginTop: '24px' }}>
              邀请代表（{day.townshipName}）
            </Text>
            <Loadable
              status={candidates.status}
              error={candidates.error}
              onRetry={() => void candidates.reload()}
              empty={open.length === 0 && !candidates.hasMore}
              emptyText="没有可以邀请的代表了"
            >
              {open.map((d) => (
                <View key={d.deputyId} className="table-row candidate">
                  <View className="grow">
                    <Text className="text candidate-name" style={{ display: 'block', fontWeight: 600 }}>
                      {d.name}
                    </Text>
                    <Text className="muted">{d.constituencyName}</Text>
                  </View>
                  <Button
                    className="btn btn--small invite-button"
                    disabled={busy === d.deputyId}
                    onClick={() => void assign(d.deputyId)}
                  >
                    邀请
                  </Button>
                </View>
              ))}
              <LoadMore list={candidates} />
            </Loadable>
            <Button className="btn btn--plain btn--block" onClick={() => setInviting(false)}>
              收起
            </Button>
          </View>
        ) : (
          <Button className="btn btn--ghost btn--block invite-open" onClick={() => setInviting(true)}>
            安排代表
          </Button>
        )
      ) : null}
      {office ? (
        <Text className="muted" style={{ display: 'block', marginTop: '12px' }}>
          邀请后代表会收到通知，在“我的接待日”中确认或说明不能参加的原因。
        </Text>
      ) : null}
    </View>
  );
}

/** Publishing a draft: at least PUBLISH_DAYS_AHEAD days ahead and at least one confirmed deputy. */
export function Publish({ day, onDay }: Omit<Part, 'office'>) {
  const [busy, setBusy] = useState(false);
  const confirmed = day.deputies.filter((d) => d.status === 'confirmed');
  const earliest = addDays(day.today, PUBLISH_DAYS_AHEAD);
  const problems: string[] = [];
  if (confirmed.length === 0) problems.push('还没有代表确认参加');
  if (day.date < earliest) problems.push(`接待日要至少提前 ${PUBLISH_DAYS_AHEAD} 天公布`);

  const publish = async () => {
    const ok = await Taro.showModal({
      title: '发布接待日',
      content: `发布后将公布接待代表（${confirmed.map((d) => d.name).join('、')}），通知相关群众和代表，群众即可预约。确定发布吗？`,
      confirmText: '发布',
    });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      onDay(await call('reception', 'publish', { dayId: day.dayId }));
      void Taro.showToast({ title: '已发布', icon: 'success' });
    } catch (e) {
      fail('发布失败', e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section publish">
      <Text className="h2" style={{ marginTop: 0 }}>
        发布
      </Text>
      {problems.length ? null : (
        <Text className="text" style={{ display: 'block' }}>
          已具备发布条件。
        </Text>
      )}
      {/* Until it can be published the button is inert and says what is missing, right under it. */}
      <Button
        className="btn btn--block publish-button"
        disabled={busy}
        missing={problems.map((p) => `还不能发布：${p}`)}
        onClick={() => void publish()}
      >
        {busy ? '正在发布…' : '发布接待日'}
      </Button>
    </View>
  );
}

function SlotRow({
  slot,
  editable,
  onSlot,
}: {
  slot: SlotView;
  editable: boolean;
  onSlot: (s: SlotView) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(String(slot.capacity));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const capacity = value.trim() ? Number(value) : undefined;
    const problem = checkInput(
      'reception',
      'updateSlot',
      { slotId: slot.slotId, capacity },
      { capacity: '名额' },
    ).capacity;
    if (problem || capacity === undefined) {
      setError(problem ?? '');
      return;
    }
    setBusy(true);
    setError('');
    try {
      onSlot(await call('reception', 'updateSlot', { slotId: slot.slotId, capacity }));
      setEditing(false);
    } catch (e) {
      const err = toApiError(e);
      setError(
        err.code === 'CONFLICT'
          ? `已有 ${slot.booked} 人预约，名额不能少于已预约人数。`
          : err.fields.capacity || err.message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="table-row slot-row">
      <Text className="grow slot-row-time" style={{ fontWeight: 600 }}>
        <Num>{span(slot.startsAt, slot.endsAt)}</Num>
      </Text>
      <Text className="slot-row-figures">
        已约 {slot.booked} / {slot.capacity}
        {slot.waitlisted ? ` · 候补 ${slot.waitlisted}` : ''}
      </Text>
      {editable && !editing ? (
        <Button
          className="btn btn--plain btn--small slot-edit"
          onClick={() => {
            setValue(String(slot.capacity));
            setEditing(true);
          }}
        >
          调整名额
        </Button>
      ) : null}
      {editing ? (
        <View className="row" style={{ width: '100%' }}>
          <Input
            className="input grow slot-capacity"
            ariaLabel="名额"
            type="number"
            maxlength={String(ruleOf('reception', 'updateSlot', 'capacity').maximum).length}
            value={value}
            onInput={(e) => setValue(e.detail.value)}
          />
          <Button className="btn btn--small slot-save" disabled={busy} onClick={() => void save()}>
            保存
          </Button>
          <Button className="btn btn--plain btn--small" disabled={busy} onClick={() => setEditing(false)}>
            取消
          </Button>
        </View>
      ) : null}
      {error ? <Text className="field-error slot-error">{error}</Text> : null}
    </View>
  );
}

/** The day's slots with seats taken; office staff adjust a slot's seats. */
export function Slots({ day, office, onDay }: Part) {
  const editable = office && !isPast(day.endsAt) && day.status !== 'cancelled';
  return (
    <View className="section day-slots">
      <Text className="h2" style={{ marginTop: 0 }}>
        时段和名额
      </Text>
      {day.slots.map((s) => (
        <SlotRow
          key={s.slotId}
          slot={s}
          editable={editable}
          onSlot={(next) =>
            onDay({ ...day, slots: day.slots.map((x) => (x.slotId === next.slotId ? next : x)) })
          }
        />
      ))}
    </View>
  );
}
