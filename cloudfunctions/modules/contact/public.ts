/** What other modules may use of the contact module. */
export type { Thread, Message } from './records';
