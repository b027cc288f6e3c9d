import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DeputyPublic } from '../../../cloudfunctions/modules/contact/contract';
import { call } from '../../api';
import { checkInput } from '../../api/checks';
import { Button } from '../../components/Button';
import { DeputyRow } from '../../components/DeputyRow';
import { Field, FormError } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { NameSearch, notFound } from '../../components/NameSearch';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';
import { useRegions } from '../../hooks/useRegions';
import { useSubmit } from '../../hooks/useSubmit';
import { deputyPhoto } from '../../utils/photo';
import { InvitePanel } from './InvitePanel';
import { PhotoField } from './PhotoField';

type Level = 'county' | 'township';
const LEVELS: Array<{ key: Level; label: string }> = [
  { key: 'township', label: '乡级人大代表' },
  { key: 'county', label: '县级人大代表' },
];

interface Form {
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

const EMPTY: Form = {
  name: '',
  level: 'township',
  constituencyId: '',
  workUnit: '',
  photo: '',
  stationId: null,
  publicContact: '',
};

/** One deputy the caller may not change: shown, marked read-only, with who keeps it. */
function ReadOnlyRow({ deputy }: { deputy: DeputyPublic }) {
  return (
    <View className="list-item deputy-readonly">
      <View className="row row--between">
        <Text className="h2 deputy-row-name" style={{ margin: 0 }}>
          {deputy.name}
        </Text>
        <Text className="tag tag--read">只读</Text>
      </View>
      <Text className="muted" style={{ display: 'block' }}>
        {deputy.townshipName} · {deputy.constituencyName}
      </Text>
      <Text className="muted" style={{ display: 'block' }}>
        由{deputy.townshipName}人大维护，您不能修改。
      </Text>
    </View>
  );
}

function fromDeputy(d: DeputyPublic): Form {
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

export default function OfficeDeputies() {
  const regions = useRegions();
  const { scope } = regions;
  // A township office edits the deputies of its township (a constituency goes with its township): those
  // come first, by the server's own filter; the rest of the county is there to look at, read-only.
  const township = scope && 'townshipId' in scope ? scope.townshipId : '';
  const ready = regions.status === 'ready';
  const [q, setQ] = useState('');
  const search = q ? { q } : {};
  const list = usePaged(
    (cursor) =>
      call('contact', 'deputies', { ...(township ? { townshipId: township } : {}), ...search, cursor }),
    `office-deputies:${township}:${q}`,
    ready,
  );
  const [showOthers, setShowOthers] = useState(false);
  const others = usePaged(
    (cursor) => call('contact', 'deputies', { ...search, cursor }),
    `office-deputies:all:${q}`,
    ready && Boolean(township) && showOthers,
  );
  const [form, setForm] = useState<Form>(EMPTY);
  const submit = useSubmit();
  const { fields } = submit;
  const [showForm, setShowForm] = useState(false);
  const [saved, setSaved] = useState<{ deputy: DeputyPublic; created: boolean } | null>(null);

  const inReach = new Set(regions.constituencies.map((c) => c.id));
  const mayEdit = (d: DeputyPublic) => scope !== null && inReach.has(d.constituencyId);

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

  const open = (f: Form) => {
    setForm(f);
    setShowForm(true);
    setSaved(null);
    submit.reset();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };
  const edit = (d: DeputyPublic) => open(fromDeputy(d));
  // A new deputy starts in the office's first constituency (the only one, for many townships).
  const create = () => open({ ...EMPTY, constituencyId: regions.constituencies[0]?.id ?? '' });

  const reset = () => {
    setShowForm(false);
    setForm(EMPTY);
    submit.reset();
  };

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
      reset();
      setSaved({ deputy, created: !form.deputyId });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
      void list.reload(true);
    });
  };

  const readOnly = others.items.filter((d) => !mayEdit(d));

  return (
    <PageShell className="office-deputies" demoBanner>
      {saved && !showForm ? (
        <View className="section deputy-saved">
          <Text className="ok-text">
            ✓ {saved.created ? '已新增' : '已保存'}：{saved.deputy.name}（{saved.deputy.townshipName} ·{' '}
            {saved.deputy.constituencyName}）
          </Text>
          <Text className="text" style={{ display: 'block' }}>
            联系卡上显示的是刚保存的信息。
          </Text>
        </View>
      ) : null}
      {showForm ? null : (
        <Button
          className="btn btn--block new-deputy"
          missing={ready && regions.constituencies.length === 0 ? '您的范围内还没有选区，不能新增代表' : null}
          disabled={!ready}
          onClick={create}
        >
          新增代表
        </Button>
      )}
      {showForm ? (
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
              <Button className="btn btn--plain deputy-cancel" disabled={submit.saving} onClick={reset}>
                取消
              </Button>
            </View>
          </Loadable>
        </View>
      ) : null}

      <Text className="h2">{township ? '本乡镇的代表（点击修改）' : '代表（点击修改）'}</Text>
      <NameSearch className="deputies-search" onSearch={setQ} />
      <PagedList
        list={list}
        emptyText={q ? notFound(q) : '还没有代表信息'}
        row={(d) =>
          mayEdit(d) ? (
            <DeputyRow key={d.deputyId} deputy={d} onClick={() => edit(d)} />
          ) : (
            <ReadOnlyRow key={d.deputyId} deputy={d} />
          )
        }
      />
      {township ? (
        <View className="others">
          <Text className="h2">其他乡镇的代表（只读）</Text>
          <Text className="muted" style={{ display: 'block' }}>
            其他乡镇的代表由所属乡镇人大维护，这里只能查看。
          </Text>
          {showOthers ? (
            <PagedList
              list={others}
              emptyText={q ? notFound(q) : '没有其他乡镇的代表'}
              row={(d) => (mayEdit(d) ? null : <ReadOnlyRow key={d.deputyId} deputy={d} />)}
            />
          ) : (
            <Button className="btn btn--plain btn--block others-open" onClick={() => setShowOthers(true)}>
              查看其他乡镇的代表
            </Button>
          )}
          {showOthers && others.status === 'ready' && readOnly.length === 0 && others.items.length > 0 ? (
            <Text className="muted">其他乡镇暂无代表。</Text>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
