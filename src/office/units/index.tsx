import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { Field, FormError } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';

/** The county's handling units (承办单位) and their staff: the county office adds them and grants staff. */
export default function Units() {
  const units = useResource(() => call('cases', 'units', {}), 'units');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [grantUserId, setGrantUserId] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const submit = useSubmit();

  const save = async () => {
    if (!submit.check(name.trim().length >= 2 ? {} : { name: '请填写单位名称' })) return;
    await submit.run(async () => {
      await call('cases', 'saveUnit', {
        ...(unitId ? { unitId } : {}),
        name: name.trim(),
        contact: contact.trim(),
        ...(grantUserId ? { grantUserId } : {}),
      });
      setName('');
      setContact('');
      setGrantUserId('');
      setUnitId(undefined);
      await units.reload(true);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    });
  };

  return (
    <PageShell className="office-units" demoBanner>
      <Text className="h1">承办单位</Text>
      <Loadable
        status={units.status}
        error={units.error}
        onRetry={() => void units.reload()}
        empty={units.data?.items.length === 0}
        emptyText="还没有承办单位"
      >
        {(units.data?.items ?? []).map((u) => (
          <View
            key={u.unitId}
            className="list-item unit-row"
            onClick={() => {
              setUnitId(u.unitId);
              setName(u.name);
              setContact(u.contact);
            }}
          >
            <Text className="h2" style={{ margin: 0 }}>
              {u.name}
              {u.active ? '' : '（已停用）'}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {u.contact || '未填联系方式'} · 工作人员 {u.staff} 人 · 点按修改
            </Text>
          </View>
        ))}
      </Loadable>
      <View className="section">
        <Text className="h2" style={{ marginTop: 0 }}>
          {unitId ? '修改承办单位' : '新增承办单位'}
        </Text>
        <Field label="单位名称" error={submit.fields.name}>
          <Input className="input unit-name" value={name} onInput={(e) => setName(e.detail.value)} />
        </Field>
        <Field label="联系方式" error={submit.fields.contact}>
          <Input className="input unit-contact" value={contact} onInput={(e) => setContact(e.detail.value)} />
        </Field>
        <Field label="授权工作人员（账号编号，可选）" error={submit.fields.grantUserId}>
          <Input
            className="input unit-grant"
            value={grantUserId}
            onInput={(e) => setGrantUserId(e.detail.value.trim())}
          />
        </Field>
        <Text className="muted" style={{ display: 'block' }}>
          工作人员登录过小程序后，请系统管理员提供其账号编号，在这里授权。只有县人大常委会代表工委可以保存。
        </Text>
        <FormError submit={submit} />
        <Button className="btn btn--block unit-save" disabled={submit.saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </PageShell>
  );
}
