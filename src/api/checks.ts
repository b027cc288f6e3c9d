import type { ActionName, FunctionName } from '../../cloudfunctions/modules/contracts';
import type { FieldRule } from './fieldRule';
import { fieldRules } from './fieldRules';

/**
 * How a form names a field in its messages: a plain name (主题 → 请填写主题, 主题不能超过 60 字), or
 * with its own words for a missing value (请选择联络站) and for any other problem (`invalid`).
 */
export type Label =
  | string
  | {
      name?: string;
      missing?: string;
      invalid?: string | ((rule: FieldRule) => string);
    };

type Rules = typeof fieldRules;
/** The input fields of an action (a nested object's fields as `parent.child`). */
export type FieldOf<F extends FunctionName, A extends ActionName<F>> = A extends keyof Rules[F]
  ? keyof Rules[F][A] & string
  : never;

/** Characters as the server's limits count them (zod's `max`: UTF-16 units, so an emoji counts two). */
export const charCount = (text: string) => text.length;

/** The rules of an action's input fields (src/api/fieldRules.ts, generated from the contracts). */
export function rulesOf<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
): Readonly<Record<string, FieldRule>> {
  return (fieldRules[fn] as Readonly<Record<string, Readonly<Record<string, FieldRule>>>>)[action] ?? {};
}

/** One field's rule, e.g. for an input's maxlength. */
export function ruleOf<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  field: FieldOf<F, A>,
): FieldRule {
  return rulesOf(fn, action)[field];
}

/** A text field's most characters (for a text box and its counter); the contract must bound it. */
export function maxLengthOf<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  field: FieldOf<F, A>,
): number {
  const max = ruleOf(fn, action, field).maxLength;
  if (max === undefined) throw new Error(`${fn}.${action}.${field} has no maxLength`);
  return max;
}

/** A text as the server checks it: trimmed and case-folded when the contract does so. */
function cleaned(rule: FieldRule, text: string): string {
  const t = rule.trim ? text.trim() : text;
  return rule.case === 'upper' ? t.toUpperCase() : rule.case === 'lower' ? t.toLowerCase() : t;
}

function rangeProblem(rule: FieldRule, name: string): string {
  const { minimum: min, maximum: max } = rule;
  const int = rule.type === 'integer';
  if (min !== undefined && max !== undefined) {
    return int ? `${name}应为 ${min}–${max} 的整数` : `${name}应在 ${min} 到 ${max} 之间`;
  }
  if (min !== undefined) return `${name}不能小于 ${min}`;
  if (max !== undefined) return `${name}不能大于 ${max}`;
  return `${name}应为整数`;
}

/** What is wrong with one value under its rule, in Chinese; null when nothing is. */
export function fieldProblem(rule: FieldRule, value: unknown, label: Label = ''): string | null {
  const name = typeof label === 'string' ? label : (label.name ?? '');
  const own = typeof label === 'string' ? {} : label;
  const invalid = (fallback: string) =>
    typeof own.invalid === 'function' ? own.invalid(rule) : (own.invalid ?? fallback);
  const choice = () => own.missing ?? rule.messages?.enum ?? `请选择${name || '一项'}`;
  const missing = () =>
    own.missing ??
    (rule.enum ? choice() : (rule.messages?.minLength ?? (name ? `请填写${name}` : '请填写此项')));

  if (value === undefined) return rule.required ? missing() : null;
  if (value === null) {
    if (rule.nullable) return null;
    return rule.required ? missing() : invalid(`${name}格式不正确`);
  }
  switch (rule.type) {
    case 'string': {
      if (typeof value !== 'string') return invalid(`${name}格式不正确`);
      const text = cleaned(rule, value);
      if (!text && (rule.required || (rule.minLength ?? 0) > 0)) return missing();
      const n = charCount(text);
      if (rule.minLength !== undefined && n < rule.minLength) {
        return invalid(rule.messages?.minLength ?? `${name}至少 ${rule.minLength} 个字`);
      }
      if (rule.maxLength !== undefined && n > rule.maxLength) {
        return invalid(rule.messages?.maxLength ?? `${name}不能超过 ${rule.maxLength} 字`);
      }
      if (rule.pattern !== undefined && !new RegExp(rule.pattern, rule.flags).test(text)) {
        return invalid(rule.messages?.pattern ?? `${name}格式不正确`);
      }
      if (rule.enum && !rule.enum.includes(text)) return choice();
      return null;
    }
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(`${name}应为数字`);
      const outside =
        (rule.type === 'integer' && !Number.isInteger(value)) ||
        (rule.minimum !== undefined && value < rule.minimum) ||
        (rule.maximum !== undefined && value > rule.maximum);
      if (outside) return invalid(rangeProblem(rule, name));
      if (rule.enum && !rule.enum.includes(value)) return choice();
      return null;
    }
    case 'boolean':
      if (typeof value !== 'boolean') return invalid(`${name}格式不正确`);
      return rule.enum && !rule.enum.includes(value) ? choice() : null;
    case 'array': {
      if (!Array.isArray(value)) return invalid(`${name}格式不正确`);
      if (value.length === 0 && (rule.minItems ?? 0) > 0) return missing();
      if (rule.minItems !== undefined && value.length < rule.minItems) {
        return invalid(`${name}至少 ${rule.minItems} 项`);
      }
      if (rule.maxItems !== undefined && value.length > rule.maxItems) {
        return invalid(`${name}最多 ${rule.maxItems} 项`);
      }
      return null;
    }
    case 'object':
      return typeof value === 'object' && !Array.isArray(value) ? null : invalid(`${name}格式不正确`);
    default:
      return rule.enum && !rule.enum.includes(value as never) ? choice() : null;
  }
}

/**
 * Checks a form's values against the contract of the action it is about to call, as the server will
 * (lengths as the server counts them, after trimming where the server trims). Returns the problems by field name,
 * worded with `labels`; empty when the values may be sent. A nested object's fields (`file.name`) are
 * checked when the object is given. Checks across fields stay with the form.
 */
export function checkInput<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  values: Partial<Record<FieldOf<F, A>, unknown>>,
  labels: Partial<Record<FieldOf<F, A>, Label>> = {},
): Record<string, string> {
  const problems: Record<string, string> = {};
  const given = values as Record<string, unknown>;
  const named = labels as Record<string, Label | undefined>;
  for (const [path, rule] of Object.entries(rulesOf(fn, action))) {
    const parts = path.split('.');
    let holder: unknown = given;
    for (const part of parts.slice(0, -1)) {
      holder = holder && typeof holder === 'object' ? (holder as Record<string, unknown>)[part] : undefined;
    }
    if (!holder || typeof holder !== 'object') continue;
    const problem = fieldProblem(
      rule,
      (holder as Record<string, unknown>)[parts[parts.length - 1]],
      named[path],
    );
    if (problem) problems[path] = problem;
  }
  return problems;
}
