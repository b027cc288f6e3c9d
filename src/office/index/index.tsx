import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { chinaDate, span } from '../../../cloudfunctions/core/time';
import type { DayView } from '../../../cloudfunctions/modules/reception/contract';
import { call } from '../../api';
import { Loadable } from '../../components/Loadable';
import { Num } from '../../components/Num';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { tapProps } from '../../utils/a11y';
import { go } from '../../utils/nav';

interface Item {
  url: string;
  title: string;
  desc: string;
  /** Which of the workbench's waiting counts belongs to this entry. */
  pending?: keyof Pending;
}

/** What waits for the office, counted up to 100 by the lists themselves (100 shows as 99+). */
interface Pending {
  held: number;
  conflicts: number;
  /** Draft days with a deputy who has not answered yet (on the first page of drafts). */
  awaiting: number;
}

function usePending(enabled: boolean) {
  const r = useResource(
    async (): Promise<Pending> => {
      const [held, conflicts, drafts] = await Promise.all([
        call('contact', 'held', {}),
        call('account', 'conflicts', { status: 'open' }),
        call('reception', 'days', { status: 'draft' }),
      ]);
      const awaiting = drafts.items.filter((d) => d.deputies.some((a) => a.status === 'invited')).length;
      return { held: held.waiting, conflicts: conflicts.open, awaiting };
    },
    'office-pending',
    enabled,
  );
  return r.data ?? undefined;
}

const countText = (n: number) => (n >= 100 ? '99+' : String(n));

const OFFICE_ITEMS: Item[] = [
  { url: '/office/register/index', title: '选民名册', desc: '导入选民名册，查看名册和认证情况' },
  {
    url: '/office/conflicts/index',
    title: '实名认证冲突',
    desc: '同一名册条目被不同微信认证时在这里处理',
    pending: 'conflicts',
  },
  { url: '/office/deputies/index', title: '代表信息', desc: '新增或修改代表的公开信息和联系卡' },
  {
    url: '/office/held/index',
    title: '待审核留言',
    desc: '内容安全检查要求人工复核的留言',
    pending: 'held',
  },
];
const RECEPTION_OFFICE: Item[] = [
  {
    url: '/office/days/index',
    title: '接待日',
    desc: '安排接待日和代表，发布预约，现场签到和接待记录',
    pending: 'awaiting',
  },
  { url: '/office/stations/index', title: '联络站', desc: '代表联络站、人大代表之家的地址和开放说明' },
  { url: '/office/stats/index', title: '接待统计', desc: '各接待日和联络站的预约、签到数字，代表参加情况' },
];
const CONSULT_OFFICE: Item[] = [
  {
    url: '/office/consults/index',
    title: '意见征询',
    desc: '发布征询稿和问卷，查看意见和统计，公布采纳情况',
  },
];
const CASES_OFFICE: Item[] = [
  {
    url: '/office/cases/index',
    title: '社情民意办理',
    desc: '代表转交的事项交办承办单位，处理退回、复核和超期',
  },
  {
    url: '/office/casestats/index',
    title: '社情民意统计',
    desc: '按类别、乡镇、单位和月份的数字，满意率、超期率，导出 Excel',
  },
  { url: '/office/units/index', title: '承办单位', desc: '承办单位和授权的工作人员' },
  { url: '/office/calendar/index', title: '工作日历', desc: '每年的法定节假日和调休，办理时限按工作日计算' },
];
const GROUPS_OFFICE: Item[] = [
  {
    url: '/office/groups/index',
    title: '实名制群',
    desc: '辖区内各选区、联络站的实名制群，举报和待审核的内容',
  },
];
const GROUPS_STAFF: Item[] = [
  { url: '/deputy/groups/index', title: '实名制群', desc: '本站的实名制群：建群、发公告、审核成员' },
];
const RECEPTION_STAFF: Item[] = [
  {
    url: '/office/days/index',
    title: '接待日',
    desc: '本站的接待日：预约名单、现场签到、代表到场和接待记录',
  },
];

