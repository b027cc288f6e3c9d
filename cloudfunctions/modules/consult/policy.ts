import type { Caller, Subject } from '../../core/context';
import type { Policy } from '../../core/module';
import { anyOf, anyone, isPublic, officeOver, refusing } from '../../core/policy';
import type { Place } from '../../core/scope';
import type { consultContracts } from './contract';
import type { Audience } from './records';

/** A consultation as the respond rule sees it: its scope and audience, and where the caller stands. */
export interface AudienceSubject extends Subject {
  audience: Audience;
  /** The caller's township and constituency (a deputy's, or a verified voter's); nulls when unknown. */
  respondent: Place & { constituencyId: string | null };
}

/** Whether a place lies in the audience's places (the consultation's own scope when none are chosen). */
export function inPlaces(s: AudienceSubject, p: AudienceSubject['respondent']): boolean {
  if (!p.townshipId || (s.countyId && p.countyId !== s.countyId)) return false;
  if (s.townshipId && p.townshipId !== s.townshipId) return false;
  const { townshipIds, constituencyIds } = s.audience;
  if (townshipIds.length === 0 && constituencyIds.length === 0) return true;
  return (
    townshipIds.includes(p.townshipId) || (!!p.constituencyId && constituencyIds.includes(p.constituencyId))
  );
}

/**
 * Who may answer: everyone signed in (`all`); verified voters and deputies of the chosen places
 * (`verified`); deputies of the chosen places (`deputies`).
 */
export const inAudience = refusing((c: Caller | null, subject: Subject) => {
  const s = subject as AudienceSubject;
  if (!c || !s.audience) return false;
  if (s.audience.kind === 'all') return true;
  const placed = inPlaces(s, s.respondent);
  if (s.audience.kind === 'deputies') return !!c.deputy && placed;
  return (!!c.deputy || !!c.user.verifiedEntryId) && placed;
}, '您不在本次征询的对象范围内（本地选民请先在“我的”完成实名认证）');

/** Who may call each consult action (handlers pass the consultation they touch to `authorize`). */
export const consultPolicy: Policy<typeof consultContracts> = {
  create: officeOver,
  update: officeOver,
  publish: officeOver,
  list: anyone,
  get: anyOf(isPublic, officeOver),
  respond: inAudience,
  close: officeOver,
  results: officeOver,
  comments: anyOf(isPublic, officeOver),
  review: officeOver,
  feedback: officeOver,
  publishFeedback: officeOver,
  export: officeOver,
};
