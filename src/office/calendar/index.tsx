import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { chinaDate, dateLabel } from '../../../cloudfunctions/core/time';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { Chip, Field, FormError } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';

/**
 * The county's working-day calendar: the weekdays that are holidays and the weekend days worked (调休),
 * as the State Council announces them each year. Working-day limits (accept, assign, return) count on it.
 */
export default function WorkCalendar() {
  const [year, setYear] = useState(Number(chinaDate().slice(0, 4)));
  const cal = useResource(() => call('cases', 'calendar', { year }), `calendar:${year}`);
  const [holidays, setHolidays] = useState<string[]>([]);
  const [workdays, setWorkdays] = useState<string[]>([]);
  const submit = useSubmit();
  useEffect(() => {
    if (cal.data) {
      setHolidays(cal.data.holidays);
      setWorkdays(cal.data.workdays);
    }
  }, [cal.data]);

  const save = async () => {
    const ok = await Taro.showModal({
      title: '保存工作日历',
      content: `保存 ${year} 年的节假日和调休？`,
      confirmText: '保存',
    });
    if (!ok.confirm) return;
    await submit.run(async () => {
      cal.setData(await call('cases', 'editCalendar', { year, holidays, workdays }));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    });
  };

  const list = (label: string, dates: string[], set: (d: string[]) => void, cls: string, error?: string) => (
    <Field label={label} error={error}>
      <View className="chips">
        {dates.map((d) => (
          <Chip key={d} on className={`${cls}-date`} onClick={() => set(dates.filter((x) => x !== d))}>
            {dateLabel(d)} ✕
          </Chip>
        ))}
      </View>
      <Picker
        mode="date"
        start={`${year}-01-01`}
        end={`${year}-12-31`}
        value={`${year}-01-01`}
        onChange={(e) => set([...new Set([...dates, e.detail.value])].sort())}
      >
        <View className={`picker-box ${cls}-add`}>
          <Text>添加日期</Text>
          <Text className="chevron">›</Text>
        </View>
      </Picker>
    </Field>
  );

  return (
    <PageShell className="office-calendar" demoBanner>
      <Text className="h1">工作日历</Text>
      <View className="chips">
        {[year - 1, year, year + 1].map((y) => (
          <Chip key={y} on={y === year} onClick={() => setYear(y)}>
            {y} 年
          </Chip>
        ))}
      </View>
      <Loadable status={cal.status} error={cal.error} onRetry={() => void cal.reload()}>
        {list(
          '放假的工作日（法定节假日）',
          holidays,
          setHolidays,
          'calendar-holiday',
          submit.fields.holidays,
        )}
        {list('上班的周末（调休）', workdays, setWorkdays, 'calendar-workday', submit.fields.workdays)}
        <Text className="muted" style={{ display: 'block' }}>
          点日期可以去掉。只有县人大常委会代表工委可以保存。
        </Text>
        <FormError submit={submit} />
        <Button className="btn btn--block calendar-save" disabled={submit.saving} onClick={() => void save()}>
          保存
        </Button>
      </Loadable>
    </PageShell>
  );
}
