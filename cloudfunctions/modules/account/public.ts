/** What other modules may use of the account module. */
export { registeredName } from './verification';
export { DEMO_UNCLAIMED, DEMO_VOTER } from './seed';
export type { RegisterEntry } from './records';
