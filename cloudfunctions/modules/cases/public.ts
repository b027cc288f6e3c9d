/** What other modules (and the local host's demo personas) may use of the cases module. */
export type { Case, HandlingUnit } from './records';
export { DEMO_UNIT_ID, UNIT_PERSONA_OPENID } from './seed';
