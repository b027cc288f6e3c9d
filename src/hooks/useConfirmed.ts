import Taro from '@tarojs/taro';
import { useState } from 'react';
import { toApiError } from '../api';

/**
 * An action that is confirmed first (Taro.showModal with `ask`), runs with `busy` set to its key (so its
 * buttons grey out), and shows a failure in a modal the user must close (操作失败 and the server's words).
 */
export function useConfirmed() {
  const [busy, setBusy] = useState('');
  const run = async (key: string, ask: Taro.showModal.Option, act: () => Promise<void>) => {
    const ok = await Taro.showModal(ask);
    if (!ok.confirm) return;
    setBusy(key);
    try {
      await act();
    } catch (e) {
      void Taro.showModal({ title: '操作失败', content: toApiError(e).message, showCancel: false });
    } finally {
      setBusy('');
    }
  };
  return { busy, run };
}
