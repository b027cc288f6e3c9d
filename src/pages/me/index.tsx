import { Checkbox, Input, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { when } from '../../../cloudfunctions/core/time';
import type { Me } from '../../../cloudfunctions/modules/account/contract';
import {
  VERIFY_CONSENT_TEXT,
  VERIFY_CONSENT_VERSION,
} from '../../../cloudfunctions/modules/account/constants';
import { call, clearSession } from '../../api';
import { isDemoHost } from '../../api/session';
import { checkInput } from '../../api/checks';
import { Button } from '../../components/Button';
import { Field, FormError } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { MenuItem } from '../../components/MenuItem';
import { PageShell } from '../../components/PageShell';
import { setBigFont, useBigFont } from '../../hooks/useBigFont';
import { useReloadOnShow } from '../../hooks/useLoad';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { ROLE_LABEL, VERIFY_STATE_LABEL } from '../../utils/labels';
import { go } from '../../utils/nav';
import { tapProps } from '../../utils/a11y';
import { Nums } from '../../components/Num';
import { InviteForm } from './InviteForm';

function VerifyForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [consent, setConsent] = useState(false);
  const submit = useSubmit();
  const { fields } = submit;

  const verify = async () => {
    const input = {
      name: name.trim(),
      idNumber: idNumber.trim().toUpperCase(),
      consent,
      consentVersion: VERIFY_CONSENT_VERSION,
    } as const;
    const local = checkInput('account', 'verify', input, {
      name: '姓名',
      idNumber: '身份证号',
      consent: { missing: '请先阅读并勾选同意' },
    });
    if (!submit.check(local)) return;
    await submit.run(
      async () => {
        await call('account', 'verify', { ...input, consent: true });
        setIdNumber('');
        void Taro.showToast({ title: '认证成功', icon: 'success' });
        onDone();
      },
      // Locked out or refused: the page loads the account again to show why.
      (err) => {
        if (err.code === 'FORBIDDEN' || err.code === 'RATE_LIMITED') onDone();
      },
    );
  };

  return (
    <View className="section verify-form">
      <Text className="h2" style={{ marginTop: 0 }}>
        实名认证
      </Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        认证后，代表会看到您是本选区登记选民；也可以加入实名制群、预约接待。
      </Text>
      <Field label="姓名" error={fields.name}>
        <Input
          className="input verify-name"
          ariaLabel="姓名"
          value={name}
          placeholder="与选民名册一致"
          onInput={(e) => setName(e.detail.value)}
        />
      </Field>
      <Field label="身份证号" error={fields.idNumber}>
        <Input
          className="input verify-id"
          ariaLabel="身份证号"
          type="idcard"
          maxlength={18}
          value={idNumber}
          placeholder="18 位身份证号"
          onInput={(e) => setIdNumber(e.detail.value)}
        />
      </Field>
      <Field error={fields.consent || fields.consentVersion}>
        <View className="row verify-consent" onClick={() => setConsent((c) => !c)}>
          <Checkbox
            value="consent"
            checked={consent}
            ariaLabel="同意实名认证说明"
            nativeProps={{ 'aria-label': '同意实名认证说明' }}
          />
          <Text className="text grow">我已阅读并同意：{VERIFY_CONSENT_TEXT}</Text>
        </View>
      </Field>
      <FormError submit={submit} className="verify-error" />
      <Button className="btn btn--block verify-submit" disabled={submit.saving} onClick={() => void verify()}>
        {submit.saving ? '正在提交…' : '提交认证'}
      </Button>
    </View>
  );
}

/** Why verification is locked, and until when. */
function Locked({ until }: { until: string | null }) {
  return (
    <View className="section verify-locked">
      <Text className="error-text">认证尝试次数过多，已暂时锁定。</Text>
      <Text className="text" style={{ display: 'block' }}>
        {until ? <Nums text={`请于 ${when(until)} 之后再试，`} /> : '请稍后再试，'}
        或联系乡镇人大核对选民名册。
      </Text>
    </View>
  );
}

