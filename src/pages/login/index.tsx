import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { getSessionUser, setSession, toApiError } from '../../api';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { ROLE_LABEL } from '../../utils/labels';
import { useParam } from '../../utils/nav';

interface Persona {
  id: string;
  name: string;
  role: string;
  description: string;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw toApiError({ code: 'NETWORK', message: '网络不给力，请稍后重试' });
  }
  let body: { ok?: boolean; data?: T; error?: { code: string; message: string } };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw toApiError({ code: 'INTERNAL', message: '演示服务暂时不可用' });
  }
  if (!body.ok) throw toApiError(body.error ?? { code: 'INTERNAL', message: '演示服务暂时不可用' });
  return body.data as T;
}

/** H5 only: pick a demo persona; the local host signs a session for it. */
export default function Login() {
  const redirect = useParam('redirect');
  const list = useResource(() => getJson<Persona[]>('/api/session/personas'), 'personas');
  const personas = list.data ?? [];
  const [busy, setBusy] = useState('');
  const [signError, setSignError] = useState('');
  const current = getSessionUser();

  const signIn = async (p: Persona) => {
    if (busy) return;
    setBusy(p.id);
    setSignError('');
    try {
      const data = await getJson<{ token: string; user?: Record<string, unknown> }>('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ personaId: p.id }),
      });
      setSession(data.token, { ...(data.user ?? {}), id: p.id, name: p.name, role: p.role });
      const target =
        redirect && redirect.startsWith('/') && !redirect.startsWith('/pages/login')
          ? redirect
          : '/pages/home/index';
      void Taro.reLaunch({ url: target });
    } catch (e) {
      setSignError(toApiError(e).message);
    } finally {
      setBusy('');
    }
  };

  return (
    <PageShell className="login-page">
      <View className="demo-banner login-banner">
        <Text>
          演示模式：这里的身份都是虚构的演示账号，只用于本地体验。正式的微信小程序会自动识别您的微信身份，不需要登录。
        </Text>
      </View>
      <Text className="h1">选择一个演示身份</Text>
      {current?.name ? (
        <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
          当前身份：{current.name}
        </Text>
      ) : null}
      {signError ? <Text className="error-text">{signError}</Text> : null}
      <Loadable
        status={list.status}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={personas.length === 0}
        emptyText="没有可用的演示身份"
      >
        {personas.map((p) => (
          <View
            key={p.id}
            className={`list-item persona persona--${p.role}`}
            data-persona={p.id}
            onClick={() => void signIn(p)}
          >
            <View className="row row--between">
              <Text className="h2 persona-name" style={{ margin: 0 }}>
                {p.name}
              </Text>
              <Text className="tag tag--read">{ROLE_LABEL[p.role] ?? p.role}</Text>
            </View>
            <Text className="muted" style={{ display: 'block' }}>
              {busy === p.id ? '正在登录…' : p.description}
            </Text>
          </View>
        ))}
      </Loadable>
    </PageShell>
  );
}
