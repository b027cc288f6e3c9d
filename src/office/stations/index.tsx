import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { StationView } from '../../../cloudfunctions/modules/reception/contract';
import { call } from '../../api';
import { checkInput, maxLengthOf, rulesOf, type Label } from '../../api/checks';
import { Button } from '../../components/Button';
import { Chip, Field, FormError, TextBox } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { useScope } from '../scope';

interface Form {
  stationId?: string;
  townshipId: string;
  name: string;
  address: string;
  contact: string;
  latitude: string;
  longitude: string;
  openingNotes: string;
}

const EMPTY: Form = {
  townshipId: '',
  name: '',
  address: '',
  contact: '',
  latitude: '',
  longitude: '',
  openingNotes: '',
};

const fromStation = (s: StationView): Form => ({
  stationId: s.stationId,
  townshipId: s.townshipId,
  name: s.name,
  address: s.address,
  contact: s.contact,
  latitude: s.latitude === null ? '' : String(s.latitude),
  longitude: s.longitude === null ? '' : String(s.longitude),
  openingNotes: s.openingNotes,
});

/** A typed coordinate: '' → none (null); otherwise the number (NaN when it is not one, for the check). */
const coord = (v: string): number | null => (v.trim() ? Number(v.trim()) : null);

const RULES = rulesOf('reception', 'createStation');
const LABELS: Record<string, Label> = {
  townshipId: { missing: '请选择乡镇' },
  name: '名称',
  address: '地址',
  contact: '联系方式',
  latitude: '纬度',
  longitude: '经度',
  openingNotes: '开放说明',
};

