import type { z } from 'zod';

/** One action's contract: a zod schema for its input and one for its output. */
export interface Contract {
  input: z.ZodType;
  output: z.ZodType;
}
/** A module's actions, by name. */
export type ContractTable = Record<string, Contract>;

export * from './common';
export * from './envelope';
