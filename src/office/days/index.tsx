import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { addDays, chinaDate, dateLabel } from '../../../cloudfunctions/core/time';
import { PUBLISH_DAYS_AHEAD } from '../../../cloudfunctions/modules/reception/constants';
import { call } from '../../api';
import { checkInput, rulesOf } from '../../api/checks';
import { Button } from '../../components/Button';
import { DayRow } from '../../components/DayRow';
import { Chip, Field, FormError } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { useSubmit } from '../../hooks/useSubmit';
import { go } from '../../utils/nav';
import { useScope } from '../scope';

type Status = 'draft' | 'published' | 'cancelled';
const FILTERS: Array<{ key: Status | ''; label: string }> = [
  { key: '', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'published', label: '已发布' },
  { key: 'cancelled', label: '已取消' },
];
const RULES = rulesOf('reception', 'createDay');
const SLOT_MINUTES = [15, 20, 30, 60];
const CUTOFF_HOURS = [2, 12, 24, 48];

interface Form {
  stationId: string;
  date: string;
  startTime: string;
  endTime: string;
  theme: string;
  slotMinutes: number;
  capacity: string;
  cutoffHours: number;
}

const minutesOf = (t: string) => {
  const [h, m] = t.split(':').map(Number);
  return h * 60 + m;
};

function newForm(stationId: string): Form {
  return {
    stationId,
    // Ten days ahead leaves time to confirm deputies and announce it (at least 3 days ahead), and misses the
    // demo's day a week ahead at the same station (a day overlapping another there is refused).
    date: addDays(chinaDate(), 10),
    startTime: '09:00',
    endTime: '11:30',
    theme: '',
    slotMinutes: 30,
    capacity: '5',
    cutoffHours: 12,
  };
}

