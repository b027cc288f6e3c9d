/** The voter register, verification conflicts and recorded consents. */

/** 选民名册 entry. `id` is the keyed hash of the ID number, so the number itself is never stored. */
export interface RegisterEntry {
  id: string;
  countyId: string;
  townshipId: string;
  constituencyId: string;
  name: string;
  /** The name's pinyin sort key (core/nameKey.ts): the register is listed and searched by it. */
  nameKey: string;
  idMasked: string;
  phone: string | null;
  boundUserId: string | null;
  boundAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Two accounts claim one register entry: office staff decide. */
export interface Conflict {
  id: string;
  entryId: string;
  countyId: string;
  townshipId: string;
  constituencyId: string;
  claimantUserId: string;
  holderUserId: string;
  status: 'open' | 'resolved';
  resolution: 'keepHolder' | 'transferToClaimant' | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

/** A consent as given: which text version, for what, when (PIPL §29). */
export interface Consent {
  id: string;
  userId: string;
  purpose: string;
  textVersion: string;
  at: string;
}

declare module '../../core/records' {
  interface Collections {
    registerEntries: RegisterEntry;
    conflicts: Conflict;
    consents: Consent;
  }
}

export const ACCOUNT_COLLECTIONS = ['registerEntries', 'conflicts', 'consents'] as const;
