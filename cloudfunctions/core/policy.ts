/**
 * Who may do what, in one place. Each action names its rule; a handler calls `authorize` once,
 * with the subject (the place or record the action touches) when the rule needs one.
 * The authorization matrix test walks every action × role × in/out of scope through the handlers.
 */
import type { Caller, Ctx } from './context';
import { AppError } from './errors';

/** Where a record sits in the region tree, and whose it is. */
export interface Subject {
  countyId?: string | null;
  townshipId?: string | null;
  constituencyId?: string | null;
  stationId?: string | null;
  /** The deputy the record belongs to. */
  deputyId?: string | null;
  /** The user the record belongs to (e.g. the voter of a thread). */
  ownerUserId?: string | null;
  /** The record is public (e.g. a published reception day). */
  isPublic?: boolean;
}

type Rule = (caller: Caller | null, subject: Subject) => boolean;

const anyone: Rule = () => true;
const isPublic: Rule = (_c, s) => !!s.isPublic;
const signedIn: Rule = (c) => c !== null;
const hasRole = (c: Caller | null, role: string) => !!c?.grants.some((g) => g.role === role);

/** Township office over the subject's township, or county office over its county. */
export const officeOver: Rule = (c, s) =>
  !!c?.grants.some(
    (g) =>
      (g.role === 'townshipOffice' && !!s.townshipId && g.scopeId === s.townshipId) ||
      (g.role === 'countyOffice' && !!s.countyId && g.scopeId === s.countyId),
  );
/** Any office role: list actions then filter to the caller's own scope (see officeScope). */
const anyOffice: Rule = (c) => hasRole(c, 'townshipOffice') || hasRole(c, 'countyOffice');
const hasStaffRole: Rule = (c) => hasRole(c, 'stationStaff');
const theDeputy: Rule = (c, s) => !!c?.deputy && !!s.deputyId && c.deputy.id === s.deputyId;
const aDeputy: Rule = (c) => !!c?.deputy;
const theOwner: Rule = (c, s) => !!c && !!s.ownerUserId && c.user.id === s.ownerUserId;
const verifiedVoter: Rule = (c) => !!c?.user.verifiedEntryId;
/** Station staff of the subject's station. */
const stationStaffOf: Rule = (c, s) =>
  !!c?.grants.some((g) => g.role === 'stationStaff' && !!s.stationId && g.scopeId === s.stationId);
const anyOf =
  (...rules: Rule[]): Rule =>
  (c, s) =>
    rules.some((r) => r(c, s));

export const POLICY: Record<string, Rule> = {
  'account.me': signedIn,
  'account.regions': anyone,
  'account.verify': signedIn,
  'account.importRegister': officeOver,
  'account.register': officeOver,
  'account.conflicts': anyOffice,
  'account.resolveConflict': officeOver,
  'account.notifications': signedIn,
  'account.readNotifications': signedIn,
  'account.dutyRecord': anyOf(theDeputy, officeOver),

  'contact.deputies': anyone,
  'contact.card': anyone,
  'contact.myCard': aDeputy,
  'contact.saveDeputy': officeOver,
  'contact.send': signedIn,
  'contact.inbox': aDeputy,
  'contact.myThreads': signedIn,
  'contact.thread': anyOf(theOwner, theDeputy, officeOver),
  'contact.reply': theDeputy,
  'contact.followUp': theOwner,
  'contact.close': theOwner,
  'contact.chase': theOwner,
  'contact.held': anyOffice,
  'contact.review': officeOver,

  'reception.createStation': officeOver,
  'reception.updateStation': officeOver,
  'reception.stations': anyone,
  'reception.createDay': officeOver,
  'reception.day': anyOf(isPublic, officeOver, stationStaffOf, theDeputy),
  'reception.days': anyOf(anyOffice, hasStaffRole),
  'reception.assignDeputy': officeOver,
  'reception.respond': theDeputy,
  'reception.publish': officeOver,
  'reception.updateSlot': officeOver,
  'reception.upcoming': anyone,
  'reception.book': verifiedVoter,
  'reception.cancel': theOwner,
  'reception.myBookings': signedIn,
  'reception.checkIn': anyOf(stationStaffOf, officeOver),
  'reception.walkIn': anyOf(stationStaffOf, officeOver),
  'reception.dayBookings': anyOf(stationStaffOf, officeOver, theDeputy),
  'reception.markNoShows': anyOf(stationStaffOf, officeOver),
  'reception.attend': anyOf(stationStaffOf, officeOver),
  'reception.recordVisit': anyOf(theDeputy, stationStaffOf, officeOver),
  'reception.visits': anyOf(theDeputy, stationStaffOf, officeOver),
  'reception.myDays': aDeputy,
  'reception.stats': anyOffice,
  'reception.rotation': anyOffice,
};

/** What a refused caller is told, where more can be said than 无权进行此操作. */
const REFUSALS: Record<string, string> = {
  'reception.book': '预约接待需先完成实名认证（我的 → 实名认证）',
};

/** Throws UNAUTHENTICATED for an anonymous caller and FORBIDDEN for one the rule refuses. */
export function authorize(ctx: Ctx, subject: Subject = {}): Caller {
  const rule = POLICY[ctx.action];
  if (rule?.(ctx.caller, subject)) return ctx.caller as Caller;
  if (!ctx.caller) throw new AppError('UNAUTHENTICATED', '请先登录');
  throw new AppError('FORBIDDEN', REFUSALS[ctx.action] ?? '无权进行此操作');
}

/** For an office caller's list actions: the widest scope the caller holds. */
export function officeScope(caller: Caller): { countyId?: string; townshipId?: string; stationId?: string } {
  const county = caller.grants.find((g) => g.role === 'countyOffice');
  if (county) return { countyId: county.scopeId };
  const township = caller.grants.find((g) => g.role === 'townshipOffice');
  if (township) return { townshipId: township.scopeId };
  const station = caller.grants.find((g) => g.role === 'stationStaff');
  return station ? { stationId: station.scopeId } : { townshipId: '\u0000none' };
}

/** The subject of a region (constituency or township) from the region tree. */
export function regionSubject(ctx: Ctx, regionId: string): Subject {
  const r = ctx.geo.region(regionId);
  if (!r) throw new AppError('NOT_FOUND', '地区不存在');
  return {
    countyId: r.countyId,
    townshipId: r.kind === 'township' ? r.id : r.townshipId,
    constituencyId: r.kind === 'constituency' ? r.id : null,
  };
}
