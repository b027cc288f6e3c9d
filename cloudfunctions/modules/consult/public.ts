/** What other modules may use of the consult module. */
export type { Consultation, ConsultResponse } from './records';
