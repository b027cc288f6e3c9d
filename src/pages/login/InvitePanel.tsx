import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { officeScope, inScope } from '../../../cloudfunctions/core/scope';
import { when } from '../../../cloudfunctions/core/time';
import { call, getToken } from '../../api';
import { needsRenewal, renewSession } from '../../api/session';
import { Field } from '../../components/Form';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { invite, type InviteRequest } from './host';

type Role = 'voter' | 'deputy' | 'stationStaff' | 'townshipOffice' | 'countyOffice';
const ROLES: { role: Role; label: string }[] = [
  { role: 'deputy', label: '人大代表' },
  { role: 'stationStaff', label: '联络站工作人员' },
  { role: 'townshipOffice', label: '乡镇人大工作人员' },
  { role: 'countyOffice', label: '县人大常委会工作人员' },
  { role: 'voter', label: '选民（普通账号）' },
];

interface Option {
  id: string;
  label: string;
}

/** Everything the pickers offer: the caller's roles, the regions and stations, the deputies in scope. */
async function loadScope() {
  const [me, regions] = await Promise.all([
    call('account', 'me', {}, { quietAuth: true }),
    call('account', 'regions', {}),
  ]);
  const scope = officeScope(me.roles);
  const office = me.roles.some((r) => r.role === 'townshipOffice' || r.role === 'countyOffice');
  if (!office || !scope) return { office: false as const };
  const byId = new Map(regions.regions.map((r) => [r.id, r]));
  const countyOf = (id: string | null): string | undefined => {
    const r = id ? byId.get(id) : undefined;
    return !r ? undefined : r.kind === 'county' ? r.id : countyOf(r.parentId);
  };
  const townships = regions.regions
    .filter((r) => r.kind === 'township')
    .filter((t) => inScope(scope, { countyId: countyOf(t.id), townshipId: t.id }));
  const counties = regions.regions.filter(
    (r) => r.kind === 'county' && 'countyId' in scope && scope.countyId === r.id,
  );
  const stations = regions.stations.filter((s) => townships.some((t) => t.id === s.townshipId));
  const deputies: Option[] = [];
  for (const t of townships) {
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const p = await call('contact', 'deputies', { townshipId: t.id, cursor });
      deputies.push(...p.items.map((d) => ({ id: d.deputyId, label: `${d.name} · ${d.constituencyName}` })));
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
  }
  const options: Record<Role, Option[]> = {
    voter: [],
    deputy: deputies,
    stationStaff: stations.map((s) => ({ id: s.id, label: s.name })),
    townshipOffice: townships.map((t) => ({ id: t.id, label: t.name })),
    countyOffice: counties.map((c) => ({ id: c.id, label: c.name })),
  };
  return { office: true as const, options };
}

