import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { isPast } from '../../../cloudfunctions/core/time';
import { call, toApiError } from '../../api';
import { charCount, checkInput, maxLengthOf } from '../../api/checks';
import { Button } from '../../components/Button';
import { WhenWhere } from '../../components/DayDetails';
import { TextBox } from '../../components/Form';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { ASSIGNMENT_LABEL, DAY_STATUS_LABEL } from '../../utils/labels';
import { go } from '../../utils/nav';

const REASON_MAX = maxLengthOf('reception', 'respond', 'reason');

export default function DeputyReceptions() {
  const list = usePaged((cursor) => call('reception', 'myDays', { cursor }), 'myDays');
  const [busy, setBusy] = useState('');
  const [declining, setDeclining] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useReloadOnShow(list.reload);

  const respond = async (dayId: string, decision: 'confirm' | 'decline', wasConfirmed: boolean) => {
    if (busy) return;
    const why = reason.trim();
    const problems = checkInput(
      'reception',
      'respond',
      { dayId, decision, ...(decision === 'decline' ? { reason: why } : {}) },
      { reason: '原因' },
    );
    // The contract's refinement: a decline says why, in two characters at least.
    if (decision === 'decline' && charCount(why) < 2) problems.reason = '请说明不能参加的原因（至少 2 个字）';
    const problem = problems.reason ?? Object.values(problems)[0];
    if (problem) {
      setErrors((e) => ({ ...e, [dayId]: problem }));
      return;
    }
    if (decision === 'decline' && wasConfirmed) {
      const ok = await Taro.showModal({
        title: '改为不能参加',
        content: '您已确认参加这个接待日，改为不能参加后人大办会另行安排。确定吗？',
        confirmText: '确定',
      });
      if (!ok.confirm) return;
    }
    setBusy(dayId);
    setErrors((e) => ({ ...e, [dayId]: '' }));
    try {
      const day = await call('reception', 'respond', {
        dayId,
        decision,
        ...(decision === 'decline' ? { reason: why } : {}),
      });
      list.setItems((items) =>
        items.map((m) =>
          m.day.dayId === dayId
            ? { ...m, day, status: decision === 'confirm' ? 'confirmed' : 'declined', reason: why || null }
            : m,
        ),
      );
      setDeclining('');
      setReason('');
      void Taro.showToast({ title: decision === 'confirm' ? '已确认参加' : '已回复', icon: 'success' });
    } catch (e) {
      const err = toApiError(e);
      setErrors((x) => ({ ...x, [dayId]: err.fields.reason || err.message }));
    } finally {
      setBusy('');
    }
  };

  return (
    <PageShell className="deputy-receptions" demoBanner>
      <Text className="h1">我的接待日</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        乡镇人大安排您参加的接待日。请及时确认；不能参加时说明原因，以便另行安排。每位代表每年应至少参加 2
        次。
      </Text>
      <PagedList
        list={list}
        emptyText="还没有安排您参加的接待日"
        row={(m) => {
          const d = m.day;
          const over = isPast(d.endsAt);
          const open = declining === d.dayId;
          return (
            <View key={d.dayId} className="list-item my-day">
              <View className="row row--between">
                <Text className="h2 my-day-theme" style={{ margin: 0 }}>
                  {d.theme}
                </Text>
                <Text className={`tag tag--${m.status} my-day-status`}>
                  {ASSIGNMENT_LABEL[m.status] ?? m.status}
                </Text>
              </View>
              <WhenWhere day={d} />
              <Text className="muted" style={{ display: 'block' }}>
                {DAY_STATUS_LABEL[d.status] ?? d.status}
                {d.status === 'published' ? ` · 已预约 ${d.slots.reduce((n, x) => n + x.booked, 0)} 人` : ''}
                {m.visitors ? ` · 已记录接待 ${m.visitors} 人` : ''}
                {m.status === 'declined' && m.reason ? ` · 原因：${m.reason}` : ''}
              </Text>
              {errors[d.dayId] ? <Text className="error-text respond-error">{errors[d.dayId]}</Text> : null}

              {open ? (
                <View className="decline-form">
                  <Text className="label" style={{ marginTop: '16px' }}>
                    不能参加的原因
                  </Text>
                  <TextBox
                    className="decline-reason"
                    short
                    value={reason}
                    max={REASON_MAX}
                    placeholder="例如：当天在外地参加培训"
                    onInput={setReason}
                  />
                  <View className="btn-row">
                    <Button
                      className="btn decline-submit"
                      disabled={busy === d.dayId}
                      onClick={() => void respond(d.dayId, 'decline', m.status === 'confirmed')}
                    >
                      {busy === d.dayId ? '正在提交…' : '提交'}
                    </Button>
                    <Button
                      className="btn btn--plain"
                      onClick={() => {
                        setDeclining('');
                        setReason('');
                      }}
                    >
                      返回
                    </Button>
                  </View>
                </View>
              ) : (
                <View className="btn-row">
                  {m.status !== 'confirmed' && !over && d.status !== 'cancelled' ? (
                    <Button
                      className="btn confirm-day"
                      disabled={busy === d.dayId}
                      onClick={() => void respond(d.dayId, 'confirm', false)}
                    >
                      {m.status === 'declined' ? '改为参加' : '确认参加'}
                    </Button>
                  ) : null}
                  {m.status !== 'declined' && !over && d.status !== 'cancelled' ? (
                    <Button
                      className="btn btn--plain decline-day"
                      disabled={busy === d.dayId}
                      onClick={() => {
                        setDeclining(d.dayId);
                        setReason('');
                      }}
                    >
                      不能参加
                    </Button>
                  ) : null}
                  {m.status === 'confirmed' ? (
                    <Button
                      className="btn btn--ghost open-day"
                      onClick={() => go(`/deputy/reception/index?dayId=${encodeURIComponent(d.dayId)}`)}
                    >
                      预约群众和接待记录
                    </Button>
                  ) : null}
                </View>
              )}
            </View>
          );
        }}
      />
    </PageShell>
  );
}
