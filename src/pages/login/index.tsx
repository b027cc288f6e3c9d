import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { clearSession, getSessionUser, setSession, toApiError } from '../../api';
import { isDemoHost } from '../../api/session';
import { Field } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { ROLE_LABEL } from '../../utils/labels';
import { useParam } from '../../utils/nav';
import { personas as listPersonas, redeem, signInPassword, signInPersona, type SignedIn } from './host';
import { InvitePanel } from './InvitePanel';

function useLanding() {
  const redirect = useParam('redirect');
  return (data: SignedIn, extra: Record<string, unknown> = {}) => {
    setSession(data, { ...(data.user ?? {}), ...extra });
    const target =
      redirect && redirect.startsWith('/') && !redirect.startsWith('/pages/login')
        ? redirect
        : '/pages/home/index';
    void Taro.reLaunch({ url: target });
  };
}

/** Demo mode: pick a persona; the host signs a session for it. */
function Personas() {
  const land = useLanding();
  const list = useResource(listPersonas, 'personas');
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const personas = list.data ?? [];
  const pick = async (p: { id: string; name: string; role: string }) => {
    if (busy) return;
    setBusy(p.id);
    setError('');
    try {
      land(await signInPersona(p.id), { id: p.id, name: p.name, role: p.role });
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy('');
    }
  };
  return (
    <View>
      <Text className="h2">选择一个演示身份</Text>
      {error ? <Text className="error-text">{error}</Text> : null}
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
            onClick={() => void pick(p)}
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
    </View>
  );
}

/** Account name + password. */
function PasswordSignIn() {
  const land = useLanding();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();
  const go = () => {
    const problems: Record<string, string> = {};
    if (!login.trim()) problems.login = '请填写账号名';
    if (!password) problems.password = '请填写密码';
    if (!submit.check(problems)) return;
    void submit.run(async () => {
      const data = await signInPassword(login.trim(), password);
      setPassword('');
      land(data, { name: data.user?.displayName });
    });
  };
  return (
    <View className="section signin-form">
      <Text className="h2" style={{ marginTop: 0 }}>
        账号登录
      </Text>
      <Field label="账号名" error={submit.fields.login}>
        <Input
          className="input signin-login"
          value={login}
          placeholder="开通时设置的账号名"
          onInput={(e) => setLogin(e.detail.value)}
        />
      </Field>
      <Field label="密码" error={submit.fields.password}>
        <Input
          className="input signin-password"
          password
          value={password}
          placeholder="密码"
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={go}
        />
      </Field>
      {submit.error && submit.error !== submit.fields.password ? (
        <Text className="error-text signin-error">{submit.error}</Text>
      ) : null}
      <Button className="btn btn--block signin-submit" disabled={submit.saving} onClick={go}>
        {submit.saving ? '正在登录…' : '登录'}
      </Button>
      <Text className="muted" style={{ display: 'block', marginTop: '12px' }}>
        忘记密码请联系县人大常委会或乡镇人大，领取重置密码的邀请码。
      </Text>
    </View>
  );
}

/** An invitation code from the office: a new account (or a new password), then signed in. */
function Redeem() {
  const land = useLanding();
  const [code, setCode] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const submit = useSubmit();
  const go = () => {
    const problems: Record<string, string> = {};
    if (code.replace(/[\s-]/g, '').length !== 10) problems.code = '邀请码为 10 位字母和数字';
    if (password.length < 8) problems.password = '密码至少 8 位';
    else if (password !== again) problems.again = '两次输入的密码不一致';
    if (!submit.check(problems)) return;
    void submit.run(async () => {
      const data = await redeem(code, login.trim(), password);
      land(data, { name: data.user?.displayName });
    });
  };
  return (
    <View className="section redeem-form">
      <Text className="h2" style={{ marginTop: 0 }}>
        使用邀请码
      </Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        县人大常委会或乡镇人大发给您的邀请码只能用一次，7
        天内有效。开通账号时请设置账号名（可用手机号）和密码；重置密码时只需设置新密码。
      </Text>
      <Field label="邀请码" error={submit.fields.code}>
        <Input
          className="input redeem-code"
          value={code}
          placeholder="例如 ABCDE-FGH23"
          maxlength={16}
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
        />
      </Field>
      <Field label="账号名" error={submit.fields.login}>
        <Input
          className="input redeem-login"
          value={login}
          placeholder="3–32 位字母、数字，可用手机号"
          onInput={(e) => setLogin(e.detail.value)}
        />
      </Field>
      <Field label="设置密码" error={submit.fields.password}>
        <Input
          className="input redeem-password"
          password
          value={password}
          placeholder="至少 8 位"
          onInput={(e) => setPassword(e.detail.value)}
        />
      </Field>
      <Field label="再次输入密码" error={submit.fields.again}>
        <Input
          className="input redeem-again"
          password
          value={again}
          placeholder="再输入一遍"
          onInput={(e) => setAgain(e.detail.value)}
        />
      </Field>
      {submit.error ? <Text className="error-text redeem-error">{submit.error}</Text> : null}
      <Button className="btn btn--block redeem-submit" disabled={submit.saving} onClick={go}>
        {submit.saving ? '正在开通…' : '开通并登录'}
      </Button>
    </View>
  );
}

/**
 * H5 only: the way in to the local host. In demo mode, the personas (and, for trying it, the same account
 * sign-in a real deployment has); on a real deployment, account name + password and invitation codes.
 * Signed in, it shows who you are, signs out, and lets office staff issue invitations.
 */
export default function Login() {
  const demo = isDemoHost();
  const current = getSessionUser();
  const [signedIn, setSignedIn] = useState(Boolean(current));
  const [show, setShow] = useState<'signin' | 'redeem'>('signin');

  const signOut = () => {
    clearSession();
    setSignedIn(false);
    void Taro.showToast({ title: '已退出登录', icon: 'none' });
  };

  return (
    <PageShell className="login-page">
      {demo ? (
        <View className="demo-banner login-banner">
          <Text>
            演示模式：这里的身份都是虚构的演示账号，只用于本地体验。正式的微信小程序会自动识别您的微信身份，不需要登录。
          </Text>
        </View>
      ) : null}
      <Text className="h1">{demo ? '登录（演示）' : '登录'}</Text>
      {signedIn && current ? (
        <View className="section current-session">
          <Text className="text" style={{ display: 'block' }}>
            当前身份：{current.name ?? current.displayName}
            {current.login ? `（账号 ${current.login}）` : ''}
          </Text>
          <Button className="btn btn--ghost btn--block sign-out" onClick={signOut}>
            退出登录
          </Button>
        </View>
      ) : null}
      {signedIn ? <InvitePanel /> : null}
      {demo ? <Personas /> : null}
      <View className="btn-row" style={{ marginTop: '24px' }}>
        <Button
          className={`btn ${show === 'signin' ? '' : 'btn--plain'} show-signin`}
          onClick={() => setShow('signin')}
        >
          账号登录
        </Button>
        <Button
          className={`btn ${show === 'redeem' ? '' : 'btn--plain'} show-redeem`}
          onClick={() => setShow('redeem')}
        >
          使用邀请码
        </Button>
      </View>
      {show === 'signin' ? <PasswordSignIn /> : <Redeem />}
    </PageShell>
  );
}
