import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DeputyPublic } from '../../../cloudfunctions/modules/contact/contract';
import { call } from '../../api';
import { checkInput } from '../../api/checks';
import { Button } from '../../components/Button';
import { Field, FormError } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import type { useRegions } from '../../hooks/useRegions';
import { useSubmit } from '../../hooks/useSubmit';
import { deputyPhoto } from '../../utils/photo';
import { InvitePanel } from './InvitePanel';
import { PhotoField } from './PhotoField';

type Level = 'county' | 'township';
const LEVELS: Array<{ key: Level; label: string }> = [
  { key: 'township', label: '乡级人大代表' },
  { key: 'county', label: '县级人大代表' },
];

export interface Form {
  deputyId?: string;
  name: string;
  level: Level;
  constituencyId: string;
  workUnit: string;
  /** What the card shows now (an upload, or an older address); `photoFileId` is sent only when changed. */
  photo: string;
  photoFileId?: string | null;
  stationId: string | null;
  publicContact: string;
}

export const EMPTY: Form = {
  name: '',
  level: 'township',
  constituencyId: '',
  workUnit: '',
  photo: '',
  stationId: null,
  publicContact: '',
};

export function fromDeputy(d: DeputyPublic): Form {
  return {
    deputyId: d.deputyId,
    name: d.name,
    level: d.level,
    constituencyId: d.constituencyId,
    workUnit: d.workUnit,
    photo: deputyPhoto(d),
    stationId: d.stationId,
    publicContact: d.publicContact,
  };
}

/**
 * A deputy's public details, new or changed, saved after a confirmation (they show on the contact card at
 * once); the constituency is one of the office's own, the station one of its township's.
 */
export function DeputyForm({
  initial,
  regions,
  onSaved,
  onCancel,
}: {
  initial: Form;
  regions: ReturnType<typeof useRegions>;
  onSaved: (deputy: DeputyPublic, created: boolean) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<Form>(initial);
  const submit = useSubmit();
  const { fields } = submit;

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const cIndex = regions.constituencies.findIndex((c) => c.id === form.constituencyId);
  const constituency = cIndex >= 0 ? regions.constituencies[cIndex] : undefined;
  const stations = regions.stations.filter(
    (s) => !constituency?.townshipId || s.townshipId === constituency.townshipId,
  );
  const stationOptions = [{ id: '', name: '（不指定联络站）' }, ...stations];
  const sIndex = Math.max(
    0,
    stationOptions.findIndex((s) => s.id === (form.stationId ?? '')),
  );
  const lIndex = Math.max(
    0,
    LEVELS.findIndex((l) => l.key === form.level),
  );

  const save = async () => {
    const input = {
      ...(form.deputyId ? { deputyId: form.deputyId } : {}),
      name: form.name.trim(),
      level: form.level,
      constituencyId: form.constituencyId,
      workUnit: form.workUnit.trim(),
      ...(form.photoFileId !== undefined ? { photoFileId: form.photoFileId } : {}),
      stationId: form.stationId || null,
      publicContact: form.publicContact.trim(),
    };
    const local = checkInput('contact', 'saveDeputy', input, {
      name: { name: '姓名', missing: '请填写代表姓名' },
      constituencyId: { missing: '请选择选区' },
      workUnit: '工作单位',
      photoFileId: '照片',
      publicContact: '公开联系方式',
    });
    if (!submit.check(local)) return;
    const ok = await Taro.showModal({
      title: form.deputyId ? '保存修改' : '新增代表',
      content: `${form.deputyId ? '修改后的信息' : '新代表的信息'}（${constituency?.label ?? ''}）会立即公开显示在联系卡上。确定保存吗？`,
      confirmText: '保存',
    });
    if (!ok.confirm) return;
    await submit.run(async () => {
      const deputy = await call(
        'contact',
        'saveDeputy',
        input,
        form.deputyId ? {} : { requestId: submit.requestId },
      );
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(deputy, !form.deputyId);
    });
  };

  return (
    <View className="section deputy-form">
      <Text className="h2" style={{ marginTop: 0 }}>
        {form.deputyId ? `修改：${form.name}` : '新增代表'}
      </Text>
      <Loadable status={regions.status} error={regions.error} onRetry={() => void regions.reload()}>
        <Field label="姓名" error={fields.name}>
          <Input
            className="input deputy-name"
            ariaLabel="姓名"
            value={form.name}
            onInput={(e) => set({ name: e.detail.value })}
          />
        </Field>
        <Field label="代表层级" error={fields.level}>
          <Picker
            mode="selector"
            range={LEVELS.map((l) => l.label)}
            value={lIndex}
            onChange={(e) => set({ level: LEVELS[Number(e.detail.value)].key })}
          >
            <View className="picker-box">
              <Text>{LEVELS[lIndex].label}</Text>
              <Text className="chevron">更改 ›</Text>
            </View>
          </Picker>
        </Field>
        <Field label="选区" error={fields.constituencyId}>
          <Picker
            mode="selector"
            range={regions.constituencies.map((c) => c.label)}
            value={Math.max(0, cIndex)}
            onChange={(e) =>
              set({
                constituencyId: regions.constituencies[Number(e.detail.value)]?.id ?? '',
                stationId: null,
              })
            }
          >
            <View className="picker-box deputy-constituency">
              <Text>{constituency ? constituency.label : '请选择选区'}</Text>
              <Text className="chevron">选择 ›</Text>
            </View>
          </Picker>
        </Field>
        <Field label="联络站" error={fields.stationId}>
          <Picker
            mode="selector"
            range={stationOptions.map((s) => s.name)}
            value={sIndex}
            onChange={(e) => set({ stationId: stationOptions[Number(e.detail.value)]?.id || null })}
          >
            <View className="picker-box">
              <Text>{stationOptions[sIndex]?.name}</Text>
              <Text className="chevron">选择 ›</Text>
            </View>
          </Picker>
        </Field>
        <Field label="工作单位" error={fields.workUnit}>
          <Input
            className="input deputy-work-unit"
            ariaLabel="工作单位"
            value={form.workUnit}
            onInput={(e) => set({ workUnit: e.detail.value })}
          />
        </Field>
        <Field label="公开联系方式" error={fields.publicContact}>
          <Input
            className="input deputy-contact"
            ariaLabel="公开联系方式"
            value={form.publicContact}
            placeholder="如联络站电话"
            onInput={(e) => set({ publicContact: e.detail.value })}
          />
        </Field>
        <PhotoField
          photo={form.photo}
          userId={regions.userId}
          error={fields.photoFileId}
          disabled={submit.saving}
          onChange={(photoFileId, photo) => set({ photoFileId, photo })}
          onError={submit.setError}
        />
        {form.deputyId ? <InvitePanel deputyId={form.deputyId} name={form.name} /> : null}
        <FormError submit={submit} className="deputy-form-error" />
        <View className="btn-row">
          <Button className="btn deputy-save" disabled={submit.saving} onClick={() => void save()}>
            {submit.saving ? '正在保存…' : '保存'}
          </Button>
          <Button className="btn btn--plain deputy-cancel" disabled={submit.saving} onClick={onCancel}>
            取消
          </Button>
        </View>
      </Loadable>
    </View>
  );
}
