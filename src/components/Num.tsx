import { Text } from '@tarojs/components';
import { Fragment } from 'react';
import { dateLabel, dayName, span } from '../../cloudfunctions/core/time';
import { spacedCode } from '../utils/reception';

/**
 * A time, a phone number, a date or a count: kept on one line (app.scss .num), so large type never
 * splits "09:00–11:00" into "09:00–11:0" and "0".
 */
export function Num({ children, className }: { children: string | number; className?: string }) {
  return <Text className={`num${className ? ` ${className}` : ''}`}>{children}</Text>;
}

/**
 * What must stay on one line: a date (12月5日 周五, 2027年1月3日) or a run of digits with the marks
 * that join them (0571-1234567, 09:00–11:30, 2026-12-05, 3.5). One capturing group: split keeps them.
 */
const NUMBER_RUN = /((?:\d{4}年)?\d{1,2}月\d{1,2}日(?: 周[一二三四五六日])?|\d[\d:.\-–—/]*\d|\d)/;

/** A text whose numbers never break (a phone in a contact line, a time in a sentence). */
export function Nums({ text }: { text: string }) {
  const parts = text.split(NUMBER_RUN);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? <Num key={i}>{p}</Num> : p ? <Fragment key={i}>{p}</Fragment> : null,
      )}
    </>
  );
}

/**
 * A booking code as it is read aloud at the desk: two groups of four, each unbroken; at the very
 * largest type the line may wrap between the groups, never inside one.
 */
export function Code({ code, className }: { code: string; className?: string }) {
  const [a, b] = spacedCode(code).split(' ');
  return (
    <Text className={className}>
      <Text className="num">{a}</Text>
      {b ? ' ' : ''}
      {b ? <Text className="num">{b}</Text> : null}
    </Text>
  );
}

/** 今天（12月5日 周五）, 明天（…）, or the date label: a China date named for people. */
export function dayTitle(date: string, now: number = Date.now()): string {
  const name = dayName(date, now);
  const label = dateLabel(date, now);
  return name === label ? label : `${name}（${label}）`;
}

/** A reception day's date and hours: 今天（12月5日 周五） 09:00–11:30, the hours unbroken. */
export function DaySpan({ date, startsAt, endsAt }: { date: string; startsAt: string; endsAt: string }) {
  return (
    <>
      <Nums text={dayTitle(date)} /> <Num>{span(startsAt, endsAt)}</Num>
    </>
  );
}
