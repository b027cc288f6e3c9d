import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { chinaDate, monthEnd } from '../../../cloudfunctions/core/time';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { Field, FormError } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { barsOf, Chart, pieOf } from '../components/Chart';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/**
 * Figures of the reports submitted in a range (counted by month of submission, from the counters the
 * handlers keep): by category, township, where they stand, unit and month; the median working days to an
 * answer; satisfaction and overdue rates. Export to XLSX.
 */
export default function CaseStats() {
  const today = chinaDate();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(monthEnd(today));
  const stats = useResource(
    () => call('cases', 'stats', { fromDate: from, toDate: to }),
    `cstats:${from}:${to}`,
  );
  const submit = useSubmit();
  const [exported, setExported] = useState<{ url: string; fileName: string; rows: number } | null>(null);
  const s = stats.data;

  const exportFile = async () => {
    await submit.run(async () => {
      const out = await call('cases', 'export', { fromDate: from, toDate: to });
      setExported(out);
      if (process.env.TARO_ENV === 'weapp') {
        const file = await Taro.downloadFile({ url: out.url });
        await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
      }
    });
  };

  return (
    <PageShell className="case-stats" demoBanner>
      <Text className="h1">社情民意统计</Text>
      <View className="row">
        <Field label="从">
          <Picker mode="date" value={from} onChange={(e) => setFrom(e.detail.value)}>
            <View className="picker-box stats-from">
              <Text>{from}</Text>
            </View>
          </Picker>
        </Field>
        <Field label="到">
          <Picker mode="date" value={to} onChange={(e) => setTo(e.detail.value)}>
            <View className="picker-box stats-to">
              <Text>{to}</Text>
            </View>
          </Picker>
        </Field>
      </View>
      <Loadable
        status={stats.status}
        error={stats.error}
        onRetry={() => void stats.reload()}
        empty={s?.total === 0}
        emptyText="这段时间没有提交的社情民意"
      >
        {s ? (
          <View>
            <View className="section stats-figures">
              <Text className="text" style={{ display: 'block' }}>
                共 {s.total} 件（按提交月份 {s.fromMonth} 至 {s.toMonth}），已答复 {s.answered} 件
              </Text>
              <Text className="text" style={{ display: 'block' }}>
                答复用时中位数：{s.medianWorkingDays === null ? '—' : `${s.medianWorkingDays} 个工作日`}
              </Text>
              <Text className="text" style={{ display: 'block' }}>
                满意率（结果满意或基本满意）：{pct(s.satisfactionRate)}（{s.rated} 件已评价）
              </Text>
              <Text className="text" style={{ display: 'block' }}>
                超期率：{pct(s.overdueRate)}（{s.overdue} 件曾超过时限） · 重新办理 {s.reopened} 件 · 公开{' '}
                {s.published} 件
              </Text>
            </View>
            <Text className="h2">按类别</Text>
            <Chart option={barsOf(s.byCategory)} height={40 + 36 * s.byCategory.length} />
            <Text className="h2">办理到哪一步</Text>
            <Chart option={pieOf(s.byStatus)} height={260} />
            <Text className="h2">按乡镇</Text>
            <Chart option={barsOf(s.byTownship)} height={40 + 36 * s.byTownship.length} />
            {s.result.length ? (
              <>
                <Text className="h2">办理结果评价</Text>
                <Chart option={pieOf(s.result)} height={240} />
              </>
            ) : null}
            <Text className="h2">按月</Text>
            <View className="section">
              {s.byMonth.map((m) => (
                <Text key={m.month} className="text" style={{ display: 'block' }}>
                  {m.month}：提交 {m.submitted}，已答复 {m.answered}，已办结 {m.closed}
                </Text>
              ))}
            </View>
            <Text className="h2">按承办单位</Text>
            <View className="section stats-units">
              {s.byUnit.length === 0 ? <Text className="muted">还没有交办</Text> : null}
              {s.byUnit.map((u) => (
                <Text key={u.unitId} className="text" style={{ display: 'block' }}>
                  {u.name}：主办 {u.assigned} 件，已答复 {u.replied} 件，超期 {u.overdue} 件
                </Text>
              ))}
            </View>
          </View>
        ) : null}
      </Loadable>
      <FormError submit={submit} />
      <Button
        className="btn btn--plain stats-export"
        disabled={submit.saving}
        onClick={() => void exportFile()}
      >
        {submit.saving ? '正在导出…' : '导出 Excel'}
      </Button>
      {exported ? (
        <Text className="muted" style={{ display: 'block' }}>
          已导出 {exported.rows} 件（含姓名，仅限本单位工作使用）。
          {process.env.TARO_ENV !== 'weapp' ? (
            <Text
              className="link stats-export-link"
              onClick={() => window.open(exported.url, '_blank', 'noopener')}
            >
              下载 {exported.fileName}
            </Text>
          ) : null}
        </Text>
      ) : null}
    </PageShell>
  );
}
