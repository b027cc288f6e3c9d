import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { dateTime } from '../../../cloudfunctions/core/time';
import { call, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { Code } from '../../components/Num';

/**
 * Linking the deputy's own account: staff issue a single-use invitation code and give it to the deputy,
 * who enters it under 我的 → 我是人大代表. A new code replaces the previous one (and a linked account
 * moves to whoever redeems it).
 */
export function InvitePanel({ deputyId, name }: { deputyId: string; name: string }) {
  const [invite, setInvite] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    const ok = await Taro.showModal({
      title: '生成绑定邀请码',
      content: `为 ${name} 生成新的邀请码后，之前的邀请码作废；代表用新码绑定后，原先绑定的账号不再是该代表。`,
      confirmText: '生成',
    });
    if (!ok.confirm) return;
    setBusy(true);
    setError('');
    try {
      const r = await call('contact', 'inviteDeputy', { deputyId });
      setInvite({ code: r.code, expiresAt: r.expiresAt });
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section invite-panel">
      <Text className="h2" style={{ marginTop: 0 }}>
        代表本人账号
      </Text>
      {invite ? (
        <View className="invite-issued">
          <Text className="text" style={{ display: 'block' }}>
            请把邀请码告诉 {name} 本人，在小程序“我的 → 我是人大代表”中输入：
          </Text>
          <Code code={invite.code} className="invite-code-big" />
          <Text className="muted" style={{ display: 'block' }}>
            只能使用一次，{dateTime(invite.expiresAt)} 前有效。
          </Text>
        </View>
      ) : (
        <Text className="muted" style={{ display: 'block' }}>
          代表用自己的微信账号绑定后，即可回复选民留言、确认接待安排。
        </Text>
      )}
      {error ? <Text className="error-text">{error}</Text> : null}
      <Button className="btn btn--plain btn--block invite-issue" disabled={busy} onClick={() => void issue()}>
        {busy ? '正在生成…' : invite ? '重新生成邀请码' : '生成绑定邀请码'}
      </Button>
    </View>
  );
}
