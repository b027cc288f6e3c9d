import type { ActionName, FunctionName } from '../../cloudfunctions/modules/contracts';

/** A JSON value an enum (or a literal) may take. */
export type EnumValue = string | number | boolean | null;

/**
 * What an action's contract asks of one input field, as `scripts/gen-field-rules.ts` reads it from the
 * zod schema (JSON Schema of its input side, plus what JSON Schema cannot say: trimming, case folding,
 * regex flags, the contract's own wording). A field of a nested object is named `parent.child` and is
 * required only when its parent is given.
 */
export interface FieldRule {
  required: boolean;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  /** null is accepted. */
  nullable?: boolean;
  /** The server trims the text (and folds its case) before it checks it. */
  trim?: boolean;
  case?: 'upper' | 'lower';
  /** Characters of a (trimmed) text. */
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  flags?: string;
  minimum?: number;
  maximum?: number;
  /** Items of a list. */
  minItems?: number;
  maxItems?: number;
  enum?: readonly EnumValue[];
  /** The contract's own messages for these checks, where it words them. */
  messages?: { minLength?: string; maxLength?: string; pattern?: string; enum?: string };
}

/** Every action's input fields, by function then action name. */
export type FieldRuleTable = {
  readonly [F in FunctionName]: { readonly [A in ActionName<F>]: Readonly<Record<string, FieldRule>> };
};