/** The details matched an entry another account holds: the township office decides, and says so. */
function Pending() {
  return (
    <View className="section verify-pending">
      <Text className="h2" style={{ marginTop: 0 }}>
        已提交，等待乡镇人大核实
      </Text>
      <Text className="text" style={{ display: 'block' }}>
        您填写的选民信息已由另一个微信账号认证。乡镇人大核实后会通知您结果，这期间无需重复提交。
      </Text>
    </View>
  );
}

/** Real-name verification where it is the point (a voter not yet verified): the form, or why it waits. */
function Verification({ me, onDone }: { me: Me; onDone: () => void }) {
  const v = me.verification;
  if (v.state === 'unverified') return <VerifyForm onDone={onDone} />;
  if (v.state === 'pending') return <Pending />;
  if (v.state === 'locked') return <Locked until={v.lockedUntil} />;
  return null;
}

/** The workbenches a deputy, office staff or station staff came to 我的 for. */
function Workbenches({
  deputy,
  office,
  station,
  unit,
}: {
  deputy: boolean;
  office: boolean;
  station: boolean;
  unit?: boolean;
}) {
  return (
    <>
      {unit ? (
        <View className="menu workbench">
          <MenuItem className="unit-link" onClick={() => go('/unit/index/index')}>
            承办单位工作台
          </MenuItem>
        </View>
      ) : null}
      {office ? (
        <View className="menu workbench">
          <MenuItem className="office-link" onClick={() => go('/office/index/index')}>
            人大办工作台
          </MenuItem>
        </View>
      ) : station ? (
        <View className="menu workbench">
          <MenuItem className="station-link" onClick={() => go('/office/index/index')}>
            接待日工作台
          </MenuItem>
        </View>
      ) : null}
      {deputy ? (
        <View className="menu workbench">
          <MenuItem className="deputy-link" onClick={() => go('/deputy/inbox/index')}>
            代表工作台 · 留言
          </MenuItem>
          <MenuItem className="deputy-receptions-link" onClick={() => go('/deputy/receptions/index')}>
            我的接待日
          </MenuItem>
          <MenuItem className="deputy-cases-link" onClick={() => go('/deputy/cases/index')}>
            社情民意
          </MenuItem>
          <MenuItem className="deputy-groups-link" onClick={() => go('/deputy/groups/index')}>
            实名制群
          </MenuItem>
          <MenuItem className="deputy-card-link" onClick={() => go('/deputy/card/index')}>
            我的联系卡
          </MenuItem>
          <MenuItem onClick={() => go('/deputy/record/index')}>我的履职档案</MenuItem>
        </View>
      ) : null}
    </>
  );
}

/**
 * 我的 fits who opens it. A voter sees their verification (the form while they need it) and their
 * messages and bookings. A deputy or staff member sees their workbench first; their own verification
 * as a voter is folded behind one entry, opened only when they want it.
 */
