import { Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ImportReport } from '../../../cloudfunctions/modules/account/contract';
import { call, toApiError } from '../../api';
import { checkInput, type Label } from '../../api/checks';
import { Button } from '../../components/Button';
import { Field } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { NameSearch, notFound } from '../../components/NameSearch';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';
import { useRegions } from '../../hooks/useRegions';
import { parsePastedRegister } from './paste';
import { pickRegisterFile } from './pickFile';

/** The constituency last worked on, kept on the phone: staff import one constituency's register in several goes. */
const CHOSEN_KEY = 'dl.register.constituency';
const storedChoice = (): string => {
  try {
    const v: unknown = Taro.getStorageSync(CHOSEN_KEY);
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
};

const LABELS: Record<string, Label> = {
  constituencyId: { missing: '请先选择选区' },
  rows: {
    missing: '请先粘贴名册内容：每行 姓名,身份证号,手机号',
    invalid: (rule) => `一次最多粘贴 ${rule.maxItems} 行，请分批导入`,
  },
  'file.contentBase64': { missing: '文件是空的', invalid: '文件太大（超过约 3MB），请分成几个文件导入' },
};
const STATUS_LABEL: Record<string, string> = {
  added: '新增',
  updated: '更新',
  unchanged: '未变',
  rejected: '未导入',
};

type Source =
  { kind: 'file'; name: string; contentBase64: string } | { kind: 'rows'; count: number; text: string };

export default function Register() {
  const regions = useRegions();
  const [chosenId, setChosenId] = useState(storedChoice);
  const index = regions.constituencies.findIndex((c) => c.id === chosenId);
  const chosen = index >= 0 ? regions.constituencies[index] : undefined;
  const [paste, setPaste] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // The report of the last import, and what it was of: a new import replaces it (even when it fails).
  const [report, setReport] = useState<(ImportReport & { what: string }) | null>(null);
  const [q, setQ] = useState('');

  useEffect(() => {
    if (chosenId) Taro.setStorageSync(CHOSEN_KEY, chosenId);
  }, [chosenId]);

  const list = usePaged(
    (cursor) =>
      call('account', 'register', { constituencyId: chosen?.id ?? '', ...(q ? { q } : {}), cursor }),
    `register:${chosen?.id ?? ''}:${q}`,
    Boolean(chosen),
  );
  // What an import button waits for (said under it while it is greyed out).
  const missing = !chosen && regions.status === 'ready' ? '请先选择选区' : null;

  const runImport = async (source: Source) => {
    if (!chosen) {
      setError('请先选择选区');
      return;
    }
    const what = source.kind === 'file' ? `文件“${source.name}”` : `${source.count} 行名册`;
    const ok = await Taro.showModal({
      title: '确认导入',
      content: `将把${what}导入“${chosen.label}”的选民名册。身份证号相同的条目会被更新。确定导入吗？`,
      confirmText: '导入',
    });
    if (!ok.confirm) return;
    setBusy(true);
    setError('');
    setReport(null);
    try {
      const res = await call('account', 'importRegister', {
        constituencyId: chosen.id,
        ...(source.kind === 'file'
          ? { file: { name: source.name, contentBase64: source.contentBase64 } }
          : { rows: parsePastedRegister(source.text) }),
      });
      setReport({ ...res, what: `${what} → ${chosen.label}` });
      if (source.kind === 'rows') setPaste('');
      void list.reload(true);
    } catch (e) {
      const err = toApiError(e);
      const fieldMsg = Object.values(err.fields)[0];
      setError(fieldMsg ? `${err.message}：${fieldMsg}` : err.message);
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async () => {
    setError('');
    setReport(null);
    try {
      const f = await pickRegisterFile();
      if (!f) return;
      const file = { name: f.name, contentBase64: f.contentBase64 };
      const problems = checkInput('account', 'importRegister', { constituencyId: chosen?.id, file }, LABELS);
      const problem = problems['file.name'] ?? problems['file.contentBase64'] ?? problems.constituencyId;
      if (problem) {
        setError(problem);
        return;
      }
      await runImport({ kind: 'file', name: f.name, contentBase64: f.contentBase64 });
    } catch (e) {
      setError(e instanceof Error ? e.message : '读取文件失败');
    }
  };

  const importPaste = () => {
    setReport(null);
    const rows = parsePastedRegister(paste);
    const problems = checkInput('account', 'importRegister', { constituencyId: chosen?.id, rows }, LABELS);
    const problem = problems.rows ?? problems.constituencyId;
    if (problem) {
      setError(problem);
      return;
    }
    void runImport({ kind: 'rows', count: rows.length, text: paste });
  };

  return (
    <PageShell className="register-page" demoBanner>
      <Text className="h1">选民名册</Text>
      <Loadable status={regions.status} error={regions.error} onRetry={() => void regions.reload()}>
        <Field label="选区">
          <Picker
            mode="selector"
            range={regions.constituencies.map((c) => c.label)}
            value={Math.max(0, index)}
            onChange={(e) => {
              setChosenId(regions.constituencies[Number(e.detail.value)]?.id ?? '');
              setReport(null);
            }}
          >
            <View className="picker-box register-constituency">
              <Text>{chosen ? chosen.label : '请选择选区'}</Text>
              <Text className="chevron">选择 ›</Text>
            </View>
          </Picker>
        </Field>
      </Loadable>

      <View className="section">
        <Text className="h2" style={{ marginTop: 0 }}>
          导入名册
        </Text>
        <Text className="muted" style={{ display: 'block' }}>
          表头行包含：姓名、身份证号、手机号（可选）。支持 .xlsx 和 .csv（UTF-8 或 GBK 编码均可），每次最多
          5000 行。结果中的“第几行”即文件中的行号。
        </Text>
        <Button
          className="btn btn--block register-file"
          disabled={busy || !chosen}
          missing={missing}
          onClick={() => void chooseFile()}
        >
          {process.env.TARO_ENV === 'weapp' ? '从微信聊天选择文件' : '选择文件'}
        </Button>
        <Text className="label" style={{ marginTop: '24px' }}>
          或粘贴名册内容
        </Text>
        <Textarea
          className="textarea register-paste"
          value={paste}
          maxlength={-1}
          placeholder={'姓名,身份证号,手机号\n张三,110101199001011234,13800000000'}
          onInput={(e) => setPaste(e.detail.value)}
        />
        <Button
          className="btn btn--ghost btn--block register-import"
          disabled={busy || !chosen}
          missing={missing}
          onClick={importPaste}
        >
          {busy ? '正在导入…' : '导入粘贴的内容'}
        </Button>
        {error ? <Text className="error-text">{error}</Text> : null}
      </View>

      {report ? (
        <View className="section import-report">
          <Text className="h2" style={{ marginTop: 0 }}>
            导入结果
          </Text>
          <Text className="muted import-report-what" style={{ display: 'block' }}>
            {report.what}
          </Text>
          <Text className="text" style={{ display: 'block' }}>
            新增 {report.added} · 更新 {report.updated} · 未变 {report.unchanged} · 未导入 {report.rejected}
          </Text>
          {report.rows
            .filter((r) => r.status === 'rejected')
            .concat(report.rows.filter((r) => r.status !== 'rejected'))
            .slice(0, 200)
            .map((r) => (
              <View key={r.row} className={`table-row${r.status === 'rejected' ? ' table-row--bad' : ''}`}>
                <Text>第 {r.row} 行</Text>
                <Text>{STATUS_LABEL[r.status] ?? r.status}</Text>
                {r.name || r.nameMasked ? (
                  <Text className="import-row-name">{r.name ?? r.nameMasked}</Text>
                ) : null}
                {r.idMasked ? <Text>{r.idMasked}</Text> : null}
                {r.reason ? <Text>原因：{r.reason}</Text> : null}
              </View>
            ))}
          {report.rows.length > 200 ? <Text className="muted">仅显示前 200 行</Text> : null}
        </View>
      ) : null}

      {chosen ? (
        <View>
          <Text className="h2">名册（{chosen.label}）</Text>
          <NameSearch className="register-search" onSearch={setQ} />
          <PagedList
            list={list}
            emptyText={q ? notFound(q) : '这个选区还没有导入名册'}
            row={(e) => (
              <View key={e.entryId} className="table-row">
                <Text className="grow">{e.name}</Text>
                <Text>{e.idMasked}</Text>
                {e.phoneMasked ? <Text>{e.phoneMasked}</Text> : null}
                <Text className={`tag ${e.bound ? 'tag--verified' : 'tag--read'}`}>
                  {e.bound ? '已认证' : '未认证'}
                </Text>
              </View>
            )}
          />
        </View>
      ) : null}
    </PageShell>
  );
}
