import { Switch, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { dateTime } from '../../../cloudfunctions/core/time';
import {
  articleLabel,
  COMMENT_MAX,
  OUTCOME_LABEL,
  PHASE_LABEL,
  SCALE_MAX,
  SCALE_MIN,
} from '../../../cloudfunctions/modules/consult/constants';
import { call, isSignedIn, newRequestId, toApiError, type ActionOutputOf } from '../../api';
import { Button } from '../../components/Button';
import { Chip, Counter } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { useReloadOnShow } from '../../hooks/useLoad';
import { useResource } from '../../hooks/useResource';
import { go, useParam } from '../../utils/nav';
import { readJson, remove, writeJson } from '../../utils/storage';

type Consultation = ActionOutputOf<'consult', 'get'>;
type Answer = { choice?: number; choices?: number[]; scale?: number; text?: string };

/** What the phone keeps until the response is sent (weak signal): answers, comments, the request id. */
interface Draft {
  answers: Record<string, Answer>;
  comments: Record<string, string>;
  anonymous: boolean;
  requestId: string;
}

const ERRORS: Record<string, string> = {
  CLOSED: '征询已结束或尚未开始，不能提交。',
  FORBIDDEN: '您不在本次征询的对象范围内。本地选民请先在“我的”完成实名认证。',
  CONTENT_REJECTED: '有的意见没有通过内容安全检查，请修改标红的地方后再提交。',
  UNAUTHENTICATED: '请先登录后再提交意见。',
};

/** The draft as the server last had it (to edit), when the phone keeps none. */
function fromMine(c: Consultation): Draft {
  const answers: Record<string, Answer> = {};
  for (const a of c.mine?.answers ?? []) {
    const { questionId, held: _held, ...rest } = a;
    answers[questionId] = rest;
  }
  const comments: Record<string, string> = {};
  for (const x of c.mine?.comments ?? []) comments[x.articleId] = x.text;
  return { answers, comments, anonymous: c.mine?.anonymous ?? false, requestId: newRequestId() };
}

export default function ConsultAnswer() {
  const id = useParam('consultationId');
  const key = `dl.draft.consult.${id}`;
  const c = useResource(() => call('consult', 'get', { consultationId: id }), `consult:${id}`, !!id);
  useReloadOnShow(c.reload);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ text: string; fields: Record<string, string> } | null>(null);
  const [done, setDone] = useState(false);
  const data = c.data;

  // The phone's draft first; else what was sent before; else empty.
  useEffect(() => {
    if (!data || draft) return;
    const saved = readJson<Draft>(key);
    setDraft(saved && typeof saved.requestId === 'string' ? saved : fromMine(data));
  }, [data, draft, key]);

  const update = (patch: (d: Draft) => Draft) => {
    setDraft((d) => {
      if (!d) return d;
      const next = patch(d);
      writeJson(key, next);
      return next;
    });
    setError(null);
    setDone(false);
  };
  const setAnswer = (questionId: string, a: Answer) =>
    update((d) => ({ ...d, answers: { ...d.answers, [questionId]: a } }));

  const submit = async () => {
    if (!data || !draft || sending) return;
    const answers = data.questions.flatMap((q): (Answer & { questionId: string })[] => {
      const a = draft.answers[q.questionId];
      if (!a) return [];
      if (q.kind === 'text') return a.text?.trim() ? [{ questionId: q.questionId, text: a.text.trim() }] : [];
      if (q.kind === 'multiple')
        return a.choices?.length ? [{ questionId: q.questionId, choices: a.choices }] : [];
      if (q.kind === 'scale') return a.scale ? [{ questionId: q.questionId, scale: a.scale }] : [];
      return a.choice !== undefined ? [{ questionId: q.questionId, choice: a.choice }] : [];
    });
    const comments = data.articles.flatMap((a) => {
      const text = (draft.comments[a.articleId] ?? '').trim();
      return text ? [{ articleId: a.articleId, text }] : [];
    });
    const fields: Record<string, string> = {};
    data.questions.forEach((q) => {
      if (q.required && !answers.some((x) => x.questionId === q.questionId))
        fields[`q:${q.questionId}`] = '这一题必须回答';
    });
    comments.forEach((x) => {
      if (x.text.length > COMMENT_MAX) fields[`a:${x.articleId}`] = `每条意见不超过 ${COMMENT_MAX} 字`;
    });
    if (!answers.length && !comments.length) fields._ = '请至少回答一个问题或对一条提出意见';
    if (Object.keys(fields).length) {
      setError({ text: Object.values(fields)[0], fields });
      return;
    }
    const ok = await Taro.showModal({
      title: data.mine ? '提交修改' : '提交意见',
      content: '提交后在截止前仍可以修改。确定提交吗？',
      confirmText: '提交',
    });
    if (!ok.confirm) return;
    setSending(true);
    try {
      await call(
        'consult',
        'respond',
        { consultationId: id, answers, comments, anonymous: draft.anonymous },
        { requestId: draft.requestId },
      );
      remove(key);
      setDraft(null);
      setDone(true);
      setError(null);
      await c.reload(true);
    } catch (e) {
      const err = toApiError(e);
      // Server fields name answers.N / comments.N: show them where the user is looking.
      const mapped: Record<string, string> = {};
      for (const [k, v] of Object.entries(err.fields)) {
        const m = /^(answers|comments)\.(\d+)/.exec(k);
        if (m?.[1] === 'comments' && comments[Number(m[2])])
          mapped[`a:${comments[Number(m[2])].articleId}`] = v;
        else if (m?.[1] === 'answers' && answers[Number(m[2])])
          mapped[`q:${answers[Number(m[2])].questionId}`] = v;
      }
      const text =
        err.code === 'NETWORK'
          ? `${err.message}。填写的内容已保存在手机上，可稍后再点提交。`
          : ERRORS[err.code] || err.message;
      setError({ text, fields: mapped });
    } finally {
      setSending(false);
    }
  };

  const feedbackOf = new Map((data?.feedback ?? []).map((f) => [f.articleId, f]));
  const mineOf = new Map((data?.mine?.comments ?? []).map((x) => [x.articleId, x]));
  const editable = !!data?.canRespond;

  return (
    <PageShell className="consult-answer" demoBanner>
      <Loadable status={c.status} error={c.error} onRetry={id ? () => void c.reload() : undefined}>
        {data && draft ? (
          <View>
            <View className="section">
              <Text className="h1 consult-title">{data.title}</Text>
              <Text className="muted consult-meta" style={{ display: 'block' }}>
                {data.scopeName} · {PHASE_LABEL[data.phase]} · 截止 {dateTime(data.closesAt)} · 已有{' '}
                {data.responseCount} 人参与
              </Text>
              <Text className="muted" style={{ display: 'block' }}>
                征询对象：{data.audience.label}
              </Text>
              {data.supersededBy ? (
                <Text
                  className="link consult-newer"
                  onClick={() => go(`/consult/answer/index?consultationId=${data.supersededBy}`)}
                >
                  征询稿已更正，查看新版本 ›
                </Text>
              ) : null}
              {data.background ? (
                <Text className="text consult-background" style={{ display: 'block', marginTop: '12px' }}>
                  {data.background}
                </Text>
              ) : null}
            </View>
            {!editable && data.whyNot ? (
              <View className="section consult-why">
                <Text className="text">{data.whyNot}</Text>
                {data.whyNot.includes('实名认证') ? (
                  <Text className="link" onClick={() => go('/pages/me/index')}>
                    去实名认证 ›
                  </Text>
                ) : null}
                {!isSignedIn() ? (
                  <Text className="link" onClick={() => go('/pages/me/index')}>
                    去登录 ›
                  </Text>
                ) : null}
              </View>
            ) : null}

            <Text className="h2">征询稿</Text>
            {data.articles.map((a, i) => {
              const chapter = a.chapter && a.chapter !== data.articles[i - 1]?.chapter ? a.chapter : null;
              const mine = mineOf.get(a.articleId);
              const fb = feedbackOf.get(a.articleId);
              const text = draft.comments[a.articleId] ?? '';
              const err = error?.fields[`a:${a.articleId}`];
              return (
                <View key={a.articleId}>
                  {chapter ? <Text className="h2 consult-chapter">{chapter}</Text> : null}
                  <View className="list-item consult-article">
                    <Text className="text" style={{ display: 'block' }}>
                      <Text style={{ fontWeight: 600 }}>
                        {articleLabel(a.number)}
                        {a.title ? `【${a.title}】` : ''}
                      </Text>{' '}
                      {a.text}
                    </Text>
                    {fb ? (
                      <Text
                        className={`consult-outcome consult-outcome--${fb.outcome}`}
                        style={{ display: 'block' }}
                      >
                        {OUTCOME_LABEL[fb.outcome]}：{fb.reason}
                      </Text>
                    ) : null}
                    {mine && !editable ? (
                      <View className="my-comment">
                        <Text className="label">
                          我的意见
                          {mine.hidden
                            ? '（经审核未公开，仅您和工作人员可见）'
                            : mine.status === 'held'
                              ? '（待审核，仅您和工作人员可见）'
                              : ''}
                        </Text>
                        <Text className="text my-comment-text" style={{ display: 'block' }}>
                          {mine.text}
                        </Text>
                        {mine.feedback ? (
                          <Text className="my-comment-outcome" style={{ display: 'block', fontWeight: 600 }}>
                            这一条{OUTCOME_LABEL[mine.feedback.outcome]}：{mine.feedback.reason}
                          </Text>
                        ) : null}
                      </View>
                    ) : null}
                    {editable ? (
                      open[a.articleId] || text ? (
                        <View className={err ? 'field field--error' : 'field'}>
                          {mine?.status === 'held' ? (
                            <Text className="muted">
                              {mine.hidden
                                ? '这条意见经审核未公开，仅您和工作人员可见；修改后会重新审核。'
                                : '这条意见正在审核，仅您和工作人员可见。'}
                            </Text>
                          ) : null}
                          <Textarea
                            className="textarea textarea--short article-comment"
                            value={text}
                            maxlength={-1}
                            placeholder="对这一条的意见或建议"
                            onInput={(e) => {
                              const v = e.detail.value;
                              update((d) => ({ ...d, comments: { ...d.comments, [a.articleId]: v } }));
                            }}
                          />
                          <Counter text={text} max={COMMENT_MAX} />
                          {err ? <Text className="field-error">{err}</Text> : null}
                        </View>
                      ) : (
                        <Text
                          className="link article-comment-open"
                          onClick={() => setOpen((o) => ({ ...o, [a.articleId]: true }))}
                        >
                          对这一条提意见 ›
                        </Text>
                      )
                    ) : null}
                  </View>
                </View>
              );
            })}

            {data.questions.length ? <Text className="h2">问卷</Text> : null}
            {data.questions.map((q) => {
              const a = draft.answers[q.questionId] ?? {};
              const err = error?.fields[`q:${q.questionId}`];
              const mine = data.mine?.answers.find((x) => x.questionId === q.questionId);
              return (
                <View key={q.questionId} className={`section consult-question${err ? ' field--error' : ''}`}>
                  <Text className="text" style={{ display: 'block', fontWeight: 600 }}>
                    {q.title}
                    {q.required ? '（必答）' : ''}
                    {q.kind === 'multiple' ? '（可多选）' : ''}
                  </Text>
                  {q.kind === 'single' || q.kind === 'multiple' ? (
                    <View className="chips">
                      {q.options.map((label, i) => {
                        const on = q.kind === 'single' ? a.choice === i : !!a.choices?.includes(i);
                        return (
                          <Chip
                            key={label}
                            className="consult-option"
                            on={on}
                            onClick={() => {
                              if (!editable) return;
                              if (q.kind === 'single') setAnswer(q.questionId, { choice: i });
                              else {
                                const set = new Set(a.choices ?? []);
                                if (set.has(i)) set.delete(i);
                                else set.add(i);
                                setAnswer(q.questionId, { choices: [...set].sort((x, y) => x - y) });
                              }
                            }}
                          >
                            {label}
                          </Chip>
                        );
                      })}
                    </View>
                  ) : null}
                  {q.kind === 'scale' ? (
                    <View className="chips">
                      {Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i).map((n) => (
                        <Chip
                          key={n}
                          className="consult-scale"
                          on={a.scale === n}
                          onClick={() => editable && setAnswer(q.questionId, { scale: n })}
                        >
                          {n} 分
                        </Chip>
                      ))}
                    </View>
                  ) : null}
                  {q.kind === 'text' ? (
                    editable ? (
                      <>
                        <Textarea
                          className="textarea textarea--short question-text"
                          value={a.text ?? ''}
                          maxlength={-1}
                          placeholder="请写下您的看法"
                          onInput={(e) => setAnswer(q.questionId, { text: e.detail.value })}
                        />
                        <Counter text={a.text ?? ''} max={COMMENT_MAX} />
                        {mine?.held ? (
                          <Text className="muted">您的回答正在审核，仅您和工作人员可见。</Text>
                        ) : null}
                      </>
                    ) : (
                      <Text className="text">{mine?.text ?? '（未回答）'}</Text>
                    )
                  ) : null}
                  {err ? <Text className="field-error">{err}</Text> : null}
                </View>
              );
            })}

            {editable ? (
              <View className="section">
                <View className="row row--between">
                  <Text className="text grow">公开展示时匿名（工作人员仍可看到您是谁）</Text>
                  <Switch
                    className="consult-anonymous"
                    checked={draft.anonymous}
                    color="#b3261e"
                    onChange={(e) => update((d) => ({ ...d, anonymous: Boolean(e.detail.value) }))}
                  />
                </View>
                <Text className="muted" style={{ display: 'block' }}>
                  您的意见会公开展示（姓名打码，如 王*明）；代表的意见标明代表身份。
                </Text>
                {error ? <Text className="error-text consult-error">{error.text}</Text> : null}
                {done ? (
                  <Text className="text consult-done" style={{ display: 'block', fontWeight: 600 }}>
                    已提交，谢谢您！截止前可以随时修改。
                  </Text>
                ) : null}
                <Button
                  className="btn btn--block consult-submit"
                  disabled={sending}
                  onClick={() => void submit()}
                >
                  {sending ? '正在提交…' : data.mine ? '提交修改' : '提交意见'}
                </Button>
              </View>
            ) : null}
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
