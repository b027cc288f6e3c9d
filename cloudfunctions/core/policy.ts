/**
 * Who may do what: the rules a module's policy is made of (one per action, checked by the type checker),
 * and `authorize`, which a handler calls once with the subject it touches (the place or record).
 * The authorization matrix test walks every action × role × in/out of scope through the handlers.
 */
import type { Caller, Ctx, Rule, Subject } from './context';
import { AppError } from './errors';
import { officeScope as scopeOf } from './scope';

export type { Rule, Subject } from './context';

const hasRole = (c: Caller | null, role: string) => !!c?.grants.some((g) => g.role === role);

export const anyone: Rule = () => true;
export const isPublic: Rule = (_c, s) => !!s.isPublic;
export const signedIn: Rule = (c) => c !== null;
/** Township office over the subject's township, or county office over its county. */
export const officeOver: Rule = (c, s) =>
  !!c?.grants.some(
    (g) =>
      (g.role === 'townshipOffice' && !!s.townshipId && g.scopeId === s.townshipId) ||
      (g.role === 'countyOffice' && !!s.countyId && g.scopeId === s.countyId),
  );
/** Any office role: list actions then filter to the caller's own scope (see officeScope). */
export const anyOffice: Rule = (c) => hasRole(c, 'townshipOffice') || hasRole(c, 'countyOffice');
export const anyStationStaff: Rule = (c) => hasRole(c, 'stationStaff');
/** Station staff of the subject's station. */
export const stationStaffOf: Rule = (c, s) =>
  !!c?.grants.some((g) => g.role === 'stationStaff' && !!s.stationId && g.scopeId === s.stationId);
export const theDeputy: Rule = (c, s) => !!c?.deputy && !!s.deputyId && c.deputy.id === s.deputyId;
export const aDeputy: Rule = (c) => !!c?.deputy;
export const theOwner: Rule = (c, s) => !!c && !!s.ownerUserId && c.user.id === s.ownerUserId;
export const verifiedVoter: Rule = (c) => !!c?.user.verifiedEntryId;

export const anyOf =
  (...rules: Rule[]): Rule =>
  (c, s) =>
    rules.some((r) => r(c, s));

/** The same rule, telling a refused caller `message`. */
export const refusing = (rule: Rule, message: string): Rule =>
  Object.assign((c: Caller | null, s: Subject) => rule(c, s), { refusal: message });

/** Throws UNAUTHENTICATED for an anonymous caller and FORBIDDEN for one the action's rule refuses. */
export function authorize(ctx: Ctx, subject: Subject = {}): Caller {
  if (ctx.rule(ctx.caller, subject)) return ctx.caller as Caller;
  if (!ctx.caller) throw new AppError('UNAUTHENTICATED', '请先登录');
  throw new AppError('FORBIDDEN', ctx.rule.refusal ?? '无权进行此操作');
}

/** For staff list actions: the caller's own scope as a query filter (matching nothing without one). */
export function officeScope(caller: Caller): { countyId?: string; townshipId?: string; stationId?: string } {
  return scopeOf(caller.grants) ?? { townshipId: '\u0000none' };
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
