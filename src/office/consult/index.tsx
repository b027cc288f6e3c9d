import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { dateTime } from '../../../cloudfunctions/core/time';
import { articleLabel, OUTCOME_LABEL, PHASE_LABEL } from '../../../cloudfunctions/modules/consult/constants';
import { call } from '../../api';
import { Button } from '../../components/Button';
import { Chip, FormError } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { PagedList } from '../../components/PagedList';
import { usePaged } from '../../hooks/usePaged';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { useParam } from '../../utils/nav';
import { barsOf, Chart, pieOf } from '../components/Chart';
import { CommentRow } from './CommentRow';

type Outcome = keyof typeof OUTCOME_LABEL;
const OUTCOMES = Object.keys(OUTCOME_LABEL) as Outcome[];

/** One consultation for the office: results with charts, comments, close, adoption feedback, export. */
export default function OfficeConsult() {
  const id = useParam('consultationId');
  const c = useResource(() => call('consult', 'get', { consultationId: id }), `oc:${id}`, !!id);
  const r = useResource(() => call('consult', 'results', { consultationId: id }), `ocr:${id}`, !!id);
  const [articleId, setArticleId] = useState('');
  /** Only the held comments not reviewed yet (待审核). */
  const [waitingOnly, setWaitingOnly] = useState(false);
  const comments = usePaged(
    (cursor) =>
      call('consult', 'comments', {
        consultationId: id,
        articleId: articleId || undefined,
        waiting: waitingOnly || undefined,
        cursor,
      }),
    `occ:${id}:${articleId}:${waitingOnly}`,
    !!id,
  );
  const [items, setItems] = useState<Record<string, { outcome?: Outcome; reason: string }>>({});
  const [exported, setExported] = useState<{ url: string; fileName: string } | null>(null);
  const submit = useSubmit();
  const d = c.data;
  const res = r.data;
  const closed = d?.phase === 'closed';

  const charts = useMemo(() => {
    if (!res) return null;
    return {
      roles: pieOf([
        { label: '选民', count: res.byRole.voter },
        { label: '代表', count: res.byRole.deputy },
      ]),
      townships: barsOf(res.byTownship.map((t) => ({ label: t.name, count: t.count }))),
      questions: res.questions.map((q) => barsOf(q.options.map((o) => ({ label: o.label, count: o.count })))),
    };
  }, [res]);

  const reload = async () => {
    await Promise.all([c.reload(true), r.reload(true), comments.reload(true)]);
  };

  const close = async () => {
    const ok = await Taro.showModal({
      title: '结束征询',
      content: '结束后不能再提交或修改意见。确定结束吗？',
      confirmText: '结束',
    });
    if (!ok.confirm) return;
    await submit.run(async () => {
      await call('consult', 'close', { consultationId: id });
      await reload();
    });
  };

  const feedbackOf = (articleIdOf: string) => {
    const saved = d?.feedback.find((f) => f.articleId === articleIdOf);
    return items[articleIdOf] ?? { outcome: saved?.outcome, reason: saved?.reason ?? '' };
  };

  const saveFeedback = async () => {
    if (!d) return false;
    const list = d.articles.flatMap((a) => {
      const f = feedbackOf(a.articleId);
      return f.outcome ? [{ articleId: a.articleId, outcome: f.outcome, reason: f.reason.trim() }] : [];
    });
    const problems: Record<string, string> = {};
    list.forEach((x) => {
      if (x.reason.length < 2) problems[`fb:${x.articleId}`] = '请说明理由';
    });
    if (!list.length) problems._ = '请至少为一条选择采纳情况';
    if (!submit.check(problems)) return false;
    let ok = false;
    await submit.run(async () => {
      const saved = await call('consult', 'feedback', { consultationId: id, items: list });
      c.setData((prev) => (prev ? { ...prev, feedback: saved.feedback } : prev));
      setItems({});
      ok = true;
    });
    return ok;
  };

  const publishFeedback = async () => {
    const ok = await Taro.showModal({
      title: '公布采纳情况',
      content: '公布后每位参与者都会收到通知，内容不能再修改。确定公布吗？',
      confirmText: '公布',
    });
    if (!ok.confirm) return;
    if (!(await saveFeedback())) return;
    await submit.run(async () => {
      await call('consult', 'publishFeedback', { consultationId: id });
      await reload();
      void Taro.showToast({ title: '已公布', icon: 'success' });
    });
  };

  const exportFile = async () => {
    await submit.run(async () => {
      const out = await call('consult', 'export', { consultationId: id });
      setExported(out);
      if (process.env.TARO_ENV === 'weapp') {
        const file = await Taro.downloadFile({ url: out.url });
        await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
      }
    });
  };

  return (
    <PageShell className="office-consult" demoBanner>
      <Loadable status={c.status} error={c.error} onRetry={() => void c.reload()}>
        {d ? (
          <View>
            <Text className="h1 oc-title">{d.title}</Text>
            <Text className="muted oc-phase" style={{ display: 'block' }}>
              {PHASE_LABEL[d.phase]} · {d.audience.label} · 截止 {dateTime(d.closesAt)}
            </Text>
            {d.phase === 'open' || d.phase === 'upcoming' ? (
              <Button
                className="btn btn--plain oc-close"
                disabled={submit.saving}
                onClick={() => void close()}
              >
                结束征询
              </Button>
            ) : null}

            <Text className="h2">参与情况</Text>
            <Loadable status={r.status} error={r.error} onRetry={() => void r.reload()}>
              {res && charts ? (
                <View>
                  <Text className="text oc-responses" style={{ display: 'block' }}>
                    共 {res.responses} 人参与：选民 {res.byRole.voter}，代表 {res.byRole.deputy}
                    {res.unplaced ? `（未实名 ${res.unplaced}）` : ''}
                    {res.held ? ` · 待审核意见 ${res.held} 条` : ''}
                  </Text>
                  {res.responses ? <Chart option={charts.roles} height={220} /> : null}
                  {res.byTownship.length ? (
                    <View>
                      <Text className="label">按乡镇</Text>
                      <Chart option={charts.townships} height={40 + 36 * res.byTownship.length} />
                    </View>
                  ) : null}
                  {res.questions.map((q, i) => (
                    <View key={q.questionId} className="section oc-question">
                      <Text className="text" style={{ display: 'block', fontWeight: 600 }}>
                        {q.title}（{q.answered} 人回答{q.average !== null ? `，平均 ${q.average} 分` : ''}）
                      </Text>
                      {q.options.map((o) => (
                        <Text key={o.label} className="muted oc-option" style={{ display: 'block' }}>
                          {o.label}：{o.count}（{Math.round(o.share * 100)}%）
                        </Text>
                      ))}
                      {q.options.length && q.answered ? (
                        <Chart option={charts.questions[i]} height={40 + 36 * q.options.length} />
                      ) : null}
                    </View>
                  ))}
                </View>
              ) : null}
            </Loadable>

            <Text className="h2">意见</Text>
            <View className="chips">
              <Chip
                on={!articleId && !waitingOnly}
                onClick={() => {
                  setArticleId('');
                  setWaitingOnly(false);
                }}
              >
                全部
              </Chip>
              {res?.held ? (
                <Chip
                  on={waitingOnly}
                  onClick={() => {
                    setArticleId('');
                    setWaitingOnly(true);
                  }}
                >
                  待审核（{res.held}）
                </Chip>
              ) : null}
              {d.articles.map((a) => (
                <Chip
                  key={a.articleId}
                  on={articleId === a.articleId}
                  onClick={() => {
                    setArticleId(a.articleId);
                    setWaitingOnly(false);
                  }}
                >
                  {articleLabel(a.number)}（
                  {res?.articles.find((x) => x.articleId === a.articleId)?.comments ?? 0}）
                </Chip>
              ))}
            </View>
            <PagedList
              list={comments}
              emptyText={waitingOnly ? '没有待审核的意见' : '还没有意见'}
              row={(x) => {
                const a = d.articles.find((y) => y.articleId === x.articleId);
                const q = d.questions.find((y) => y.questionId === x.questionId);
                return (
                  <CommentRow
                    key={x.commentId}
                    comment={x}
                    where={a ? articleLabel(a.number) : (q?.title ?? '')}
                    onReviewed={(saved) => {
                      comments.setItems((list) =>
                        waitingOnly
                          ? list.filter((y) => y.commentId !== saved.commentId)
                          : list.map((y) => (y.commentId === saved.commentId ? saved : y)),
                      );
                      void r.reload(true);
                    }}
                  />
                );
              }}
            />

            {closed || d.phase === 'feedback' ? (
              <View>
                <Text className="h2">采纳情况</Text>
                {d.articles.map((a) => {
                  const f = feedbackOf(a.articleId);
                  const locked = d.phase === 'feedback';
                  return (
                    <View key={a.articleId} className="section oc-feedback">
                      <Text className="text" style={{ display: 'block', fontWeight: 600 }}>
                        {articleLabel(a.number)} {a.text.slice(0, 40)}
                        {a.text.length > 40 ? '…' : ''}
                      </Text>
                      <View className="chips">
                        {OUTCOMES.map((o) => (
                          <Chip
                            key={o}
                            className="oc-outcome"
                            on={f.outcome === o}
                            onClick={() =>
                              !locked && setItems((s) => ({ ...s, [a.articleId]: { ...f, outcome: o } }))
                            }
                          >
                            {OUTCOME_LABEL[o]}
                          </Chip>
                        ))}
                      </View>
                      {locked ? (
                        <Text className="text">{f.reason}</Text>
                      ) : (
                        <Input
                          className="input oc-reason"
                          value={f.reason}
                          placeholder="理由（参与者会看到）"
                          onInput={(e) =>
                            setItems((s) => ({ ...s, [a.articleId]: { ...f, reason: e.detail.value } }))
                          }
                        />
                      )}
                      {submit.fields[`fb:${a.articleId}`] ? (
                        <Text className="field-error">{submit.fields[`fb:${a.articleId}`]}</Text>
                      ) : null}
                    </View>
                  );
                })}
                {d.phase === 'closed' ? (
                  <View className="btn-row">
                    <Button
                      className="btn btn--plain oc-save-feedback"
                      disabled={submit.saving}
                      onClick={() => void saveFeedback()}
                    >
                      保存
                    </Button>
                    <Button
                      className="btn oc-publish-feedback"
                      disabled={submit.saving}
                      onClick={() => void publishFeedback()}
                    >
                      公布采纳情况
                    </Button>
                  </View>
                ) : (
                  <Text className="muted oc-feedback-published">
                    采纳情况已于 {dateTime(d.feedbackPublishedAt)} 公布，并已通知每位参与者。
                  </Text>
                )}
              </View>
            ) : null}

            <Text className="h2">导出</Text>
            <Text className="muted" style={{ display: 'block' }}>
              导出的表格含参与者姓名，仅供人大工作使用，请妥善保管。
            </Text>
            <Button
              className="btn btn--plain oc-export"
              disabled={submit.saving}
              onClick={() => void exportFile()}
            >
              导出 Excel
            </Button>
            {exported && process.env.TARO_ENV !== 'weapp' ? (
              <Text
                className="link oc-export-link"
                onClick={() => window.open(exported.url, '_blank', 'noopener')}
              >
                下载 {exported.fileName}
              </Text>
            ) : null}
            <FormError submit={submit} />
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
