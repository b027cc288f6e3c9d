/** What each module contributes to the authorization and bad-input matrices. */
import type { ErrorCode } from '../../../cloudfunctions/core/errors';
import type { PersonaName, Who, World } from '../harness';

/**
 * The callers of the matrix: the demo personas, two more out of the demo deputy's scope, the staff of two
 * handling units (the demo's 县交通运输局 persona and 县卫生健康局's seeded staff), and nobody.
 */
export const CALLERS = [
  'anonymous',
  'voter',
  'newcomer',
  'deputy',
  'otherDeputy',
  'station',
  'township',
  'otherTownship',
  'county',
  'unit',
  'otherUnit',
] as const;
export type Caller = (typeof CALLERS)[number];

/** What an allowed caller gets: success, or the one state error its call must hit (never a refusal). */
export type Outcome =
  'ok' | Exclude<ErrorCode, 'UNAUTHENTICATED' | 'FORBIDDEN' | 'INVALID_INPUT' | 'INTERNAL'>;

export interface AuthorizationCase {
  /** The input, for a subject in the demo deputy's township (青石镇); may prepare the world first. */
  input: (w: World) => unknown;
  /** Every caller allowed to act, with its outcome; everyone else is refused and nothing is written. */
  allowed: Partial<Record<Caller, Outcome>>;
}

export interface BadInputCase {
  /** A caller allowed to call the action (a persona, or another account by its openid). */
  who: PersonaName | { openid: string };
  /** Inputs that must each be refused with INVALID_INPUT, writing nothing. */
  inputs: unknown[];
}

export interface ModuleRows {
  authorization: Record<string, AuthorizationCase>;
  badInput: Record<string, BadInputCase>;
}

/** `ok` for each of these callers. */
export const ok = (...callers: Caller[]): Partial<Record<Caller, Outcome>> =>
  Object.fromEntries(callers.map((c) => [c, 'ok' as const]));

export const SIGNED_IN: Caller[] = CALLERS.filter((c) => c !== 'anonymous');
export const OFFICE: Caller[] = ['township', 'county'];

export const asWho = (c: Caller): Who =>
  c === 'anonymous'
    ? null
    : c === 'otherDeputy'
      ? { openid: 'other-deputy' }
      : c === 'otherTownship'
        ? { openid: 'other-township' }
        : c === 'unit'
          ? { openid: 'demo:unit' }
          : c === 'otherUnit'
            ? { openid: 'demo:unit-wj' }
            : c;

/** A long text of `n` characters. */
export const long = (n: number) => '字'.repeat(n);
