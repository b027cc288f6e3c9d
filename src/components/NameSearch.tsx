import { Input, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { Button } from './Button';

const WAIT_MS = 400;

/**
 * A search box over a list of people: the start of a name in characters or pinyin (李, li, lihua).
 * `onSearch` gets the trimmed text ('' for the whole list) a moment after typing stops, or at once on the
 * keyboard's 搜索 key or 清除.
 */
export function NameSearch({
  onSearch,
  className = '',
  placeholder = '搜索姓名或拼音，如 李 或 li',
}: {
  onSearch: (q: string) => void;
  className?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);
  const now = (v: string) => {
    stop();
    onSearch(v.trim());
  };
  return (
    <View className={`name-search ${className}`}>
      <Input
        className="input name-search-input"
        ariaLabel="搜索姓名或拼音"
        type="text"
        confirmType="search"
        maxlength={20}
        value={text}
        placeholder={placeholder}
        onInput={(e) => {
          const v = e.detail.value;
          setText(v);
          stop();
          timer.current = setTimeout(() => onSearch(v.trim()), WAIT_MS);
        }}
        onConfirm={(e) => now(e.detail.value)}
      />
      {text ? (
        <Button
          className="btn btn--plain name-search-clear"
          onClick={() => {
            setText('');
            now('');
          }}
        >
          清除
        </Button>
      ) : null}
    </View>
  );
}

/** What an empty list says while a search is on. */
export const notFound = (q: string) => `没有找到“${q}”。请从姓开始输入，如“李”或“li”。`;
