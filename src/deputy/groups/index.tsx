import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DESCRIPTION_MAX, JOIN_RULE_LABEL } from '../../../cloudfunctions/modules/groups/constants';
import type { GroupView } from '../../../cloudfunctions/modules/groups/contract';
import { call } from '../../api';
import { checkInput } from '../../api/checks';
import { Button } from '../../components/Button';
import { Chip, Field, FormError, TextBox } from '../../components/Form';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { useSubmit } from '../../hooks/useSubmit';
import { tapProps } from '../../utils/a11y';
import { go } from '../../utils/nav';

type Place = { constituencyId: string | null; stationId: string | null; name: string };

function GroupRow({ g }: { g: GroupView }) {
  const open = () => go(`/deputy/group/index?groupId=${encodeURIComponent(g.groupId)}`);
  return (
    <View {...tapProps(open)} className="list-item managed-group" onClick={open}>
      <View className="row row--between">
        <Text className="text" style={{ fontWeight: 600 }}>
          {g.name}
        </Text>
        {g.pendingCount > 0 ? <Text className="count">{g.pendingCount} 人待审核</Text> : null}
      </View>
      <Text className="muted" style={{ display: 'block' }}>
        {g.placeName} · 成员 {g.memberCount} · 公告 {g.posts} · 群码 {g.code}
      </Text>
    </View>
  );
}

/** A new group for the caller's constituency (or station): name, description, who may join. */
function CreateForm({ places, onDone }: { places: Place[]; onDone: (groupId: string) => void }) {
  const [place, setPlace] = useState(0);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [joinRule, setJoinRule] = useState<'auto' | 'approval'>('auto');
  const submit = useSubmit();
  const here = places[place];

  const create = async () => {
    const input = {
      ...(here.constituencyId ? { constituencyId: here.constituencyId } : { stationId: here.stationId! }),
      name: name.trim(),
      description: description.trim(),
      joinRule,
    };
    if (!submit.check(checkInput('groups', 'create', input, { name: '群名称', description: '简介' }))) return;
    const ok = await Taro.showModal({
      title: '建立实名制群',
      content: `在${here.name}建立“${input.name}”？${JOIN_RULE_LABEL[joinRule]}。`,
      confirmText: '建立',
    });
    if (!ok.confirm) return;
    await submit.run(async () => {
      const r = await call('groups', 'create', input, { requestId: submit.requestId });
      submit.reset();
      onDone(r.groupId);
    });
  };

  return (
    <View className="section group-create">
      <Text className="h2" style={{ marginTop: 0 }}>
        建立实名制群
      </Text>
      {places.length > 1 ? (
        <View className="chips">
          {places.map((p, i) => (
            <Chip key={p.name} on={i === place} onClick={() => setPlace(i)}>
              {p.name}
            </Chip>
          ))}
        </View>
      ) : (
        <Text className="muted" style={{ display: 'block' }}>
          {here.name}
        </Text>
      )}
      <Field label="群名称" error={submit.fields.name}>
        <Input
          className="input group-create-name"
          ariaLabel="群名称"
          value={name}
          placeholder="例如：青石镇第一选区选民群"
          onInput={(e) => setName(e.detail.value)}
        />
      </Field>
      <Field label="简介（选填）" error={submit.fields.description}>
        <TextBox
          className="group-create-description"
          value={description}
          max={DESCRIPTION_MAX}
          short
          placeholder="本群是做什么的"
          onInput={setDescription}
        />
      </Field>
      <Field label="谁可以加入" error={submit.fields.joinRule}>
        <View className="chips">
          {(['auto', 'approval'] as const).map((r) => (
            <Chip key={r} className={`group-rule-${r}`} on={joinRule === r} onClick={() => setJoinRule(r)}>
              {JOIN_RULE_LABEL[r]}
            </Chip>
          ))}
        </View>
      </Field>
      <FormError submit={submit} />
      <Button
        className="btn btn--block group-create-submit"
        disabled={submit.saving}
        onClick={() => void create()}
      >
        {submit.saving ? '正在建立…' : '建立'}
      </Button>
    </View>
  );
}

/** The deputy's (or station's) real-name groups, and a new one. */
export default function ManagedGroups() {
  const [places, setPlaces] = useState<Place[]>([]);
  const list = usePaged(async (cursor) => {
    const r = await call('groups', 'list', { cursor });
    if (!cursor) setPlaces(r.places);
    return r;
  }, 'managed-groups');
  useReloadOnShow(list.reload);
  const [creating, setCreating] = useState(false);
  const mine = list.items.filter((g) => g.role === 'owner');

  return (
    <PageShell className="deputy-groups-page" demoBanner>
      <Text className="h1">实名制群</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        群里都是本选区实名认证的选民。发布的公告、回复和投票都记入履职档案。
      </Text>
      <PagedList
        list={{ ...list, items: mine }}
        emptyText="还没有实名制群"
        row={(g) => <GroupRow key={g.groupId} g={g} />}
      />
      {places.length > 0 && !creating ? (
        <Button className="btn btn--ghost btn--block group-create-open" onClick={() => setCreating(true)}>
          建立新群
        </Button>
      ) : null}
      {creating && places.length > 0 ? (
        <CreateForm
          places={places}
          onDone={(groupId) => {
            setCreating(false);
            void list.reload(true);
            go(`/deputy/group/index?groupId=${encodeURIComponent(groupId)}`);
          }}
        />
      ) : null}
    </PageShell>
  );
}