export default function MePage() {
  const { data: me, status, error, reload } = useResource(() => call('account', 'me', {}), 'me');
  useReloadOnShow(reload);
  const big = useBigFont();
  const [verifyOpen, setVerifyOpen] = useState(false);
  const [inviteOpen, setInviteOpen] = useState(false);

  const roles = me ? Array.from(new Set(me.roles.map((r) => r.role))) : [];
  const isDeputy = Boolean(me?.deputyId) || roles.includes('deputy');
  const isOffice = roles.includes('townshipOffice') || roles.includes('countyOffice');
  const isStationStaff = roles.includes('stationStaff');
  const isUnit = roles.includes('handlingUnit');
  const works = isDeputy || isOffice || isStationStaff || isUnit;
  const v = me?.verification;

  const signOut = async () => {
    const ok = await Taro.showModal({
      title: isDemoHost() ? '退出演示身份' : '退出登录',
      content: isDemoHost() ? '确定退出当前演示身份吗？' : '确定退出登录吗？',
      confirmText: '退出',
    });
    if (!ok.confirm) return;
    clearSession();
    void Taro.reLaunch({ url: '/pages/home/index' });
  };

  const roleText = roles.filter((r) => r !== 'voter').map((r) => ROLE_LABEL[r] ?? r);

  return (
    <PageShell className="me-page" demoBanner>
      <Loadable status={status} error={error} onRetry={() => void reload()}>
        {me && v ? (
          <View>
            <View className="section me-head">
              <Text className="h1 me-name">{me.displayName}</Text>
              <Text className="muted me-roles" style={{ display: 'block' }}>
                {roleText.length ? roleText.join('、') : '选民'}
              </Text>
              {v.state === 'verified' || !works ? (
                <Text
                  className={`text me-verify-state me-verify-state--${v.state}`}
                  style={{ display: 'block' }}
                >
                  {VERIFY_STATE_LABEL[v.state]}
                  {v.state === 'verified' && v.nameMasked ? ` · ${v.nameMasked}` : ''}
                  {v.state === 'verified' && v.constituencyName ? ` · ${v.constituencyName}` : ''}
                </Text>
              ) : null}
            </View>

            {works ? (
              <Workbenches deputy={isDeputy} office={isOffice} station={isStationStaff} unit={isUnit} />
            ) : (
              <Verification me={me} onDone={() => void reload(true)} />
            )}

            <View className="menu">
              <View
                {...tapProps(() => go('/pages/notifications/index'))}
                className="menu-item"
                onClick={() => go('/pages/notifications/index')}
              >
                <Text>通知</Text>
                <View className="row">
                  {me.unreadNotifications ? <Text className="count">{me.unreadNotifications}</Text> : null}
                  <Text className="chevron">›</Text>
                </View>
              </View>
              <MenuItem onClick={() => go('/pages/threads/index')}>我的留言</MenuItem>
              <MenuItem className="bookings-link" onClick={() => go('/pages/bookings/index')}>
                我的预约
              </MenuItem>
              <MenuItem className="groups-link" onClick={() => go('/groups/mine/index')}>
                我的群
              </MenuItem>
              <MenuItem onClick={() => go('/pages/receptions/index')}>代表接待日</MenuItem>
              <MenuItem className="consult-link" onClick={() => go('/consult/list/index')}>
                意见征询
              </MenuItem>
              <MenuItem className="cases-new-link" onClick={() => go('/cases/submit/index')}>
                反映社情民意
              </MenuItem>
              <MenuItem className="cases-mine-link" onClick={() => go('/cases/mine/index')}>
                我的社情民意
              </MenuItem>
              <MenuItem className="cases-published-link" onClick={() => go('/cases/published/index')}>
                公开的社情民意
              </MenuItem>
            </View>

            {works && v.state !== 'verified' ? (
              <View className="menu verify-fold">
                <MenuItem className="verify-open" onClick={() => setVerifyOpen((o) => !o)}>
                  {verifyOpen ? '收起实名认证' : `作为选民实名认证（${VERIFY_STATE_LABEL[v.state]}）`}
                </MenuItem>
              </View>
            ) : null}
            {works && verifyOpen ? <Verification me={me} onDone={() => void reload(true)} /> : null}

            {isDeputy ? null : (
              <View className="menu invite-fold">
                <MenuItem className="invite-open" onClick={() => setInviteOpen((o) => !o)}>
                  {inviteOpen ? '收起' : '我是人大代表：输入邀请码绑定'}
                </MenuItem>
              </View>
            )}
            {!isDeputy && inviteOpen ? (
              <InviteForm
                onDone={() => {
                  setInviteOpen(false);
                  void reload(true);
                }}
              />
            ) : null}
          </View>
        ) : null}
      </Loadable>

      <View className="menu">
        <View className="menu-item">
          <Text>大字模式</Text>
          <Switch
            className="big-font-switch"
            checked={big}
            color="#b3261e"
            ariaLabel="大字模式"
            nativeProps={{ 'aria-label': '大字模式' }}
            onChange={(e) => setBigFont(Boolean(e.detail.value))}
          />
        </View>
        {process.env.TARO_ENV === 'h5' ? (
          <MenuItem onClick={() => go('/pages/login/index?redirect=%2Fpages%2Fme%2Findex')}>
            {isDemoHost() ? '切换演示身份' : '切换账号'}
          </MenuItem>
        ) : null}
        {process.env.TARO_ENV === 'h5' ? (
          <MenuItem className="sign-out" onClick={() => void signOut()}>
            退出
          </MenuItem>
        ) : null}
      </View>
    </PageShell>
  );
}
