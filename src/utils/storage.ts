import Taro from '@tarojs/taro';

export function readJson<T>(key: string): T | null {
  try {
    const v: unknown = Taro.getStorageSync(key);
    if (v === '' || v === undefined || v === null) return null;
    return (typeof v === 'string' ? JSON.parse(v) : v) as T;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the draft simply lives in memory.
  }
}

export function remove(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // ignore
  }
}
