import './index.scss';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { ApiError, call, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { Loadable } from '../../components/Loadable';
import { Nums } from '../../components/Num';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { LEVEL_LABEL } from '../../utils/labels';
import { deputyPhoto } from '../../utils/photo';
import { go } from '../../utils/nav';

/** The code comes as ?code=… or, from a mini-program code, as an encoded `scene`. */
function codeFrom(params: Record<string, string | undefined>): string {
  if (params.code) return decodeURIComponent(params.code);
  if (params.scene) return decodeURIComponent(params.scene);
  return '';
}

/** The real-name groups of the deputy's constituency: open one to join it (or to read it, when one is in). */
function CardGroups({ deputyId }: { deputyId: string }) {
  const groups = useResource(
    () => call('groups', 'preview', { deputyId }, { quietAuth: true }),
    `card-groups-${deputyId}`,
  );
  const items = groups.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <View className="section card-groups">
      <Text className="h2" style={{ marginTop: 0 }}>
        本选区实名制群
      </Text>
      {items.map((g) => (
        <View key={g.groupId} className="row row--between card-group">
          <View className="grow">
            <Text className="text card-group-name" style={{ display: 'block', fontWeight: 600 }}>
              {g.name}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {g.memberCount} 位实名选民{g.mine === 'member' ? ' · 您已加入' : ''}
            </Text>
          </View>
          <Button
            className="btn btn--small card-group-open"
            onClick={() =>
              go(
                g.mine === 'member'
                  ? `/groups/feed/index?groupId=${encodeURIComponent(g.groupId)}`
                  : `/groups/join/index?code=${encodeURIComponent(g.code)}&from=card`,
              )
            }
          >
            {g.mine === 'member' ? '进入' : '加入'}
          </Button>
        </View>
      ))}
    </View>
  );
}

function Kv({ k, v }: { k: string; v: string | null | undefined }) {
  if (!v) return null;
  return (
    <View className="kv">
      <Text className="kv-key">{k}</Text>
      <Text className="kv-val">
        <Nums text={v} />
      </Text>
    </View>
  );
}

export default function Card() {
  const { params } = useRouter();
  const code = codeFrom(params);
  const card = useResource(() => {
    if (!code) throw toApiError({ code: 'NOT_FOUND', message: '没有找到这张联系卡，请重新扫码' });
    return call('contact', 'card', { code });
  }, code);
  const deputy = card.data;
  // An unknown code stays unknown: no 重试 then, but the way to the deputies (a network failure may retry).
  const unknown = card.error?.code === 'NOT_FOUND' || card.error?.code === 'INVALID_INPUT';
  const error = unknown
    ? new ApiError(
        'NOT_FOUND',
        '没有找到这张联系卡：码可能已经更换或没有扫全。请重新扫码，或在代表名单中找到代表。',
      )
    : card.error;

  useEffect(() => {
    if (deputy) void Taro.setNavigationBarTitle({ title: `${deputy.name} 代表` });
  }, [deputy]);

  return (
    <PageShell className="card-page" demoBanner>
      <Loadable
        status={card.status}
        error={error}
        onRetry={code && !unknown ? () => void card.reload() : undefined}
        ways={[{ text: '查看代表名单', url: '/pages/home/index', className: 'card-deputies-link' }]}
      >
        {deputy ? (
          <View>
            <View className="section card-head">
              <View className="deputy-row">
                {deputyPhoto(deputy) ? (
                  <Image className="card-photo" src={deputyPhoto(deputy)} mode="aspectFill" />
                ) : (
                  <View className="avatar">
                    <Text>{deputy.name.slice(0, 1)}</Text>
                  </View>
                )}
                <View className="grow">
                  <Text className="h1 card-name">{deputy.name}</Text>
                  <Text className="text card-level" style={{ display: 'block' }}>
                    {LEVEL_LABEL[deputy.level] ?? '人大代表'}
                  </Text>
                </View>
              </View>
            </View>
            <View className="section">
              <Kv k="选区" v={deputy.constituencyName} />
              <Kv k="乡镇" v={deputy.townshipName} />
              <Kv k="工作单位" v={deputy.workUnit} />
              <Kv k="联络站" v={deputy.stationName} />
              <Kv k="联系方式" v={deputy.publicContact} />
            </View>
            <Button
              className="btn btn--block card-write-button"
              onClick={() => go(`/pages/write/index?code=${encodeURIComponent(deputy.code)}`)}
            >
              给代表留言
            </Button>
            <Text className="muted" style={{ display: 'block', marginTop: '16px' }}>
              留言会送到代表本人，代表回复后会通知您。
            </Text>
            <CardGroups deputyId={deputy.deputyId} />
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
