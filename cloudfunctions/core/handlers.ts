import type { Ctx } from './context';
import type { ActionName, ActionOutput, FunctionName, ParsedInput } from './contracts';

/** One handler per action of a function, typed by its contract. */
export type Handlers<F extends FunctionName> = {
  [A in ActionName<F>]: (ctx: Ctx, input: ParsedInput<F, A>) => Promise<ActionOutput<F, A>>;
};
