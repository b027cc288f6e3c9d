import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../../cloudfunctions/modules/account/contract';
import { MESSAGE_CATEGORIES } from '../../../cloudfunctions/modules/contact/constants';
import { call, isSignedIn } from '../../api';
import { Button } from '../../components/Button';
import { Composer } from '../../components/Composer';
import { Field } from '../../components/Form';
import { PageShell } from '../../components/PageShell';
import { useComposer } from '../../hooks/useComposer';
import type { Draft } from '../../hooks/useDraft';
import { go, useParam } from '../../utils/nav';
import { tapProps } from '../../utils/a11y';

type Category = (typeof MESSAGE_CATEGORIES)[number];

const categoryOf = (draft: Draft) => (draft.category as Category) || '其他';

export default function Write() {
  const code = useParam('code');
  const deputyId = useParam('deputyId');
  const target = code ? `code:${code}` : `deputy:${deputyId}`;
  const [deputyName, setDeputyName] = useState('');
  const [me, setMe] = useState<Me | null>(null);
  const [done, setDone] = useState<{ threadId: string; held: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const message = useComposer({
    action: 'send',
    draftKey: `dl.draft.send.${target}`,
    defaults: { category: '其他' },
    check: () => (code || deputyId ? null : '没有指定代表，请从代表联系卡进入'),
    send: (text, draft) =>
      call(
        'contact',
        'send',
        { ...(code ? { code } : { deputyId }), category: categoryOf(draft), text },
        { requestId: draft.requestId },
      ),
    onSent: (res) => {
      setDone({ threadId: res.threadId, held: res.status === 'held' });
      timer.current = setTimeout(() => {
        void Taro.redirectTo({ url: `/pages/thread/index?threadId=${encodeURIComponent(res.threadId)}` });
      }, 2500);
    },
    errors: { UNAUTHENTICATED: '请先登录后再留言' },
  });
  const { draft, update } = message;

  useEffect(() => {
    if (code) {
      call('contact', 'card', { code })
        .then((d) => setDeputyName(d.name))
        .catch(() => undefined);
    }
    if (isSignedIn()) {
      call('account', 'me', {}, { quietAuth: true })
        .then(setMe)
        .catch(() => undefined);
    }
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [code]);

  const category = categoryOf(draft);
  const catIndex = Math.max(0, MESSAGE_CATEGORIES.indexOf(category));

  if (done) {
    return (
      <PageShell className="write-page" demoBanner>
        <View className="section write-result">
          <Text className="h1">{done.held ? '已提交' : '已送达'}</Text>
          <Text className="ok-text write-result-text">
            {done.held ? '已提交，内容审核后送达代表' : '留言已送达代表，代表回复后会通知您'}
          </Text>
          <Button
            className="btn btn--block write-open-thread"
            onClick={() => {
              if (timer.current) clearTimeout(timer.current);
              void Taro.redirectTo({
                url: `/pages/thread/index?threadId=${encodeURIComponent(done.threadId)}`,
              });
            }}
          >
            查看我的留言
          </Button>
        </View>
      </PageShell>
    );
  }

  const verified = me?.verification.state === 'verified';
  return (
    <PageShell className="write-page" demoBanner>
      <Text className="h1 write-title">{deputyName ? `写给 ${deputyName} 代表` : '给代表留言'}</Text>
      {me && !verified ? (
        <View
          {...tapProps(() => go('/pages/me/index'))}
          className="section write-verify-hint"
          onClick={() => go('/pages/me/index')}
        >
          <Text className="text">
            您还没有实名认证。实名认证后，代表会看到您是本选区登记选民，回复会更有针对性。
          </Text>
          <Text className="link">去实名认证 ›</Text>
        </View>
      ) : null}
      {verified ? (
        <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
          您已实名认证，代表会看到“已实名”标记。
        </Text>
      ) : null}
      <Field label="留言类别">
        <Picker
          mode="selector"
          range={MESSAGE_CATEGORIES as unknown as string[]}
          value={catIndex}
          onChange={(e) => update({ category: MESSAGE_CATEGORIES[Number(e.detail.value)] })}
        >
          <View className="picker-box write-category">
            <Text>{category}</Text>
            <Text className="chevron">更改 ›</Text>
          </View>
        </Picker>
      </Field>
      <Field label="留言内容">
        <Composer
          name="write"
          {...message.composer}
          placeholder="请写下您想对代表说的话，例如遇到的问题、发生的地点和您的建议。"
        />
      </Field>
      <Text className="muted" style={{ display: 'block' }}>
        草稿会自动保存在手机上，发送成功后清除。请勿填写身份证号等隐私信息。
      </Text>
    </PageShell>
  );
}
