import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api';
import { checkInput } from '../../api/checks';
import { Button } from '../../components/Button';
import { Field, FormError } from '../../components/Form';
import { useSubmit } from '../../hooks/useSubmit';

/**
 * A deputy links their own account to their deputy profile with the invitation code the township or county
 * office gave them (nobody types account ids). After it, 我的 shows the deputy's workbench.
 */
export function InviteForm({ onDone }: { onDone: () => void }) {
  const [code, setCode] = useState('');
  const submit = useSubmit();

  const accept = async () => {
    // Codes are read from a message or aloud: spaces and dashes are not part of them, case does not matter.
    const input = { code: code.replace(/[\s-]/g, '').toUpperCase() };
    if (!submit.check(checkInput('contact', 'acceptInvite', input, { code: '邀请码' }))) return;
    await submit.run(async () => {
      const deputy = await call('contact', 'acceptInvite', input);
      setCode('');
      void Taro.showToast({ title: '已绑定代表身份', icon: 'success' });
      void Taro.showModal({
        title: '绑定成功',
        content: `您的账号已绑定为 ${deputy.name} 代表（${deputy.constituencyName}）。`,
        showCancel: false,
      });
      onDone();
    });
  };

  return (
    <View className="section invite-form">
      <Text className="h2" style={{ marginTop: 0 }}>
        我是人大代表
      </Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        请输入乡镇或县人大给您的 8 位邀请码，绑定后即可在这里回复选民留言、查看接待安排。
      </Text>
      <Field label="邀请码" error={submit.fields.code}>
        <Input
          className="input invite-code"
          ariaLabel="邀请码"
          value={code}
          maxlength={12}
          placeholder="如 K7QM 3XPA"
          onInput={(e) => setCode(e.detail.value)}
        />
      </Field>
      <FormError submit={submit} className="invite-error" />
      <Button className="btn btn--block invite-submit" disabled={submit.saving} onClick={() => void accept()}>
        {submit.saving ? '正在绑定…' : '绑定代表身份'}
      </Button>
    </View>
  );
}
