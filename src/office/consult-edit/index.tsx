import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { addDays, chinaDate, chinaInstant, dateLabel } from '../../../cloudfunctions/core/time';
import {
  articleLabel,
  AUDIENCE_LABEL,
  DRAFT_TEXT_MAX,
  QUESTION_KIND_LABEL,
} from '../../../cloudfunctions/modules/consult/constants';
import { call, type ActionOutputOf } from '../../api';
import { Button } from '../../components/Button';
import { Chip, Counter, Field, FormError } from '../../components/Form';
import { PageShell } from '../../components/PageShell';
import { useSubmit } from '../../hooks/useSubmit';
import { useParam } from '../../utils/nav';

type Saved = ActionOutputOf<'consult', 'create'>;
type Kind = keyof typeof QUESTION_KIND_LABEL;
interface QuestionForm {
  kind: Kind;
  title: string;
  options: string;
  required: boolean;
}
interface ArticleForm {
  number: string;
  chapter: string;
  title: string;
  text: string;
}

const KINDS = Object.keys(QUESTION_KIND_LABEL) as Kind[];
const AUDIENCES = Object.keys(AUDIENCE_LABEL) as (keyof typeof AUDIENCE_LABEL)[];

const toArticleForms = (s: Saved): ArticleForm[] =>
  s.articles.map((a) => ({
    number: String(a.number),
    chapter: a.chapter ?? '',
    title: a.title ?? '',
    text: a.text,
  }));

