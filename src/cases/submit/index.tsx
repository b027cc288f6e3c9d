import { Checkbox, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import {
  CONSENT_FORWARD_TEXT,
  CONSENT_PUBLISH_TEXT,
  DEFAULT_CATEGORIES,
  REPORT_TEXT_MAX,
} from '../../../cloudfunctions/modules/cases/constants';
import { call, newRequestId } from '../../api';
import { checkInput, type Label } from '../../api/checks';
import { Button } from '../../components/Button';
import { Field, FormError, TextBox } from '../../components/Form';
import { PageShell } from '../../components/PageShell';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { go, useParam } from '../../utils/nav';
import { readJson, remove, writeJson } from '../../utils/storage';
import { Photos } from './Photos';

/** What the form holds; kept on the phone until it is sent (the same requestId until then). */
interface Draft {
  placeId: string;
  category: string;
  text: string;
  consentForward: boolean;
  consentPublish: boolean;
  latitude: number | null;
  longitude: number | null;
  placeName: string;
  /** File ids of the photos already uploaded. */
  images: string[];
  requestId: string;
}

const EMPTY = (): Draft => ({
  placeId: '',
  category: '',
  text: '',
  consentForward: false,
  consentPublish: false,
  latitude: null,
  longitude: null,
  placeName: '',
  images: [],
  requestId: newRequestId(),
});

const LABELS: Record<string, Label> = {
  category: { missing: '请选择类别' },
  townshipId: { missing: '请选择事项所在的乡镇或选区' },
  constituencyId: { missing: '请选择事项所在的乡镇或选区' },
  text: '反映的内容',
};

interface Place {
  id: string;
  kind: 'township' | 'constituency';
  label: string;
}

/**
 * 反映社情民意: a verified voter files a report, or a deputy turns a message thread or a visit record into
 * one (prefilled, linked both ways). Two consents are asked separately; the draft stays on the phone and
 * is submitted once, after a confirmation (a report cannot be changed once submitted).
 */
export default function SubmitCase() {
  const fromThreadId = useParam('fromThreadId');
  const fromVisitId = useParam('fromVisitId');
  const key = `dl.draft.case.${fromThreadId || fromVisitId || 'own'}`;
  const [draft, setDraft] = useState<Draft>(() => ({ ...EMPTY(), ...(readJson<Draft>(key) ?? {}) }));
  const [existing, setExisting] = useState<string | null>(null);
  const submit = useSubmit();
  const { fields } = submit;

  const setup = useResource(
    () =>
      Promise.all([
        call('account', 'regions', {}),
        call('cases', 'settings', {}),
        call('account', 'me', {}, { quietAuth: true }).catch(() => null),
      ]),
    'cases.submit.setup',
  );
  const [regions, settings, me] = setup.data ?? [null, null, null];
  const categories = settings?.categories ?? [...DEFAULT_CATEGORIES];

  const places = useMemo<Place[]>(() => {
    if (!regions) return [];
    const out: Place[] = [];
    for (const t of regions.regions.filter((r) => r.kind === 'township')) {
      out.push({ id: t.id, kind: 'township', label: `${t.name}（全镇）` });
      for (const c of regions.regions.filter((r) => r.kind === 'constituency' && r.parentId === t.id))
        out.push({ id: c.id, kind: 'constituency', label: `${t.name} · ${c.name}` });
    }
    return out;
  }, [regions]);

  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  useEffect(() => {
    if (draft.text || draft.placeId || draft.category || draft.images.length) writeJson(key, draft);
  }, [key, draft]);

  // The voter's own constituency first; a deputy's report from a thread or visit comes prefilled.
  useEffect(() => {
    if (!me || draft.placeId) return;
    if (me.verification.constituencyId) update({ placeId: me.verification.constituencyId });
  }, [me]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!fromThreadId && !fromVisitId) return;
    call('cases', 'draftFrom', fromThreadId ? { fromThreadId } : { fromVisitId })
      .then((d) => {
        setExisting(d.existingCaseId);
        setDraft((cur) =>
          cur.text
            ? cur
            : { ...cur, text: d.text, category: d.category, placeId: d.constituencyId ?? d.townshipId },
        );
      })
      .catch((e: Error) => submit.setError(e.message));
  }, [fromThreadId, fromVisitId]); // eslint-disable-line react-hooks/exhaustive-deps

  const place = places.find((p) => p.id === draft.placeId);
  const placeIndex = Math.max(
    0,
    places.findIndex((p) => p.id === draft.placeId),
  );
  const catIndex = Math.max(0, categories.indexOf(draft.category));

  const pickLocation = async () => {
    try {
      const loc = await Taro.chooseLocation({});
      update({
        latitude: loc.latitude,
        longitude: loc.longitude,
        placeName: loc.name || loc.address || '已选位置',
      });
    } catch {
      // Cancelled, or no map here: the location is optional.
    }
  };

  const send = async () => {
    const input = {
      kind: 'report' as const,
      category: draft.category,
      ...(place?.kind === 'township' ? { townshipId: place.id } : { constituencyId: place?.id ?? '' }),
      text: draft.text.trim(),
      consentForward: draft.consentForward,
      consentPublish: draft.consentPublish,
      ...(draft.latitude !== null && draft.longitude !== null
        ? { latitude: draft.latitude, longitude: draft.longitude }
        : {}),
      ...(draft.images.length ? { images: draft.images } : {}),
      ...(fromThreadId ? { fromThreadId } : {}),
      ...(fromVisitId ? { fromVisitId } : {}),
    };
    const local = checkInput('cases', 'submit', input, LABELS);
    if (!place) local.townshipId = '请选择事项所在的乡镇或选区';
    if (!draft.category) local.category = '请选择类别';
    if (!submit.check(local)) return;
    const ok = await Taro.showModal({
      title: '确认提交',
      content: '提交后内容不能再修改。确定提交吗？',
      confirmText: '提交',
    });
    if (!ok.confirm) return;
    await submit.run(async () => {
      const r = await call('cases', 'submit', input, { requestId: draft.requestId });
      remove(key);
      setDraft(EMPTY());
      void Taro.showToast({ title: r.held ? '已提交，待复核' : '已提交', icon: 'success' });
      void Taro.redirectTo({ url: `/cases/detail/index?caseId=${encodeURIComponent(r.caseId)}` });
    });
  };

  const byDeputy = Boolean(fromThreadId || fromVisitId);
  return (
    <PageShell className="case-submit" demoBanner>
      <Text className="h1">{byDeputy ? '转为社情民意' : '反映社情民意'}</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '12px' }}>
        {byDeputy
          ? '内容已从留言或接待记录带入，可以修改。请先征得群众同意，再勾选下面两项。'
          : '您反映的问题由本选区代表受理，需要时转交有关部门办理。每一步都会通知您。'}
      </Text>
      {existing ? (
        <View className="section case-existing" onClick={() => go(`/cases/detail/index?caseId=${existing}`)}>
          <Text className="text">这条记录已经转为社情民意，</Text>
          <Text className="link">查看 ›</Text>
        </View>
      ) : null}
      <Field label="事项所在地" error={fields.townshipId || fields.constituencyId}>
        <Picker
          mode="selector"
          range={places.map((p) => p.label)}
          value={placeIndex}
          onChange={(e) => update({ placeId: places[Number(e.detail.value)]?.id ?? '' })}
        >
          <View className="picker-box case-place">
            <Text>{place?.label ?? '请选择乡镇或选区'}</Text>
            <Text className="chevron">选择 ›</Text>
          </View>
        </Picker>
      </Field>
      <Field label="类别" error={fields.category}>
        <Picker
          mode="selector"
          range={categories}
          value={catIndex}
          onChange={(e) => update({ category: categories[Number(e.detail.value)] })}
        >
          <View className="picker-box case-category">
            <Text>{draft.category || '请选择类别'}</Text>
            <Text className="chevron">选择 ›</Text>
          </View>
        </Picker>
      </Field>
      <Field label="反映的内容" error={fields.text}>
        <TextBox
          className="case-text"
          value={draft.text}
          max={REPORT_TEXT_MAX}
          placeholder="请写清楚：什么事、在哪里、持续多久了、您希望怎么解决。"
          onInput={(text) => update({ text })}
        />
      </Field>
      <Field label="位置（可选）" error={fields.longitude}>
        {draft.latitude !== null ? (
          <View className="row row--between">
            <Text className="text">{draft.placeName || '已选位置'}</Text>
            <Text
              className="link case-location-clear"
              onClick={() => update({ latitude: null, longitude: null, placeName: '' })}
            >
              去掉
            </Text>
          </View>
        ) : (
          <Button className="btn btn--plain case-location" onClick={() => void pickLocation()}>
            在地图上选位置
          </Button>
        )}
        <Text className="muted" style={{ display: 'block' }}>
          位置只给办理的人看，公开时不显示。
        </Text>
      </Field>
      <Photos
        images={draft.images}
        userId={me?.userId ?? null}
        fields={fields}
        onChange={(images) => {
          update({ images });
          submit.check({}); // what was said of the photos before no longer holds
        }}
      />
      <Field error={fields.consentForward}>
        <View
          className="row case-consent-forward"
          onClick={() => update({ consentForward: !draft.consentForward })}
        >
          <Checkbox value="forward" checked={draft.consentForward} ariaLabel="同意转交承办单位" />
          <Text className="text grow">{CONSENT_FORWARD_TEXT}</Text>
        </View>
        {!draft.consentForward ? (
          <Text className="muted" style={{ display: 'block' }}>
            不同意也可以提交：代表可以直接答复，但不能交给政府部门办理。
          </Text>
        ) : null}
      </Field>
      <Field error={fields.consentPublish}>
        <View
          className="row case-consent-publish"
          onClick={() => update({ consentPublish: !draft.consentPublish })}
        >
          <Checkbox value="publish" checked={draft.consentPublish} ariaLabel="同意办结后公开" />
          <Text className="text grow">{CONSENT_PUBLISH_TEXT}</Text>
        </View>
      </Field>
      <FormError submit={submit} className="case-submit-error" />
      <Button
        className="btn btn--block case-submit-button"
        disabled={submit.saving}
        onClick={() => void send()}
      >
        {submit.saving ? '正在提交…' : '提交'}
      </Button>
      <Text className="muted" style={{ display: 'block', marginTop: '12px' }}>
        草稿会自动保存在手机上，提交成功后清除；网络不好时可以稍后再点提交，不会重复提交。
      </Text>
    </PageShell>
  );
}
