import { Button, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../../cloudfunctions/core/contracts/account';
import { MESSAGE_CATEGORIES } from '../../../cloudfunctions/core/contracts/constants';
import { call, isSignedIn, toApiError } from '../../api';
import { checkText, Composer } from '../../components/Composer';
import { PageShell } from '../../components/PageShell';
import { useDraft } from '../../hooks/useDraft';
import { go } from '../../utils/nav';

type Category = (typeof MESSAGE_CATEGORIES)[number];

const SEND_ERRORS: Record<string, string> = {
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再发',
  RATE_LIMITED: '发送太频繁了，请稍后再试',
  UNAUTHENTICATED: '请先登录后再留言',
};

export default function Write() {
  const { params } = useRouter();
  const code = params.code ? decodeURIComponent(params.code) : '';
  const deputyId = code ? '' : params.deputyId || '';
  const target = code ? `code:${code}` : `deputy:${deputyId}`;
  const { draft, update, clear } = useDraft(`dl.draft.send.${target}`, { category: '其他' });
  const [deputyName, setDeputyName] = useState('');
  const [me, setMe] = useState<Me | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ threadId: string; held: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

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

  const category = (draft.category as Category) || '其他';
  const catIndex = Math.max(0, MESSAGE_CATEGORIES.indexOf(category));

  const send = async () => {
    if (sending) return;
    const problem = checkText(draft.text);
    if (problem) {
      setError(problem);
      return;
    }
    if (!code && !deputyId) {
      setError('没有指定代表，请从代表联系卡进入');
      return;
    }
    setError('');
    setSending(true);
    try {
      const res = await call(
        'contact',
        'send',
        { ...(code ? { code } : { deputyId }), category, text: draft.text.trim() },
        { requestId: draft.requestId },
      );
      clear();
      setDone({ threadId: res.threadId, held: res.status === 'held' });
      timer.current = setTimeout(() => {
        void Taro.redirectTo({ url: `/pages/thread/index?threadId=${encodeURIComponent(res.threadId)}` });
      }, 2500);
    } catch (e) {
      const err = toApiError(e);
      const fieldMsg = err.fields.text || err.fields.category || err.fields.deputyId;
      let msg = SEND_ERRORS[err.code] || fieldMsg || err.message;
      if (err.code === 'NETWORK') msg = `${err.message}。草稿已保存在手机上，可稍后再点发送。`;
      setError(msg);
    } finally {
      setSending(false);
    }
  };

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
        <View className="section write-verify-hint" onClick={() => go('/pages/me/index')}>
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
      <View className="field">
        <Text className="label">留言类别</Text>
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
      </View>
      <View className="field">
        <Text className="label">留言内容</Text>
        <Composer
          name="write"
          value={draft.text}
          onInput={(text) => {
            update({ text });
            if (error) setError('');
          }}
          onSend={() => void send()}
          sending={sending}
          error={error}
          placeholder="请写下您想对代表说的话，例如遇到的问题、发生的地点和您的建议。"
        />
      </View>
      <Text className="muted" style={{ display: 'block' }}>
        草稿会自动保存在手机上，发送成功后清除。请勿填写身份证号等隐私信息。
      </Text>
    </PageShell>
  );
}
