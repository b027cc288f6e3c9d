import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { when } from '../../../cloudfunctions/core/time';
import type { ConflictView } from '../../../cloudfunctions/modules/account/contract';
import { call, toApiError } from '../../api';
import { Button } from '../../components/Button';
import { Chip } from '../../components/Form';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';

type Resolution = 'keepHolder' | 'transferToClaimant';

const EFFECT: Record<Resolution, (c: ConflictView) => { title: string; content: string }> = {
  keepHolder: (c) => ({
    title: '保留原认证',
    content: `“${c.entryName}”（${c.idMasked}）继续由 ${c.holder.displayName} 认证；${c.claimant.displayName} 的认证申请将被拒绝。确定吗？`,
  }),
  transferToClaimant: (c) => ({
    title: '改为新申请人',
    content: `将解除 ${c.holder.displayName} 对“${c.entryName}”（${c.idMasked}）的实名认证，改由 ${c.claimant.displayName} 认证。原认证人将失去已实名标记和实名制群资格。此操作不可撤销，确定吗？`,
  }),
};

export default function Conflicts() {
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [busy, setBusy] = useState('');
  const list = usePaged((cursor) => call('account', 'conflicts', { status, cursor }), `conflicts:${status}`);

  const resolve = async (c: ConflictView, resolution: Resolution) => {
    const effect = EFFECT[resolution](c);
    const ok = await Taro.showModal({ title: effect.title, content: effect.content, confirmText: '确定' });
    if (!ok.confirm) return;
    setBusy(c.conflictId);
    try {
      const done = await call('account', 'resolveConflict', { conflictId: c.conflictId, resolution });
      list.setItems((items) =>
        status === 'open'
          ? items.filter((x) => x.conflictId !== c.conflictId)
          : items.map((x) => (x.conflictId === c.conflictId ? done : x)),
      );
      void Taro.showToast({ title: '已处理', icon: 'success' });
    } catch (e) {
      void Taro.showModal({ title: '处理失败', content: toApiError(e).message, showCancel: false });
    } finally {
      setBusy('');
    }
  };

  return (
    <PageShell className="conflicts-page" demoBanner>
      <Text className="h1">实名认证冲突</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        同一条名册记录被两个微信账号认证时，请核实后决定由谁认证。
      </Text>
      <View className="chips">
        <Chip on={status === 'open'} onClick={() => setStatus('open')}>
          待处理
        </Chip>
        <Chip on={status === 'resolved'} onClick={() => setStatus('resolved')}>
          已处理
        </Chip>
      </View>
      <PagedList
        list={list}
        emptyText={status === 'open' ? '没有待处理的冲突' : '没有已处理的冲突'}
        row={(c) => (
          <View key={c.conflictId} className="list-item">
            <Text className="h2" style={{ margin: 0 }}>
              {c.entryName}（{c.idMasked}）
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {c.constituencyName} · {when(c.createdAt)}
            </Text>
            <Text className="text" style={{ display: 'block' }}>
              已认证：{c.holder.displayName}
            </Text>
            <Text className="text" style={{ display: 'block' }}>
              新申请：{c.claimant.displayName}
            </Text>
            {c.status === 'open' ? (
              <View className="btn-row">
                <Button
                  className="btn btn--plain"
                  disabled={busy === c.conflictId}
                  onClick={() => void resolve(c, 'keepHolder')}
                >
                  保留原认证
                </Button>
                <Button
                  className="btn btn--ghost"
                  disabled={busy === c.conflictId}
                  onClick={() => void resolve(c, 'transferToClaimant')}
                >
                  改为新申请人
                </Button>
              </View>
            ) : (
              <Text className="ok-text">
                {c.resolution === 'transferToClaimant' ? '已改为新申请人' : '已保留原认证'}
              </Text>
            )}
          </View>
        )}
      />
    </PageShell>
  );
}
