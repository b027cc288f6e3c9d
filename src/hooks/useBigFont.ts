import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

const KEY = 'dl.bigFont';
const EVENT = 'dl:bigFont';

export function getBigFont(): boolean {
  try {
    return Taro.getStorageSync(KEY) === '1';
  } catch {
    return false;
  }
}

/** 大字模式: stored on the phone and applied to every open page at once. */
export function setBigFont(on: boolean): void {
  Taro.setStorageSync(KEY, on ? '1' : '0');
  Taro.eventCenter.trigger(EVENT, on);
}

export function useBigFont(): boolean {
  const [big, setBig] = useState<boolean>(getBigFont);
  useEffect(() => {
    const onChange = (on: boolean) => setBig(on);
    Taro.eventCenter.on(EVENT, onChange);
    return () => {
      Taro.eventCenter.off(EVENT, onChange);
    };
  }, []);
  useDidShow(() => setBig(getBigFont()));
  return big;
}
