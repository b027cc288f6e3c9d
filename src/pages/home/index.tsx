import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { isDemoHost } from '../../api/session';
import { call, goSignIn, isSignedIn } from '../../api';
import { Button } from '../../components/Button';
import { DayRow } from '../../components/DayRow';
import { DeputyRow } from '../../components/DeputyRow';
import { Loadable } from '../../components/Loadable';
import { NameSearch, notFound } from '../../components/NameSearch';
import { LoadMore } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { useResource } from '../../hooks/useResource';
import { codeFromScan, go } from '../../utils/nav';
import { tapProps } from '../../utils/a11y';

export default function Home() {
  const [q, setQ] = useState('');
  const list = usePaged(
    (cursor) => call('contact', 'deputies', { ...(q ? { q } : {}), cursor }),
    `deputies:${q}`,
  );
  const days = useResource(() => call('reception', 'upcoming', {}, { quietAuth: true }), 'upcoming');
  const [unread, setUnread] = useState<number | null>(null);
  const [signedIn, setSignedIn] = useState(isSignedIn());

  const refreshMe = useCallback(() => {
    const inNow = isSignedIn();
    setSignedIn(inNow);
    if (!inNow) {
      setUnread(null);
      return;
    }
    call('account', 'me', {}, { quietAuth: true })
      .then((me) => setUnread(me.unreadNotifications))
      .catch(() => setUnread(null));
  }, []);
  useDidShow(refreshMe);
  // Coming back (e.g. after booking): seats left may have changed.
  useReloadOnShow(days.reload);

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false });
      const code = codeFromScan(res);
      if (!code) {
        void Taro.showModal({
          title: '无法识别',
          content: '这不是代表联系卡上的码，请重新扫描。',
          showCancel: false,
        });
        return;
      }
      go(`/pages/card/index?code=${encodeURIComponent(code)}`);
    } catch {
      // cancelled
    }
  };

  const mine = list.items.filter((d) => d.mine);
  const others = list.items.filter((d) => !d.mine);
  const openCard = (code: string) => go(`/pages/card/index?code=${encodeURIComponent(code)}`);

  return (
    <PageShell className="home" demoBanner>
      <View className="row row--between" style={{ marginBottom: '16px' }}>
        <Text className="h1 grow">找代表，说说心里话</Text>
      </View>
      <View className="btn-row" style={{ marginBottom: '16px' }}>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="btn scan-button" onClick={() => void scan()}>
            扫一扫代表码
          </Button>
        ) : null}
        {signedIn ? (
          <Button className="btn btn--plain home-groups-link" onClick={() => go('/groups/mine/index')}>
            我的群
          </Button>
        ) : null}
        {signedIn ? (
          <Button className="btn btn--plain notify-link" onClick={() => go('/pages/notifications/index')}>
            通知
            {unread ? (
              <Text className="count" style={{ marginLeft: '8px' }}>
                {unread}
              </Text>
            ) : null}
          </Button>
        ) : process.env.TARO_ENV === 'h5' ? (
          <Button className="btn btn--plain" onClick={() => goSignIn()}>
            {isDemoHost() ? '登录（演示）' : '登录'}
          </Button>
        ) : null}
      </View>
      <View className="receptions-section">
        <View className="row row--between">
          <Text className="h2">代表接待日</Text>
          <Text
            {...tapProps(() => go('/pages/receptions/index'))}
            className="link receptions-all"
            onClick={() => go('/pages/receptions/index')}
          >
            查看全部 ›
          </Text>
        </View>
        <Loadable
          status={days.status}
          error={days.error}
          onRetry={() => void days.reload()}
          empty={(days.data?.items.length ?? 0) === 0}
          emptyText="近期还没有公布的接待日"
        >
          {(days.data?.items ?? []).slice(0, 3).map((d) => (
            <DayRow
              key={d.dayId}
              day={d}
              onClick={() => go(`/pages/reception/index?dayId=${encodeURIComponent(d.dayId)}`)}
            />
          ))}
        </Loadable>
      </View>
      <Text className="h2">找代表</Text>
      <NameSearch className="home-search" onSearch={setQ} />
      <Loadable
        status={list.status}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={list.items.length === 0}
        emptyText={q ? notFound(q) : '暂时还没有代表信息'}
      >
        {mine.length > 0 ? (
          <View className="mine-section">
            <Text className="h2">本选区代表</Text>
            {mine.map((d) => (
              <DeputyRow key={d.deputyId} deputy={d} onClick={() => openCard(d.code)} />
            ))}
          </View>
        ) : null}
        {others.length > 0 ? (
          <View className="all-section">
            <Text className="h2">{q ? '搜索结果' : '全部代表'}</Text>
            {others.map((d) => (
              <DeputyRow key={d.deputyId} deputy={d} onClick={() => openCard(d.code)} />
            ))}
          </View>
        ) : null}
        <LoadMore list={list} />
      </Loadable>
    </PageShell>
  );
}