/** Writing a consultation: paste the draft (split at 第X条 / 第X章), adjust the articles, questions, audience, times; publish. */
export default function ConsultEdit() {
  const paramId = useParam('consultationId');
  const [id, setId] = useState(paramId);
  const [title, setTitle] = useState('');
  const [background, setBackground] = useState('');
  const [text, setText] = useState('');
  const [questions, setQuestions] = useState<QuestionForm[]>([]);
  const [audience, setAudience] = useState<keyof typeof AUDIENCE_LABEL>('verified');
  const today = chinaDate();
  const [opens, setOpens] = useState(today);
  const [closes, setCloses] = useState(addDays(today, 14));
  const [articles, setArticles] = useState<ArticleForm[]>([]);
  const submit = useSubmit();
  const { fields } = submit;

  const apply = (s: Saved) => {
    setId(s.consultationId);
    setTitle(s.title);
    setBackground(s.background);
    setArticles(toArticleForms(s));
    setQuestions(
      s.questions.map((q) => ({
        kind: q.kind,
        title: q.title,
        options: q.options.join('\n'),
        required: q.required,
      })),
    );
    setAudience(s.audience.kind);
    setOpens(chinaDate(s.opensAt));
    setCloses(chinaDate(s.closesAt));
  };

  useEffect(() => {
    if (!paramId) return;
    call('consult', 'get', { consultationId: paramId })
      .then((c) => apply({ ...c, preamble: '' }))
      .catch((e) => submit.setError((e as Error).message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paramId]);

  const common = () => ({
    title: title.trim(),
    background: background.trim(),
    questions: questions.map((q) => ({
      kind: q.kind,
      title: q.title.trim(),
      options:
        q.kind === 'single' || q.kind === 'multiple'
          ? q.options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
      required: q.required,
    })),
    audience: { kind: audience },
    // Today: open at once; another day: at 08:00 China time.
    opensAt: opens === today ? new Date().toISOString() : chinaInstant(opens, '08:00'),
    closesAt: chinaInstant(closes, '18:00'),
  });

  /** Splits the pasted text into articles (saving the draft). */
  const split = async () => {
    const problems: Record<string, string> = {};
    if (title.trim().length < 2) problems.title = '请填写标题';
    if (!text.trim()) problems.text = '请粘贴征询稿全文';
    if (text.length > DRAFT_TEXT_MAX) problems.text = `全文不超过 ${DRAFT_TEXT_MAX} 字`;
    if (closes <= opens) problems.closesAt = '截止日期应晚于开始日期';
    if (!submit.check(problems)) return;
    await submit.run(async () => {
      const body = { ...common(), text: text.trim() };
      const saved = id
        ? await call('consult', 'update', { consultationId: id, ...body })
        : await call('consult', 'create', body, { requestId: submit.requestId });
      apply(saved);
      setText('');
      void Taro.showToast({ title: `识别出 ${saved.articles.length} 条`, icon: 'success' });
    });
  };

  /** Saves the adjusted articles and the rest of the form. */
  const save = async () => {
    const problems: Record<string, string> = {};
    articles.forEach((a, i) => {
      if (!/^\d{1,3}$/.test(a.number) || Number(a.number) < 1)
        problems[`articles.${i}.number`] = '条号应为 1–999';
      if (!a.text.trim()) problems[`articles.${i}.text`] = '条文不能为空';
    });
    if (!articles.length) problems.text = '至少要有一条';
    if (!submit.check(problems)) return false;
    let ok = false;
    await submit.run(async () => {
      const saved = await call('consult', 'update', {
        consultationId: id,
        ...common(),
        articles: articles.map((a) => ({
          number: Number(a.number),
          chapter: a.chapter.trim() || null,
          title: a.title.trim() || null,
          text: a.text.trim(),
        })),
      });
      apply(saved);
      ok = true;
    });
    return ok;
  };

  const publish = async () => {
    const res = await Taro.showModal({
      title: '发布征询',
      content: '发布后内容不能再修改（如需更正，要发布新版本）。确定发布吗？',
      confirmText: '发布',
    });
    if (!res.confirm) return;
    if (!(await save())) return;
    await submit.run(async () => {
      await call('consult', 'publish', { consultationId: id });
      void Taro.redirectTo({ url: `/office/consult/index?consultationId=${id}` });
    });
  };

  const setArticle = (i: number, patch: Partial<ArticleForm>) =>
    setArticles((xs) => xs.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const setQuestion = (i: number, patch: Partial<QuestionForm>) =>
    setQuestions((xs) => xs.map((q, j) => (j === i ? { ...q, ...patch } : q)));

  return (
    <PageShell className="consult-edit" demoBanner>
      <Text className="h1">{id ? '编辑征询稿（草稿）' : '新建征询'}</Text>
      <Field label="标题" error={fields.title}>
        <Input
          className="input consult-edit-title"
          value={title}
          placeholder="例如：某某条例（草案）"
          onInput={(e) => setTitle(e.detail.value)}
        />
      </Field>
      <Field label="背景说明（可不填）" error={fields.background}>
        <Textarea
          className="textarea textarea--short consult-edit-background"
          value={background}
          maxlength={-1}
          onInput={(e) => setBackground(e.detail.value)}
        />
      </Field>
      <Field label={articles.length ? '重新粘贴全文（会替换下面的条文）' : '征询稿全文'} error={fields.text}>
        <Textarea
          className="textarea consult-edit-text"
          value={text}
          maxlength={-1}
          placeholder="把草案全文粘贴在这里：按“第X条”分条，“第X章”分章"
          onInput={(e) => setText(e.detail.value)}
        />
        <Counter text={text} max={DRAFT_TEXT_MAX} />
      </Field>

      <Text className="h2">征询对象</Text>
      <View className="chips">
        {AUDIENCES.map((k) => (
          <Chip key={k} className="consult-edit-audience" on={audience === k} onClick={() => setAudience(k)}>
            {AUDIENCE_LABEL[k]}
          </Chip>
        ))}
      </View>
      <View className="row">
        <Picker mode="date" value={opens} onChange={(e) => setOpens(String(e.detail.value))}>
          <View className="picker-box">
            <Text>开始 {opens === today ? '发布后立即开始' : `${dateLabel(opens)} 08:00`}</Text>
          </View>
        </Picker>
        <Picker mode="date" value={closes} onChange={(e) => setCloses(String(e.detail.value))}>
          <View className="picker-box">
            <Text>截止 {dateLabel(closes)} 18:00</Text>
          </View>
        </Picker>
      </View>
      {fields.closesAt ? <Text className="field-error">{fields.closesAt}</Text> : null}

      <Text className="h2">问卷（可不设）</Text>
      {questions.map((q, i) => (
        <View key={i} className="section consult-edit-question">
          <View className="chips">
            {KINDS.map((k) => (
              <Chip key={k} on={q.kind === k} onClick={() => setQuestion(i, { kind: k })}>
                {QUESTION_KIND_LABEL[k]}
              </Chip>
            ))}
          </View>
          <Field error={fields[`questions.${i}.title`]}>
            <Input
              className="input consult-edit-question-title"
              value={q.title}
              placeholder="问题"
              onInput={(e) => setQuestion(i, { title: e.detail.value })}
            />
          </Field>
          {q.kind === 'single' || q.kind === 'multiple' ? (
            <Field label="选项（每行一个）" error={fields[`questions.${i}.options`]}>
              <Textarea
                className="textarea textarea--short consult-edit-options"
                value={q.options}
                maxlength={-1}
                onInput={(e) => setQuestion(i, { options: e.detail.value })}
              />
            </Field>
          ) : null}
          <View className="chips">
            <Chip on={q.required} onClick={() => setQuestion(i, { required: !q.required })}>
              必答
            </Chip>
            <Chip on={false} onClick={() => setQuestions((xs) => xs.filter((_, j) => j !== i))}>
              删除这个问题
            </Chip>
          </View>
        </View>
      ))}
      <Button
        className="btn btn--plain consult-edit-add-question"
        onClick={() =>
          setQuestions((xs) => [...xs, { kind: 'single', title: '', options: '', required: false }])
        }
      >
        ＋ 添加问题
      </Button>

      <View className="btn-row">
        <Button className="btn consult-edit-split" disabled={submit.saving} onClick={() => void split()}>
          {submit.saving ? '正在保存…' : id && !text ? '保存草稿' : '识别条文并保存草稿'}
        </Button>
      </View>

      {articles.length ? (
        <View>
          <Text className="h2">条文（{articles.length} 条，可调整）</Text>
          {articles.map((a, i) => (
            <View key={i} className="list-item consult-edit-article">
              <View className="row">
                <Text className="text">
                  {/^\d+$/.test(a.number) ? articleLabel(Number(a.number)) : '第?条'}
                </Text>
                <Input
                  className="input"
                  style={{ width: '120px' }}
                  type="number"
                  value={a.number}
                  onInput={(e) => setArticle(i, { number: e.detail.value })}
                />
              </View>
              {fields[`articles.${i}.number`] ? (
                <Text className="field-error">{fields[`articles.${i}.number`]}</Text>
              ) : null}
              <Input
                className="input"
                value={a.chapter}
                placeholder="所在章（可不填）"
                onInput={(e) => setArticle(i, { chapter: e.detail.value })}
              />
              <Input
                className="input"
                value={a.title}
                placeholder="条旨（可不填）"
                onInput={(e) => setArticle(i, { title: e.detail.value })}
              />
              <Textarea
                className="textarea textarea--short consult-edit-article-text"
                value={a.text}
                maxlength={-1}
                onInput={(e) => setArticle(i, { text: e.detail.value })}
              />
              {fields[`articles.${i}.text`] ? (
                <Text className="field-error">{fields[`articles.${i}.text`]}</Text>
              ) : null}
              <Text className="link" onClick={() => setArticles((xs) => xs.filter((_, j) => j !== i))}>
                删除这一条
              </Text>
            </View>
          ))}
          <Button
            className="btn btn--plain"
            onClick={() =>
              setArticles((xs) => [
                ...xs,
                {
                  number: String(xs.length + 1),
                  chapter: xs[xs.length - 1]?.chapter ?? '',
                  title: '',
                  text: '',
                },
              ])
            }
          >
            ＋ 添加一条
          </Button>
          <View className="btn-row">
            <Button
              className="btn btn--plain consult-edit-save"
              disabled={submit.saving}
              onClick={() => void save()}
            >
              保存条文
            </Button>
            <Button
              className="btn consult-edit-publish"
              disabled={submit.saving}
              onClick={() => void publish()}
            >
              发布征询
            </Button>
          </View>
        </View>
      ) : null}
      <FormError submit={submit} className="consult-edit-error" />
    </PageShell>
  );
}
