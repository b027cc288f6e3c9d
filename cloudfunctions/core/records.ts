/**
 * The collections (CloudBase) / tables (SQLite), one record type each, by name.
 *
 * The kernel names none of them: each module declares its own by augmenting these interfaces from its
 * records.ts —
 *
 *   declare module '../../core/records' {
 *     interface Collections { threads: Thread; messages: Message }
 *   }
 *
 * so a unit of work (`tx.get('threads', id)`) is typed for every collection of every module, and the
 * registry's runtime lists are checked against these names by the type checker.
 * Dates are ISO-8601 strings in UTC; `id` is the document `_id` on CloudBase.
 */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Collections {}
export type CollectionName = keyof Collections & string;

/**
 * Notification kinds (outbox items) and duty-record activity types, declared by the modules that emit
 * them in the same way, from their own `as const` lists:
 *
 *   declare module '../../core/records' {
 *     interface NotificationKinds extends Record<(typeof CONTACT_NOTIFICATIONS)[number], true> {}
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NotificationKinds {}
export type NotificationKind = keyof NotificationKinds & string;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ActivityTypes {}
export type ActivityType = keyof ActivityTypes & string;
