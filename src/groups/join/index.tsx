import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { JOIN_RULE_LABEL } from '../../../cloudfunctions/modules/groups/constants';
import { ApiError, call, goSignIn, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { go } from '../../utils/nav';
import '../groups.scss';

/** The group's code: ?code=… (a link, the card), or the mini-program code's `scene`. */
function codeFrom(params: Record<string, string | undefined>): string {
  const raw = params.code ?? params.scene ?? '';
  return decodeURIComponent(raw).trim().toUpperCase();
}

/**
 * The chat this page was opened in, as open data for the envelope: on WeChat the card shared with
 * withShareTicket gives wx.getGroupEnterInfo's cloudID (fresh for each try: it lasts 5 minutes), passed as
 * wx.cloud.CloudID so the function receives it decrypted; on the local host the demo parameter ?chat=….
 */
async function chatOpenData(params: Record<string, string | undefined>): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    const enter = Taro.getEnterOptionsSync() as { shareTicket?: string };
    if (!enter.shareTicket) return undefined;
    try {
      const info = (await Taro.getGroupEnterInfo({})) as { cloudID?: string };
      return info.cloudID ? Taro.cloud.CloudID(info.cloudID) : undefined;
    } catch {
      return undefined;
    }
  }
  return params.chat ? { demo: decodeURIComponent(params.chat) } : undefined;
}

export default function JoinGroup() {
  const { params } = useRouter();
  const code = codeFrom(params);
  const preview = useResource(async () => {
    if (!code) throw new ApiError('NOT_FOUND', '没有找到这个群，请重新扫码');
    return (await call('groups', 'preview', { code }, { quietAuth: true })).items[0];
  }, code);
  const g = preview.data;
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);

  const join = async () => {
    if (!g) return;
    const ok = await Taro.showModal({
      title: '加入实名制群',
      content: '加入后，群主（本选区代表）能看到您登记的姓名；其他成员只看到“王*明”这样的姓名。',
      confirmText: '加入',
    });
    if (!ok.confirm) return;
    setJoining(true);
    setError('');
    try {
      const chat = await chatOpenData(params);
      const r = await call(
        'groups',
        'join',
        { code: g.code, chat: chat !== undefined, from: params.from === 'card' ? 'card' : 'code' },
        chat !== undefined ? { openData: { chat } } : {},
      );
      if (r.status === 'member') {
        void Taro.redirectTo({ url: `/groups/feed/index?groupId=${encodeURIComponent(r.groupId)}` });
      } else {
        setPending(true);
      }
    } catch (e) {
      setError(toApiError(e).message);
      void preview.reload(true);
    } finally {
      setJoining(false);
    }
  };

  return (
    <PageShell className="groups-join-page" demoBanner>
      <Loadable
        status={preview.status}
        error={preview.error}
        onRetry={() => void preview.reload()}
        ways={[{ text: '我的群', url: '/groups/mine/index' }]}
      >
        {g ? (
          <View>
            <View className="section join-head">
              <Text className="h1 join-name">{g.name}</Text>
              <Text className="text" style={{ display: 'block' }}>
                {g.placeName} · {g.memberCount} 位成员
              </Text>
              {g.owners.length ? (
                <Text className="muted" style={{ display: 'block' }}>
                  群主：{g.owners.join('、')}
                </Text>
              ) : null}
              {g.description ? (
                <Text className="text" style={{ display: 'block', marginTop: '12px' }}>
                  {g.description}
                </Text>
              ) : null}
              <Text className="muted" style={{ display: 'block', marginTop: '12px' }}>
                {JOIN_RULE_LABEL[g.joinRule]}
              </Text>
            </View>
            {pending || g.mine === 'pending' ? (
              <Text className="ok-text join-pending" style={{ display: 'block' }}>
                已申请加入，群主审核后会通知您。
              </Text>
            ) : g.mine === 'member' ? (
              <Button
                className="btn btn--block join-open"
                onClick={() => go(`/groups/feed/index?groupId=${encodeURIComponent(g.groupId)}`)}
              >
                进入本群
              </Button>
            ) : g.mine === 'owner' ? (
              <Button
                className="btn btn--block join-manage"
                onClick={() => go(`/deputy/group/index?groupId=${encodeURIComponent(g.groupId)}`)}
              >
                管理本群
              </Button>
            ) : g.joinAs ? (
              <Button className="btn btn--block join-button" disabled={joining} onClick={() => void join()}>
                {joining ? '正在加入…' : g.joinAs === 'member' ? '加入本群' : '申请加入'}
              </Button>
            ) : (
              <View>
                <Text className="error-text join-why" style={{ display: 'block' }}>
                  {g.whyNot}
                </Text>
                {g.whyNot === '请先登录' && process.env.TARO_ENV === 'h5' ? (
                  <Button className="btn btn--block" onClick={() => goSignIn()}>
                    去登录
                  </Button>
                ) : g.whyNot?.includes('实名认证') ? (
                  <Button className="btn btn--block join-verify" onClick={() => go('/pages/me/index')}>
                    去实名认证
                  </Button>
                ) : null}
              </View>
            )}
            {error ? (
              <Text className="error-text join-error" style={{ display: 'block' }}>
                {error}
              </Text>
            ) : null}
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