function Menu({ items, pending }: { items: Item[]; pending?: Pending }) {
  return (
    <View className="menu">
      {items.map((it) => (
        <View
          key={it.url}
          {...tapProps(() => go(it.url))}
          className="menu-item office-menu-item"
          onClick={() => go(it.url)}
          style={{ padding: '16px 28px' }}
        >
          <View className="grow">
            <Text className="text" style={{ display: 'block', fontWeight: 600 }}>
              {it.title}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {it.desc}
            </Text>
          </View>
          {it.pending && pending && pending[it.pending] > 0 ? (
            <Text className={`count office-pending office-pending--${it.pending}`}>
              {countText(pending[it.pending])}
            </Text>
          ) : null}
          <Text className="chevron">›</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * Today's published reception days in the caller's scope (station staff: their station), each one tap
 * from check-in. reception.days lists from today on, earliest first: today's are on its first page.
 */
function TodayCheckIn({ enabled }: { enabled: boolean }) {
  const today = chinaDate();
  const days = useResource(
    () => call('reception', 'days', { status: 'published', fromDate: today }),
    `today:${today}`,
    enabled,
  );
  const todays = (days.data?.items ?? []).filter((d: DayView) => d.date === today);
  if (!todays.length) return null;
  return (
    <View className="today-checkin">
      {todays.map((d) => (
        <View
          key={d.dayId}
          {...tapProps(() => go(`/office/day/index?dayId=${encodeURIComponent(d.dayId)}&tab=checkin`))}
          className="section today-checkin-item"
          onClick={() => go(`/office/day/index?dayId=${encodeURIComponent(d.dayId)}&tab=checkin`)}
        >
          <View className="row row--between">
            <Text className="h2" style={{ margin: 0 }}>
              今日接待签到
            </Text>
            <Text className="chevron">›</Text>
          </View>
          <Text className="text" style={{ display: 'block' }}>
            今天 <Num>{span(d.startsAt, d.endsAt)}</Num> · {d.stationName}
          </Text>
          <Text className="muted" style={{ display: 'block' }}>
            {d.theme}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The office workbench; station staff see only the reception-day part their role allows. */
export default function OfficeIndex() {
  const me = useResource(() => call('account', 'me', {}), 'me');
  const roles = new Set((me.data?.roles ?? []).map((r) => r.role));
  const office = roles.has('townshipOffice') || roles.has('countyOffice');
  const staff = roles.has('stationStaff');
  const title = office ? '人大办工作台' : '接待日工作台';
  const pending = usePending(office);

  useEffect(() => {
    if (me.data) void Taro.setNavigationBarTitle({ title });
  }, [me.data, title]);

  return (
    <PageShell className="office-index" demoBanner>
      <Loadable
        status={me.status}
        error={me.error}
        onRetry={() => void me.reload()}
        empty={!office && !staff}
        emptyText="您的账号没有工作人员权限。如需开通，请联系乡镇人大。"
      >
        <Text className="h1 office-title">{title}</Text>
        <TodayCheckIn enabled={office || staff} />
        {office ? (
          <View>
            <Text className="h2">代表接待</Text>
            <Menu items={RECEPTION_OFFICE} pending={pending} />
            <Text className="h2">代表联络</Text>
            <Menu items={OFFICE_ITEMS} pending={pending} />
            <Text className="h2">意见征询</Text>
            <Menu items={CONSULT_OFFICE} />
            <Text className="h2">社情民意</Text>
            <Menu items={CASES_OFFICE} />
            <Text className="h2">实名制群</Text>
            <Menu items={GROUPS_OFFICE} />
          </View>
        ) : (
          <View>
            <Menu items={RECEPTION_STAFF} />
            <Menu items={GROUPS_STAFF} />
          </View>
        )}
      </Loadable>
    </PageShell>
  );
}
