import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DeputyPublic } from '../../../cloudfunctions/modules/contact/contract';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { DeputyRow } from '../../components/DeputyRow';
import { NameSearch, notFound } from '../../components/NameSearch';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';
import { useRegions } from '../../hooks/useRegions';
import { DeputyForm, EMPTY, fromDeputy, type Form } from './DeputyForm';

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
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState<{ deputy: DeputyPublic; created: boolean } | null>(null);

  const inReach = new Set(regions.constituencies.map((c) => c.id));
  const mayEdit = (d: DeputyPublic) => scope !== null && inReach.has(d.constituencyId);

  const open = (f: Form) => {
    setForm(f);
    setSaved(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };
  const edit = (d: DeputyPublic) => open(fromDeputy(d));
  // A new deputy starts in the office's first constituency (the only one, for many townships).
  const create = () => open({ ...EMPTY, constituencyId: regions.constituencies[0]?.id ?? '' });
  const showForm = form !== null;

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
      {form ? (
        <DeputyForm
          key={form.deputyId ?? 'new'}
          initial={form}
          regions={regions}
          onCancel={() => setForm(null)}
          onSaved={(deputy, created) => {
            setForm(null);
            setSaved({ deputy, created });
            void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
            void list.reload(true);
          }}
        />
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
