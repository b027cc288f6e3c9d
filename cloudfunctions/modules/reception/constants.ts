/** Plain constants of the reception module for the client and the functions (no zod, so pages stay small). */

/** A booking's topic, shown to the deputy and staff. */
export const TOPIC_MAX = 200;
/** What a visitor raised / what was promised, in a visit record. */
export const VISIT_TEXT_MAX = 2000;
/** Booking codes: 8 characters from A–Z and 2–9 without O, I, 0, 1. */
export const BOOKING_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/;
/** Reception days are announced at least this many days ahead. */
export const PUBLISH_DAYS_AHEAD = 3;
/** Each deputy should take part in at least this many reception days a year. */
export const RECEPTION_DAYS_PER_YEAR = 2;
/** Bookings kept waiting behind a full slot; past this the slot answers FULL. */
export const WAITLIST_MAX = 100;
