/**
 * Every callable action, by function then action name — the one client-safe list `src/api` types its
 * calls with (zod schemas and plain constants only; no handlers, no records). A new module adds a line.
 */
import type { z } from 'zod';
import { accountContracts } from './account/contract';
import { casesContracts } from './cases/contract';
import { consultContracts } from './consult/contract';
import { contactContracts } from './contact/contract';
import { groupsContracts } from './groups/contract';
import { receptionContracts } from './reception/contract';

export const contracts = {
  account: accountContracts,
  contact: contactContracts,
  reception: receptionContracts,
  consult: consultContracts,
  cases: casesContracts,
  groups: groupsContracts,
} as const;

export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string;
type Contract<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends {
  input: z.ZodType;
  output: z.ZodType;
}
  ? Contracts[F][A]
  : never;
/** What the caller passes (defaults still optional). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Contract<F, A>['input']>;
/** What the handler receives after parsing. */
export type ParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<Contract<F, A>['input']>;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<
  Contract<F, A>['output']
>;
