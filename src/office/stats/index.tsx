import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { chinaDate, dateLabel, monthEnd } from '../../../cloudfunctions/core/time';
import { RECEPTION_DAYS_PER_YEAR } from '../../../cloudfunctions/modules/reception/constants';
import { call } from '../../api';
import { Chip } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { LoadMore } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';
import { useResource } from '../../hooks/useResource';
import { DAY_STATUS_LABEL } from '../../utils/labels';
import { percent } from '../../utils/reception';
import { useScope } from '../scope';

interface FiguresRow {
  capacity: number;
  booked: number;
  waitlisted: number;
  checkedIn: number;
  walkIns: number;
  noShows: number;
  checkInRate: number | null;
}

/** The plain figures of one day or station, as label–value pairs (no ranking). */
function Figures({ f }: { f: FiguresRow }) {
  return (
    <Text className="text stats-figures" style={{ display: 'block' }}>
      座位 {f.capacity} · 预约 {f.booked} · 候补 {f.waitlisted} · 签到 {f.checkedIn} · 现场 {f.walkIns} · 未到{' '}
      {f.noShows} · 签到率 {percent(f.checkInRate)}
    </Text>
  );
}

export default function ReceptionStats() {
  const scope = useScope();
  const now = chinaDate();
  const year = Number(now.slice(0, 4));
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [rotationYear, setRotationYear] = useState(year);
  const [shortOnly, setShortOnly] = useState(false);
  const enabled = scope.status === 'ready' && scope.office;
  const badRange = from > to;

  const stats = useResource(
    () => call('reception', 'stats', { fromDate: from, toDate: to }),
    `stats:${from}:${to}`,
    enabled && !badRange,
  );
  const rotation = usePaged(
    (cursor) => call('reception', 'rotation', { year: rotationYear, cursor }),
    `rotation:${rotationYear}`,
    enabled,
  );

  const presets = [
    { label: '本月', from: `${now.slice(0, 7)}-01`, to: monthEnd(now) },
    { label: '今年', from: `${year}-01-01`, to: `${year}-12-31` },
    { label: '去年', from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  ];
  const s = stats.data;
  const rows = shortOnly ? rotation.items.filter((r) => r.short) : rotation.items;
  const shortCount = rotation.items.filter((r) => r.short).length;

  return (
    <PageShell className="office-stats" demoBanner>
      <Loadable
        status={scope.status}
        error={scope.error}
        onRetry={() => void scope.reload()}
        empty={!scope.office}
        emptyText="只有乡镇人大和县人大常委会代表工委可以查看接待统计"
      >
        <Text className="h1">接待统计</Text>
        <View className="chips">
          {presets.map((p) => (
            <Chip
              key={p.label}
              on={from === p.from && to === p.to}
              onClick={() => {
                setFrom(p.from);
                setTo(p.to);
              }}
            >
              {p.label}
            </Chip>
          ))}
        </View>
        <View className="row">
          <Picker mode="date" value={from} onChange={(e) => setFrom(String(e.detail.value))}>
            <View className="picker-box stats-from">
              <Text>从 {dateLabel(from)}</Text>
            </View>
          </Picker>
          <Picker mode="date" value={to} onChange={(e) => setTo(String(e.detail.value))}>
            <View className="picker-box stats-to">
              <Text>到 {dateLabel(to)}</Text>
            </View>
          </Picker>
        </View>
        {badRange ? <Text className="error-text">开始日期不能晚于结束日期</Text> : null}

        {badRange ? null : (
          <Loadable
            status={stats.status}
            error={stats.error}
            onRetry={() => void stats.reload()}
            empty={Boolean(s && s.days.length === 0)}
            emptyText="这段时间没有接待日"
          >
            {s ? (
              <View>
                {s.truncated ? (
                  <Text className="error-text">
                    这段时间的接待日太多，只统计了前 100 个，请缩小日期范围。
                  </Text>
                ) : null}
                <Text className="h2">按联络站</Text>
                {s.stations.map((st) => (
                  <View key={st.stationId} className="list-item stats-station">
                    <Text className="text" style={{ display: 'block', fontWeight: 600 }}>
                      {st.stationName} · {st.days} 个接待日
                    </Text>
                    <Figures f={st} />
                  </View>
                ))}
                <Text className="h2">按接待日</Text>
                {s.days.map((d) => (
                  <View key={d.dayId} className="list-item stats-day">
                    <Text className="text" style={{ display: 'block', fontWeight: 600 }}>
                      {dateLabel(d.date)} · {d.stationName}
                      {d.status !== 'published' ? `（${DAY_STATUS_LABEL[d.status] ?? d.status}）` : ''}
                    </Text>
                    <Figures f={d} />
                  </View>
                ))}
              </View>
            ) : null}
          </Loadable>
        )}

        <Text className="h2">代表参加接待情况</Text>
        <Text className="muted" style={{ display: 'block', marginBottom: '12px' }}>
          每位代表每年应至少参加 {RECEPTION_DAYS_PER_YEAR} 次接待日。这里列出每位代表自己的次数，不作排名。
        </Text>
        <View className="chips">
          {[year, year - 1].map((y) => (
            <Chip key={y} on={rotationYear === y} onClick={() => setRotationYear(y)}>
              {y} 年
            </Chip>
          ))}
          <Chip className="rotation-short" on={shortOnly} onClick={() => setShortOnly((v) => !v)}>
            {shortOnly ? '✓ ' : ''}只看不足 {RECEPTION_DAYS_PER_YEAR} 次的
          </Chip>
        </View>
        <Loadable
          status={rotation.status}
          error={rotation.error}
          onRetry={() => void rotation.reload()}
          empty={rows.length === 0}
          emptyText={shortOnly ? '已加载的代表都达到了次数' : '没有代表'}
        >
          {shortCount ? (
            <Text className="text rotation-summary" style={{ display: 'block', marginBottom: '12px' }}>
              已加载的 {rotation.items.length} 位代表中，{shortCount} 位今年参加不足 {RECEPTION_DAYS_PER_YEAR}{' '}
              次。
            </Text>
          ) : null}
          {rows.map((r) => (
            <View
              key={r.deputyId}
              className={`list-item rotation-row${r.short ? ' rotation-row--short' : ''}`}
            >
              <View className="row row--between">
                <Text className="text" style={{ fontWeight: 600 }}>
                  {r.name}
                </Text>
                {r.short ? <Text className="tag tag--new">不足 {RECEPTION_DAYS_PER_YEAR} 次</Text> : null}
              </View>
              <Text className="muted" style={{ display: 'block' }}>
                {r.constituencyName}
              </Text>
              <Text className="text" style={{ display: 'block' }}>
                确认参加 {r.confirmed} · 不能参加 {r.declined} · 到场 {r.attended}
              </Text>
            </View>
          ))}
          <LoadMore list={rotation} />
        </Loadable>
      </Loadable>
    </PageShell>
  );
}
