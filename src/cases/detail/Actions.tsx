import { Checkbox, Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  ANSWER_CATEGORIES,
  RATINGS,
  REASON_MAX,
  ANSWER_MAX,
} from '../../../cloudfunctions/modules/cases/constants';
import type { CaseView } from '../../../cloudfunctions/modules/cases/contract';
import { call, type ActionOutputOf } from '../../api';
import { Button } from '../../components/Button';
import { Chip, Field, FormError, TextBox } from '../../components/Form';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';

type Result = ActionOutputOf<'cases', 'get'>;
type Open =
  | null
  | 'decline'
  | 'answer'
  | 'forward'
  | 'followUp'
  | 'assign'
  | 'return'
  | 'reply'
  | 'rate'
  | 'link'
  | 'publish';

const confirm = async (title: string, content: string, confirmText = '确定') =>
  (await Taro.showModal({ title, content, confirmText })).confirm;

/**
 * The steps the caller may take on the case now (the server's `can`), each with its own small form and a
 * confirmation before anything that cannot be undone. Answers the new state to `onDone`.
 */
export function Actions({ c, onDone }: { c: CaseView; onDone: (r: Result) => void }) {
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');
  const [litigation, setLitigation] = useState(false);
  const [answerCategory, setAnswerCategory] = useState('');
  const [attitude, setAttitude] = useState('');
  const [result, setResult] = useState('');
  const [lead, setLead] = useState('');
  const [assisting, setAssisting] = useState<string[]>([]);
  const [dueDays, setDueDays] = useState('');
  const [toCaseId, setToCaseId] = useState('');
  const submit = useSubmit();
  const units = useResource(() => call('cases', 'units', {}), 'cases.units', c.can.assign);

  const run = async (title: string, content: string, send: () => Promise<Result>, confirmText?: string) => {
    if (!(await confirm(title, content, confirmText))) return;
    await submit.run(async () => {
      const r = await send();
      setOpen(null);
      setText('');
      submit.reset();
      void Taro.showToast({ title: '已完成', icon: 'success' });
      onDone(r);
    });
  };
  const opts = { requestId: submit.requestId };
  const id = c.caseId;
  const toggle = (o: Open) => {
    setOpen((cur) => (cur === o ? null : o));
    submit.reset();
  };

  const buttons: Array<[Open | 'accept' | 'release' | 'hide' | 'support', string, boolean]> = [
    ['accept', c.leadUnit && c.status === 'assigned' ? '接受交办' : '受理', c.can.accept],
    ['decline', '不予受理', c.can.decline && !c.held],
    ['answer', '直接答复', c.can.answer],
    ['forward', '转交人大办', c.can.forward],
    ['followUp', '跟踪督办', c.can.followUp],
    ['release', '复核通过', c.can.release],
    ['hide', '复核不通过', c.can.decline && c.held],
    ['assign', c.status === 'returned' ? '重新交办' : '交办', c.can.assign],
    ['link', '合并到早先的事项', c.can.link],
    ['return', '退回', c.can.return],
    ['reply', '答复', c.can.reply],
    ['rate', '评价', c.can.rate],
    ['publish', '公开', c.can.publish],
    ['support', '我也关注', c.can.support],
  ];
  const shown = buttons.filter(([, , on]) => on);
  if (shown.length === 0) return null;

  const tap = (key: (typeof buttons)[number][0]) => {
    if (key === 'accept')
      return run(
        '确认受理',
        c.leadUnit ? '接受交办后请在期限内答复。' : '受理后请在 7 个工作日内直接答复或转交。',
        () => call('cases', 'accept', { caseId: id }, opts),
        '受理',
      );
    if (key === 'release')
      return run('复核通过', '内容将送交代表受理。', () =>
        call('cases', 'release', { caseId: id, decision: 'release' }, opts),
      );
    if (key === 'hide')
      return run('复核不通过', '该事项将不予受理，并告知提交人。', () =>
        call('cases', 'release', { caseId: id, decision: 'hide' }, opts),
      );
    if (key === 'support')
      return submit.run(async () => {
        await call('cases', 'support', { caseId: id });
        onDone(await call('cases', 'get', { caseId: id }));
      });
    toggle(key);
  };

  const reason = (placeholder: string, max = REASON_MAX) => (
    <Field error={submit.fields.reason || submit.fields.text || submit.fields.note}>
      <TextBox
        className="case-action-text"
        value={text}
        max={max}
        placeholder={placeholder}
        onInput={setText}
        short
      />
    </Field>
  );

  return (
    <View className="section case-actions">
      <Text className="h2" style={{ marginTop: 0 }}>
        办理
      </Text>
      <View className="btn-row">
        {shown.map(([key, label]) => (
          <Button
            key={key}
            className={`btn ${open === key ? '' : 'btn--ghost'} case-action case-action--${key}`}
            disabled={submit.saving}
            onClick={() => void tap(key)}
          >
            {label}
          </Button>
        ))}
      </View>

      {open === 'decline' ? (
        <View className="case-form">
          <View className="row case-litigation" onClick={() => setLitigation((v) => !v)}>
            <Checkbox value="litigation" checked={litigation} ariaLabel="涉法涉诉" />
            <Text className="text grow">涉法涉诉（已进入诉讼、仲裁），引导向信访部门反映</Text>
          </View>
          {reason('请说明不予受理的原因（提交人会看到）')}
          <Button
            className="btn btn--block case-confirm case-confirm--decline"
            onClick={() =>
              void run('确认不予受理', '不予受理后事项即结束，提交人会收到原因。', () =>
                call('cases', 'decline', { caseId: id, ...(text ? { reason: text } : {}), litigation }, opts),
              )
            }
          >
            不予受理
          </Button>
        </View>
      ) : null}

      {open === 'answer' || open === 'followUp' || open === 'forward' || open === 'return' ? (
        <View className="case-form">
          {reason(
            open === 'answer'
              ? '写给提交人的答复：已经做了什么、结果如何'
              : open === 'forward'
                ? '给人大办的说明（可选）'
                : open === 'return'
                  ? '退回的原因（例如不属于本单位职责，建议交给哪个单位）'
                  : '督办的意见（提交人会看到）',
            open === 'answer' ? ANSWER_MAX : REASON_MAX,
          )}
          <Button
            className={`btn btn--block case-confirm case-confirm--${open}`}
            onClick={() =>
              void (open === 'answer'
                ? run('确认答复', '答复后提交人会收到通知并评价。', () =>
                    call('cases', 'answer', { caseId: id, text }, opts),
                  )
                : open === 'forward'
                  ? run('确认转交', '转交后由人大办交给有关单位办理。', () =>
                      call('cases', 'forward', { caseId: id, ...(text ? { note: text } : {}) }, opts),
                    )
                  : open === 'return'
                    ? run('确认退回', '退回后由人大办重新交办。', () =>
                        call('cases', 'return', { caseId: id, reason: text }, opts),
                      )
                    : run('确认督办', '督办意见会记入办理进程。', () =>
                        call('cases', 'followUp', { caseId: id, text }, opts),
                      ))
            }
          >
            {open === 'answer'
              ? '提交答复'
              : open === 'forward'
                ? '转交'
                : open === 'return'
                  ? '退回'
                  : '提交督办'}
          </Button>
        </View>
      ) : null}

      {open === 'reply' ? (
        <View className="case-form">
          <Field label="答复类别" error={submit.fields.answerCategory}>
            <View className="chips">
              {ANSWER_CATEGORIES.map((a) => (
                <Chip
                  key={a}
                  on={answerCategory === a}
                  className="case-answer-category"
                  onClick={() => setAnswerCategory(a)}
                >
                  {a}
                </Chip>
              ))}
            </View>
          </Field>
          {reason('答复内容：办理情况、结果和下一步', ANSWER_MAX)}
          <Button
            className="btn btn--block case-confirm case-confirm--reply"
            missing={answerCategory ? null : '请先选择答复类别'}
            onClick={() =>
              void run('确认答复', '答复后提交人会收到通知并评价，答复不能撤回。', () =>
                call(
                  'cases',
                  'reply',
                  { caseId: id, answerCategory: answerCategory as (typeof ANSWER_CATEGORIES)[number], text },
                  opts,
                ),
              )
            }
          >
            提交答复
          </Button>
        </View>
      ) : null}

      {open === 'rate' ? (
        <View className="case-form">
          {(['attitude', 'result'] as const).map((k) => (
            <Field key={k} label={k === 'attitude' ? '办理态度' : '办理结果'} error={submit.fields[k]}>
              <View className="chips">
                {RATINGS.map((r) => (
                  <Chip
                    key={r}
                    on={(k === 'attitude' ? attitude : result) === r}
                    className={`case-rate-${k}`}
                    onClick={() => (k === 'attitude' ? setAttitude(r) : setResult(r))}
                  >
                    {r}
                  </Chip>
                ))}
              </View>
            </Field>
          ))}
          {result === '不满意' ? (
            <Text className="muted" style={{ display: 'block' }}>
              {c.reopenCount === 0
                ? '选择“不满意”，这件事会退回重新办理一次（1 个月内再次答复）。'
                : '这件事已经重新办理过一次，这次评价后即办结。'}
            </Text>
          ) : null}
          <Button
            className="btn btn--block case-confirm case-confirm--rate"
            missing={attitude && result ? null : '请先选择态度和结果'}
            onClick={() =>
              void run('确认评价', '评价提交后不能修改。', () =>
                call(
                  'cases',
                  'rate',
                  {
                    caseId: id,
                    attitude: attitude as (typeof RATINGS)[number],
                    result: result as (typeof RATINGS)[number],
                  },
                  opts,
                ),
              )
            }
          >
            提交评价
          </Button>
        </View>
      ) : null}

      {open === 'assign' ? (
        <View className="case-form">
          <Field label="主办单位" error={submit.fields.leadUnitId}>
            <Picker
              mode="selector"
              range={(units.data?.items ?? []).map((u) => u.name)}
              onChange={(e) => setLead(units.data?.items[Number(e.detail.value)]?.unitId ?? '')}
            >
              <View className="picker-box case-lead">
                <Text>{units.data?.items.find((u) => u.unitId === lead)?.name ?? '请选择主办单位'}</Text>
                <Text className="chevron">选择 ›</Text>
              </View>
            </Picker>
          </Field>
          <Field label="协办单位（可选）" error={submit.fields.assistingUnitIds}>
            <View className="chips">
              {(units.data?.items ?? [])
                .filter((u) => u.unitId !== lead && u.active)
                .map((u) => (
                  <Chip
                    key={u.unitId}
                    on={assisting.includes(u.unitId)}
                    onClick={() =>
                      setAssisting((l) =>
                        l.includes(u.unitId) ? l.filter((x) => x !== u.unitId) : [...l, u.unitId],
                      )
                    }
                  >
                    {u.name}
                  </Chip>
                ))}
            </View>
          </Field>
          <Field label="答复期限（工作日，可选；默认 3 个月）" error={submit.fields.dueWorkingDays}>
            <Input
              className="input case-due"
              type="number"
              value={dueDays}
              onInput={(e) => setDueDays(e.detail.value)}
            />
          </Field>
          <Button
            className="btn btn--block case-confirm case-confirm--assign"
            missing={lead ? null : '请先选择主办单位'}
            onClick={() =>
              void run('确认交办', '交办后承办单位会收到通知。', () =>
                call(
                  'cases',
                  'assign',
                  {
                    caseId: id,
                    leadUnitId: lead,
                    assistingUnitIds: assisting.filter((a) => a !== lead),
                    ...(dueDays ? { dueWorkingDays: Number(dueDays) } : {}),
                  },
                  opts,
                ),
              )
            }
          >
            交办
          </Button>
        </View>
      ) : null}

      {open === 'link' ? (
        <View className="case-form">
          <Field label="早先事项的编号" error={submit.fields.toCaseId}>
            <Input
              className="input case-link-to"
              value={toCaseId}
              onInput={(e) => setToCaseId(e.detail.value.trim())}
            />
          </Field>
          <Button
            className="btn btn--block case-confirm case-confirm--link"
            missing={toCaseId ? null : '请填写编号'}
            onClick={() =>
              void run('确认合并办理', '这件事将随早先的事项一起答复。', () =>
                call('cases', 'link', { caseId: id, toCaseId }, opts),
              )
            }
          >
            合并办理
          </Button>
        </View>
      ) : null}

      {open === 'publish' ? (
        <View className="case-form">
          <Text className="muted" style={{ display: 'block' }}>
            公开的内容会隐去姓名、电话、证件号、详细地址和位置，照片不公开。公开后所有人都能看到。
          </Text>
          <Button
            className="btn btn--block case-confirm case-confirm--publish"
            onClick={() =>
              void run('确认公开', '公开后所有人都能看到（已去除个人信息）。', () =>
                call('cases', 'publish', { caseId: id }, opts),
              )
            }
          >
            公开
          </Button>
        </View>
      ) : null}
      <FormError submit={submit} className="case-action-error" />
    </View>
  );
}