export default function Stations() {
  const scope = useScope();
  const [townshipId, setTownshipId] = useState('');
  const list = useResource(
    () => call('reception', 'stations', { townshipId }),
    `stations:${townshipId}`,
    Boolean(townshipId),
  );
  const [form, setForm] = useState<Form | null>(null);
  const submit = useSubmit();
  const { fields } = submit;

  useEffect(() => {
    if (!townshipId && scope.townships.length) setTownshipId(scope.townships[0].id);
  }, [scope.townships, townshipId]);

  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f));
  const open = (f: Form) => {
    setForm(f);
    submit.reset();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };
  const close = () => {
    setForm(null);
    submit.reset();
  };

  const save = async () => {
    if (!form) return;
    const body = {
      name: form.name.trim(),
      address: form.address.trim(),
      contact: form.contact.trim(),
      latitude: coord(form.latitude),
      longitude: coord(form.longitude),
      openingNotes: form.openingNotes.trim(),
    };
    // The contract's field checks, and its one cross-field rule: a map point is both coordinates or none.
    const local = form.stationId
      ? checkInput('reception', 'updateStation', { stationId: form.stationId, ...body }, LABELS)
      : checkInput('reception', 'createStation', { townshipId: form.townshipId, ...body }, LABELS);
    if ((body.latitude === null) !== (body.longitude === null) && !local.longitude)
      local.longitude = '经度和纬度要一起填写';
    if (!submit.check(local)) return;
    await submit.run(async () => {
      if (form.stationId) {
        await call('reception', 'updateStation', { stationId: form.stationId, ...body });
      } else {
        await call(
          'reception',
          'createStation',
          { townshipId: form.townshipId, ...body },
          { requestId: submit.requestId },
        );
      }
      void Taro.showToast({ title: '已保存', icon: 'success' });
      if (form.townshipId !== townshipId) setTownshipId(form.townshipId);
      else void list.reload(true);
      close();
    });
  };

  const stations = list.data?.items ?? [];

  return (
    <PageShell className="office-stations" demoBanner>
      <Text className="h1">联络站</Text>
      <Loadable
        status={scope.status}
        error={scope.error}
        onRetry={() => void scope.reload()}
        empty={scope.status === 'ready' && !scope.office}
        emptyText="只有乡镇人大和县人大常委会代表工委可以管理联络站"
      >
        {form ? (
          <View className="section station-form">
            <Text className="h2" style={{ marginTop: 0 }}>
              {form.stationId ? '修改联络站' : '新增联络站'}
            </Text>
            {form.stationId ? null : (
              <Field label="所属乡镇" error={fields.townshipId}>
                <View className="chips">
                  {scope.townships.map((t) => (
                    <Chip key={t.id} on={form.townshipId === t.id} onClick={() => set({ townshipId: t.id })}>
                      {t.name}
                    </Chip>
                  ))}
                </View>
              </Field>
            )}
            <Field label="名称" error={fields.name}>
              <Input
                className="input station-name"
                value={form.name}
                maxlength={RULES.name.maxLength}
                placeholder="例如：青石镇人大代表之家"
                onInput={(e) => set({ name: e.detail.value })}
              />
            </Field>
            <Field label="地址" error={fields.address}>
              <Input
                className="input station-address"
                value={form.address}
                maxlength={RULES.address.maxLength}
                placeholder="群众能找到的详细地址"
                onInput={(e) => set({ address: e.detail.value })}
              />
            </Field>
            <Field label="联系方式（可不填）" error={fields.contact}>
              <Input
                className="input station-contact"
                value={form.contact}
                maxlength={RULES.contact.maxLength}
                placeholder="值班电话"
                onInput={(e) => set({ contact: e.detail.value })}
              />
            </Field>
            <Field
              label="位置（可不填，填写后群众可在地图上查看）"
              error={fields.latitude || fields.longitude}
            >
              <View className="row">
                <Input
                  className="input grow station-lat"
                  type="digit"
                  value={form.latitude}
                  placeholder="纬度，如 30.2741"
                  onInput={(e) => set({ latitude: e.detail.value })}
                />
                <Input
                  className="input grow station-lng"
                  type="digit"
                  value={form.longitude}
                  placeholder="经度，如 120.1551"
                  onInput={(e) => set({ longitude: e.detail.value })}
                />
              </View>
              <Text className="muted" style={{ display: 'block' }}>
                请使用腾讯地图或高德地图上的坐标。
              </Text>
            </Field>
            <Field label="开放说明（可不填）" error={fields.openingNotes}>
              <TextBox
                className="station-notes"
                short
                value={form.openingNotes}
                max={maxLengthOf('reception', 'createStation', 'openingNotes')}
                placeholder="例如：每月 15 日上午固定接待；从镇政府东门进"
                onInput={(openingNotes) => set({ openingNotes })}
              />
            </Field>
            <FormError submit={submit} className="station-error" />
            <View className="btn-row">
              <Button className="btn station-save" disabled={submit.saving} onClick={() => void save()}>
                {submit.saving ? '正在保存…' : '保存'}
              </Button>
              <Button className="btn btn--plain" disabled={submit.saving} onClick={close}>
                取消
              </Button>
            </View>
          </View>
        ) : (
          <Button
            className="btn btn--block new-station"
            onClick={() => open({ ...EMPTY, townshipId: townshipId || scope.townships[0]?.id || '' })}
          >
            新增联络站
          </Button>
        )}

        {scope.townships.length > 1 ? (
          <View className="chips" style={{ marginTop: '24px' }}>
            {scope.townships.map((t) => (
              <Chip key={t.id} on={townshipId === t.id} onClick={() => setTownshipId(t.id)}>
                {t.name}
              </Chip>
            ))}
          </View>
        ) : null}
        <Loadable
          status={townshipId ? list.status : 'ready'}
          error={list.error}
          onRetry={() => void list.reload()}
          empty={stations.length === 0}
          emptyText="这个乡镇还没有联络站"
        >
          {stations.map((s) => (
            <View key={s.stationId} className="list-item station-row">
              <View className="row row--between">
                <Text className="h2" style={{ margin: 0 }}>
                  {s.name}
                </Text>
                <Button
                  className="btn btn--plain btn--small station-edit"
                  onClick={() => open(fromStation(s))}
                >
                  修改
                </Button>
              </View>
              <Text className="text" style={{ display: 'block' }}>
                {s.address}
              </Text>
              {s.contact ? (
                <Text className="muted" style={{ display: 'block' }}>
                  联系方式：{s.contact}
                </Text>
              ) : null}
              <Text className="muted" style={{ display: 'block' }}>
                {s.latitude !== null && s.longitude !== null
                  ? `位置：${s.latitude}, ${s.longitude}`
                  : '未标注位置'}
              </Text>
              {s.openingNotes ? (
                <Text className="muted" style={{ display: 'block' }}>
                  {s.openingNotes}
                </Text>
              ) : null}
            </View>
          ))}
        </Loadable>
      </Loadable>
    </PageShell>
  );
}
