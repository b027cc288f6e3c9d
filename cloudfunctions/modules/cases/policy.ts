/**
 * Who may call each cases action. The rule is the door (in scope at all); the state machine
 * (domain/flow) then says whether this caller's part in the case allows the step now.
 */
import type { Caller } from '../../core/context';
import type { Policy } from '../../core/module';
import {
  aDeputy,
  anyOf,
  anyOffice,
  anyone,
  isPublic,
  officeOver,
  refusing,
  signedIn,
  theDeputy,
  theOwner,
  verifiedVoter,
  type Rule,
  type Subject,
} from '../../core/policy';
import type { casesContracts } from './contract';

/** A case as a subject: its place, its deputy and submitter, and the units it is assigned to. */
export interface CaseSubject extends Subject {
  /** Units with a part in the case (lead first). */
  unitIds?: string[];
  /** Who may accept it while it waits: its constituency, or `tw:<township>`. */
  intakeKey?: string | null;
}

const unitsOf = (c: Caller | null) =>
  (c?.grants ?? []).filter((g) => g.role === 'handlingUnit').map((g) => g.scopeId);

/** Staff of a handling unit (any): list actions then show only that unit's part. */
export const anyUnit: Rule = (c) => unitsOf(c).length > 0;
/** Staff of one of the units the case is assigned to. */
export const unitOf: Rule = (c, s) => {
  const mine = unitsOf(c);
  return (s as CaseSubject).unitIds?.some((u) => mine.includes(u)) ?? false;
};
/** A deputy of the constituency (or township) a waiting case concerns. */
export const intakeDeputy: Rule = (c, s) => {
  const key = (s as CaseSubject).intakeKey;
  const d = c?.deputy;
  return !!d && !!key && (key === d.constituencyId || key === `tw:${d.townshipId}`);
};
/** The county office over the subject's county. */
export const countyOffice: Rule = (c, s) =>
  !!c?.grants.some((g) => g.role === 'countyOffice' && !!s.countyId && g.scopeId === s.countyId);

export const casesPolicy: Policy<typeof casesContracts> = {
  submit: refusing(anyOf(verifiedVoter, aDeputy), '提交社情民意需先完成实名认证（我的 → 实名认证）'),
  draftFrom: aDeputy,
  get: anyOf(theOwner, theDeputy, intakeDeputy, officeOver, unitOf, isPublic),
  mine: signedIn,
  queue: anyOf(aDeputy, anyOffice, anyUnit),
  accept: anyOf(intakeDeputy, unitOf),
  decline: anyOf(intakeDeputy, officeOver),
  answer: theDeputy,
  forward: theDeputy,
  followUp: theDeputy,
  release: officeOver,
  reviewImage: refusing(officeOver, '只有本地的人大办可以审核图片'),
  heldImages: anyOffice,
  assign: officeOver,
  return: unitOf,
  reply: unitOf,
  rate: theOwner,
  publish: officeOver,
  link: officeOver,
  support: refusing(anyOf(signedIn), '请先登录'),
  published: anyone,
  stats: anyOffice,
  export: anyOffice,
  units: anyOf(anyOffice, anyUnit),
  saveUnit: countyOffice,
  settings: anyone,
  editSettings: countyOffice,
  calendar: anyOf(anyOffice, anyUnit),
  editCalendar: countyOffice,
};
