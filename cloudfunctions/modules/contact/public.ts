/** What other modules may use of the contact module. */
export type { Thread, Message } from './records';
export { markThreadReport, threadForReport, type ThreadForReport } from './reports';
