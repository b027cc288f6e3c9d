/** What other modules may use of the reception module. */
export type { Booking, DayAssignment, ReceptionDay, Slot, Visit } from './records';
export { markVisitReport, visitForReport, type VisitForReport } from './reports';