function CreateDay({
  stations,
  onCancel,
}: {
  stations: Array<{ id: string; name: string }>;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<Form>(() => newForm(stations.length === 1 ? stations[0].id : ''));
  const submit = useSubmit();
  const { fields } = submit;
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    submit.setError('');
  };

  const length = minutesOf(form.endTime) - minutesOf(form.startTime);
  const slots = length > 0 ? Math.floor(length / form.slotMinutes) : 0;
  const capacity = Number(form.capacity);
  const tooSoon = form.date < addDays(chinaDate(), PUBLISH_DAYS_AHEAD);

  const save = async () => {
    const input = {
      stationId: form.stationId,
      date: form.date,
      startTime: form.startTime,
      endTime: form.endTime,
      theme: form.theme.trim(),
      slotMinutes: form.slotMinutes,
      capacityPerSlot: capacity,
      cutoffHours: form.cutoffHours,
    };
    const local = checkInput('reception', 'createDay', input, {
      stationId: { missing: '请选择联络站' },
      date: '日期',
      theme: '主题',
      capacityPerSlot: '人数',
    });
    // What the contract's fields cannot say: the hours hold a slot, and the day is not over (today is fine).
    if (length <= 0) local.endTime = '结束时间应晚于开始时间';
    else if (slots < 1) local.endTime = '时间太短，放不下一个时段';
    if (!local.date && form.date < chinaDate()) local.date = '不能安排过去的日期';
    if (!submit.check(local)) return;
    await submit.run(async () => {
      const day = await call('reception', 'createDay', input, { requestId: submit.requestId });
      void Taro.showToast({ title: '已创建', icon: 'success' });
      onCancel();
      go(`/office/day/index?dayId=${encodeURIComponent(day.dayId)}`);
    });
  };

  return (
    <View className="section day-form">
      <Text className="h2" style={{ marginTop: 0 }}>
        新建接待日
      </Text>
      <Field label="联络站" error={fields.stationId}>
        {stations.length ? (
          <View className="chips">
            {stations.map((s) => (
              <Chip
                key={s.id}
                className="day-form-station"
                on={form.stationId === s.id}
                onClick={() => set({ stationId: s.id })}
              >
                {s.name}
              </Chip>
            ))}
          </View>
        ) : (
          <Text className="muted">还没有联络站，请先在“联络站”中新增。</Text>
        )}
      </Field>
      <Field label="日期" error={fields.date}>
        <Picker
          mode="date"
          value={form.date}
          start={chinaDate()}
          onChange={(e) => set({ date: String(e.detail.value) })}
        >
          <View className="picker-box day-form-date">
            <Text>{dateLabel(form.date)}</Text>
            <Text className="chevron">更改 ›</Text>
          </View>
        </Picker>
        {tooSoon ? (
          <Text className="muted" style={{ display: 'block' }}>
            接待日要至少提前 {PUBLISH_DAYS_AHEAD} 天公布，这个日期可能来不及发布。
          </Text>
        ) : null}
      </Field>
      <Field label="时间" error={fields.startTime || fields.endTime}>
        <View className="row">
          <Picker
            mode="time"
            value={form.startTime}
            onChange={(e) => set({ startTime: String(e.detail.value) })}
          >
            <View className="picker-box day-form-start">
              <Text>{form.startTime}</Text>
            </View>
          </Picker>
          <Text>至</Text>
          <Picker mode="time" value={form.endTime} onChange={(e) => set({ endTime: String(e.detail.value) })}>
            <View className="picker-box day-form-end">
              <Text>{form.endTime}</Text>
            </View>
          </Picker>
        </View>
      </Field>
      <Field label="主题" error={fields.theme}>
        <Input
          className="input day-form-theme"
          value={form.theme}
          maxlength={RULES.theme.maxLength}
          placeholder="例如：听取群众对村道改造的意见"
          onInput={(e) => set({ theme: e.detail.value })}
        />
      </Field>
      <Field label="每个时段" error={fields.slotMinutes}>
        <View className="chips">
          {SLOT_MINUTES.map((m) => (
            <Chip key={m} on={form.slotMinutes === m} onClick={() => set({ slotMinutes: m })}>
              {m} 分钟
            </Chip>
          ))}
        </View>
      </Field>
      <Field label="每个时段可预约人数" error={fields.capacityPerSlot}>
        <Input
          className="input day-form-capacity"
          type="number"
          maxlength={String(RULES.capacityPerSlot.maximum).length}
          value={form.capacity}
          onInput={(e) => set({ capacity: e.detail.value })}
        />
      </Field>
      <Field label="预约截止" error={fields.cutoffHours}>
        <View className="chips">
          {CUTOFF_HOURS.map((h) => (
            <Chip key={h} on={form.cutoffHours === h} onClick={() => set({ cutoffHours: h })}>
              提前 {h} 小时
            </Chip>
          ))}
        </View>
      </Field>
      <Text className="text day-form-summary" style={{ display: 'block' }}>
        {slots > 0 && capacity > 0
          ? `共 ${slots} 个时段，每段 ${capacity} 人，共 ${slots * capacity} 个座位。`
          : '请填写时间和人数。'}
      </Text>
      <Text className="muted" style={{ display: 'block' }}>
        创建后为草稿：安排代表、代表确认后再发布，发布后群众才能预约。
      </Text>
      <FormError submit={submit} className="day-form-error" />
      <View className="btn-row">
        <Button className="btn day-form-save" disabled={submit.saving} onClick={() => void save()}>
          {submit.saving ? '正在创建…' : '创建接待日'}
        </Button>
        <Button className="btn btn--plain" disabled={submit.saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

export default function OfficeDays() {
  const scope = useScope();
  const [status, setStatus] = useState<Status | ''>('');
  const [past, setPast] = useState(false);
  const [creating, setCreating] = useState(false);
  const ready = scope.status === 'ready' && (scope.office || scope.staff);
  const list = usePaged(
    (cursor) =>
      call('reception', 'days', {
        ...(status ? { status } : {}),
        ...(past ? {} : { fromDate: chinaDate() }),
        cursor,
      }),
    `days:${status}:${past}`,
    ready,
  );
  useReloadOnShow(list.reload, ready);
  useEffect(() => {
    if (scope.status === 'ready' && !scope.office) void Taro.setNavigationBarTitle({ title: '本站接待日' });
  }, [scope.status, scope.office]);

  return (
    <PageShell className="office-days" demoBanner>
      <Loadable
        status={scope.status}
        error={scope.error}
        onRetry={() => void scope.reload()}
        empty={!scope.office && !scope.staff}
        emptyText="您的账号没有接待日的工作权限"
      >
        <Text className="h1">接待日</Text>
        {scope.office ? (
          creating ? (
            <CreateDay stations={scope.stations} onCancel={() => setCreating(false)} />
          ) : (
            <Button className="btn btn--block new-day" onClick={() => setCreating(true)}>
              新建接待日
            </Button>
          )
        ) : null}
        <View className="chips" style={{ marginTop: '24px' }}>
          {FILTERS.map((f) => (
            <Chip key={f.key || 'all'} on={status === f.key} onClick={() => setStatus(f.key)}>
              {f.label}
            </Chip>
          ))}
          <Chip on={past} onClick={() => setPast((p) => !p)}>
            {past ? '✓ ' : ''}含已过去的
          </Chip>
        </View>
        <PagedList
          list={list}
          emptyText="没有符合条件的接待日"
          row={(d) => (
            <DayRow
              key={d.dayId}
              day={d}
              staff
              onClick={() => go(`/office/day/index?dayId=${encodeURIComponent(d.dayId)}`)}
            />
          )}
        />
      </Loadable>
    </PageShell>
  );
}
