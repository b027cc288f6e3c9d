import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { clock, span } from '../../../cloudfunctions/core/time';
import type { BookingView } from '../../../cloudfunctions/modules/reception/contract';
import { TOPIC_MAX } from '../../../cloudfunctions/modules/reception/constants';
import { call, toApiError } from '../../api';
import { checkInput, ruleOf } from '../../api/checks';
import { Button } from '../../components/Button';
import { Field, FormError, TextBox } from '../../components/Form';
import { Code, Num } from '../../components/Num';
import { useSubmit } from '../../hooks/useSubmit';
import { normaliseCode } from '../../utils/reception';

const CHECK_IN_ERRORS: Record<string, string> = {
  NOT_FOUND: '没有找到这个预约码，请核对后再试。',
};

/** Check a visitor in by the booking code: typed into a big box, or scanned from the QR on WeChat. */
export function CheckIn({ dayId, onDone }: { dayId: string; onDone: (b: BookingView) => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BookingView | null>(null);
  const [error, setError] = useState('');

  const submit = async (raw: string) => {
    if (busy) return;
    const c = normaliseCode(raw);
    setResult(null);
    // The contract's own wording: 8 characters, and never O, I, 0 or 1.
    const problem = checkInput('reception', 'checkIn', { dayId, code: c }, { code: '预约码' }).code;
    if (problem) {
      setError(problem);
      return;
    }
    setError('');
    setBusy(true);
    try {
      const b = await call('reception', 'checkIn', { dayId, code: c });
      setResult(b);
      setCode('');
      onDone(b);
    } catch (e) {
      const err = toApiError(e);
      setError(CHECK_IN_ERRORS[err.code] || err.fields.code || err.message);
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      setCode((res.result ?? '').trim().toUpperCase());
      await submit(res.result ?? '');
    } catch {
      // cancelled
    }
  };

  return (
    <View className="section checkin">
      <Text className="h2" style={{ marginTop: 0 }}>
        签到
      </Text>
      <Text className="label">预约码（8 位）</Text>
      <Input
        className="input input--code checkin-input"
        ariaLabel="预约码"
        nativeProps={{ 'aria-label': '预约码' }}
        value={code}
        maxlength={9}
        placeholder="请输入预约码"
        confirmType="done"
        onInput={(e) => {
          setCode(e.detail.value.toUpperCase());
          if (error) setError('');
        }}
        onConfirm={() => void submit(code)}
      />
      <View className="btn-row">
        <Button className="btn checkin-submit" disabled={busy} onClick={() => void submit(code)}>
          {busy ? '正在签到…' : '签到'}
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="btn btn--ghost checkin-scan" disabled={busy} onClick={() => void scan()}>
            扫码签到
          </Button>
        ) : null}
      </View>
      {error ? <Text className="error-text checkin-error">{error}</Text> : null}
      {result ? (
        <View className="checkin-result">
          <Text className="ok-text">
            ✓ {result.visitorName} 已签到（
            <Code code={result.code} />）
          </Text>
          <Text className="text" style={{ display: 'block' }}>
            {result.slotStartsAt ? (
              <Num>
                {result.slotEndsAt
                  ? span(result.slotStartsAt, result.slotEndsAt)
                  : clock(result.slotStartsAt)}
              </Num>
            ) : null}
            {result.slotStartsAt ? ' 时段 · ' : ''}事项：{result.topic}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

/** Someone who came without booking: registered and checked in at once. */
export function WalkIn({ dayId, onDone }: { dayId: string; onDone: (b: BookingView) => void }) {
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const submit = useSubmit();
  const { fields } = submit;

  const register = async () => {
    const input = { dayId, visitorName: name.trim(), topic: topic.trim() };
    const local = checkInput('reception', 'walkIn', input, {
      visitorName: { name: '姓名', missing: '请填写来访群众姓名' },
      topic: { missing: '请填写反映的事项' },
    });
    if (!submit.check(local)) return;
    await submit.run(async () => {
      const b = await call('reception', 'walkIn', input, { requestId: submit.requestId });
      setName('');
      setTopic('');
      submit.reset();
      void Taro.showToast({ title: '已登记', icon: 'success' });
      onDone(b);
    });
  };

  return (
    <View className="section walkin">
      <Text className="h2" style={{ marginTop: 0 }}>
        现场登记（未预约的群众）
      </Text>
      <Field label="姓名" error={fields.visitorName}>
        <Input
          className="input walkin-name"
          ariaLabel="来访群众姓名"
          value={name}
          maxlength={ruleOf('reception', 'walkIn', 'visitorName').maxLength}
          placeholder="来访群众姓名"
          onInput={(e) => setName(e.detail.value)}
        />
      </Field>
      <Field label="反映的事项" error={fields.topic}>
        <TextBox
          className="walkin-topic"
          short
          value={topic}
          max={TOPIC_MAX}
          placeholder="简要记录"
          onInput={setTopic}
        />
      </Field>
      <FormError submit={submit} className="walkin-error" />
      <Button
        className="btn btn--block walkin-submit"
        disabled={submit.saving}
        onClick={() => void register()}
      >
        {submit.saving ? '正在登记…' : '登记并签到'}
      </Button>
    </View>
  );
}