/** Office staff: issue an invitation code for a new account, or one that resets an account's password. */
export function InvitePanel() {
  const data = useResource(loadScope, 'invite-scope');
  const [picked, setPicked] = useState<Role | null>(null);
  const [scopeIndex, setScopeIndex] = useState(-1);
  const [name, setName] = useState('');
  const [resetLogin, setResetLogin] = useState('');
  const [issued, setIssued] = useState<{ code: string; expiresAt: string; what: string } | null>(null);
  const submit = useSubmit();
  const d = data.data;
  // The roles this office can invite someone to (a role with nothing in scope to pick is left out).
  const roles = useMemo(
    () => (d?.office ? ROLES.filter((r) => r.role === 'voter' || d.options[r.role].length > 0) : []),
    [d],
  );
  const role: Role = picked && roles.some((r) => r.role === picked) ? picked : (roles[0]?.role ?? 'voter');
  const options = d?.office ? d.options[role] : [];
  const chosen = scopeIndex >= 0 ? options[scopeIndex] : undefined;
  if (!d?.office) return null;

  const send = (req: InviteRequest, what: string) =>
    submit.run(async () => {
      setIssued(null);
      if (needsRenewal()) await renewSession();
      const res = await invite(req, getToken());
      setIssued({ ...res, what });
    });

  const issue = () => {
    const problems: Record<string, string> = {};
    if (role !== 'voter' && !chosen) problems.scopeId = '请选择';
    if (role !== 'deputy' && !name.trim()) problems.displayName = '请填写姓名';
    if (!submit.check(problems)) return;
    const label = ROLES.find((r) => r.role === role)!.label;
    void send(
      {
        kind: 'account',
        role,
        ...(chosen ? { scopeId: chosen.id } : {}),
        ...(name.trim() ? { displayName: name.trim() } : {}),
      },
      `${label}${chosen ? ` · ${chosen.label}` : ''}${name.trim() ? ` · ${name.trim()}` : ''}`,
    );
  };

  const reset = () => {
    if (!submit.check(resetLogin.trim() ? {} : { login: '请填写账号名' })) return;
    void send({ kind: 'reset', login: resetLogin.trim() }, `重置账号 ${resetLogin.trim()} 的密码`);
  };

  return (
    <View className="section invite-panel">
      <Text className="h2" style={{ marginTop: 0 }}>
        发放邀请码
      </Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        为辖区内的代表、工作人员开通账号。邀请码只显示一次、只能用一次，7 天内有效；请当面或电话告诉本人。
      </Text>
      <Field label="岗位">
        <Picker
          mode="selector"
          range={roles.map((r) => r.label)}
          value={Math.max(
            0,
            roles.findIndex((r) => r.role === role),
          )}
          onChange={(e) => {
            setPicked(roles[Number(e.detail.value)]?.role ?? null);
            setScopeIndex(-1);
          }}
        >
          <View className="picker-box invite-role">
            <Text>{ROLES.find((r) => r.role === role)!.label}</Text>
            <Text className="chevron">选择 ›</Text>
          </View>
        </Picker>
      </Field>
      {role !== 'voter' ? (
        <Field label={role === 'deputy' ? '代表' : '所在单位'} error={submit.fields.scopeId}>
          <Picker
            mode="selector"
            range={options.map((o) => o.label)}
            value={Math.max(0, scopeIndex)}
            onChange={(e) => setScopeIndex(Number(e.detail.value))}
          >
            <View className="picker-box invite-scope">
              <Text>{chosen ? chosen.label : '请选择'}</Text>
              <Text className="chevron">选择 ›</Text>
            </View>
          </Picker>
        </Field>
      ) : null}
      <Field
        label={role === 'deputy' ? '姓名（可不填，默认用代表姓名）' : '姓名'}
        error={submit.fields.displayName}
      >
        <Input
          className="input invite-name"
          value={name}
          placeholder="本人姓名"
          onInput={(e) => setName(e.detail.value)}
        />
      </Field>
      <Button className="btn btn--block invite-submit" disabled={submit.saving} onClick={issue}>
        {submit.saving ? '正在生成…' : '生成邀请码'}
      </Button>
      <Field label="或为已有账号重置密码" error={submit.fields.login}>
        <Input
          className="input invite-reset-login"
          value={resetLogin}
          placeholder="账号名"
          onInput={(e) => setResetLogin(e.detail.value)}
        />
      </Field>
      <Button className="btn btn--ghost btn--block invite-reset" disabled={submit.saving} onClick={reset}>
        生成重置密码的邀请码
      </Button>
      {submit.error ? <Text className="error-text invite-error">{submit.error}</Text> : null}
      {issued ? (
        <View className="section invite-issued" style={{ marginTop: '16px' }}>
          <Text className="text" style={{ display: 'block' }}>
            {issued.what}
          </Text>
          <Text className="h1 invite-code" selectable style={{ letterSpacing: '4px' }}>
            {issued.code}
          </Text>
          <Text className="muted" style={{ display: 'block' }}>
            {when(issued.expiresAt)} 前有效，只能使用一次。
          </Text>
        </View>
      ) : null}
    </View>
  );
}
