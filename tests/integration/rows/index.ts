/**
 * Each module's rows of the matrices, by module name. A module with actions that is missing here, or an
 * action missing from its rows, fails the matrix tests' coverage checks.
 */
import * as account from './account';
import * as cases from './cases';
import * as consult from './consult';
import * as contact from './contact';
import * as groups from './groups';
import * as reception from './reception';
import type { ModuleRows } from './types';

export const ROWS: Record<string, ModuleRows> = { account, contact, reception, consult, cases, groups };
