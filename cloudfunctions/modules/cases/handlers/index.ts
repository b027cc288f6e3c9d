/** Every cases handler, by topic: the module serves them, and the demo seed drives the same ones. */
import type { CasesHandlers } from '../contract';
import { assignmentHandlers } from './assignment';
import { filingHandlers } from './filing';
import { imageHandlers } from './images';
import { intakeHandlers } from './intake';
import { officeHandlers } from './office';
import { readingHandlers } from './reading';
import { statisticsHandlers } from './statistics';
import { repliesHandlers } from './replies';

export const casesHandlers: CasesHandlers = {
  ...filingHandlers,
  ...intakeHandlers,
  ...assignmentHandlers,
  ...repliesHandlers,
  ...readingHandlers,
  ...officeHandlers,
  ...imageHandlers,
  ...statisticsHandlers,
};
