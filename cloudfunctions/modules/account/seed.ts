/**
 * The account part of the demo county: a voter register of ~50 per constituency; 王小明 verified; and one
 * open verification conflict for 周干事 (青石镇) to settle — 刘桂英's entry, bound to her account, claimed by
 * a second account (a new phone, say).
 */
import { nameKey } from '../../core/nameKey';
import type { Ports, Tx } from '../../core/ports';
import {
  daysAgo,
  demoGeography,
  personaUserId,
  personName,
  prng,
  userIdFor,
  type User,
} from '../shared/public';
import { VERIFY_CONSENT_VERSION } from './constants';
import { checkDigit, maskIdNumber } from './domain/idNumber';
import type { RegisterEntry } from './records';
import { claimOf } from './verification';

/** A syntactically valid, fictional ID number (area code 530999 does not exist). */
export function fakeIdNumber(rand: () => number, seq: number): string {
  const y = 1950 + Math.floor(rand() * 55);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  const first17 = `530999${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

const fixedId = (first17: string) => first17 + checkDigit(first17);
/** Register entries with known numbers: the verified persona's, and one left for trying verification. */
export const DEMO_VOTER = { name: '王小明', idNumber: fixedId('53099919700101001') };
export const DEMO_UNCLAIMED = { name: '陈晓梅', idNumber: fixedId('53099919850615002') };
/** The entry of the demo's open conflict, and its two accounts (not personas: the office sees them). */
export const DEMO_CONTESTED = { name: '刘桂英', idNumber: fixedId('53099919620308003') };
const HOLDER_OPENID = 'demo:holder';
const CLAIMANT_OPENID = 'demo:claimant';

const demoUser = (openid: string, displayName: string, createdAt: string): User => ({
  id: userIdFor(openid),
  openid,
  displayName,
  createdAt,
  verifiedEntryId: null,
  verifiedAt: null,
  constituencyId: null,
  failedVerifications: 0,
  verifyLockedUntil: null,
});

export async function seedAccount(ports: Ports): Promise<void> {
  const rand = prng(20261129);
  const at = (days: number) => daysAgo(ports, days);
  const constituencies = demoGeography().regions.filter((r) => r.kind === 'constituency');
  const voterId = personaUserId('voter');
  await ports.store.transact(async (tx) => {
    let seq = 0;
    for (const c of constituencies) {
      for (let i = 0; i < 50; i++) {
        ++seq;
        const known = seq === 1 ? DEMO_VOTER : seq === 2 ? DEMO_UNCLAIMED : seq === 3 ? DEMO_CONTESTED : null;
        // The fixed entries draw their random numbers too, so every other entry stays as it was.
        const randomId = known && seq < 3 ? null : fakeIdNumber(rand, seq);
        const randomName = known && seq < 3 ? null : personName(rand);
        const idNumber = known?.idNumber ?? randomId!;
        const entry: RegisterEntry = {
          id: ports.hasher.idHash(idNumber),
          countyId: c.countyId,
          townshipId: c.townshipId!,
          constituencyId: c.id,
          name: known?.name ?? randomName!,
          nameKey: nameKey(known?.name ?? randomName!),
          idMasked: maskIdNumber(idNumber),
          phone: null,
          boundUserId: seq === 1 ? voterId : null,
          boundAt: seq === 1 ? at(19) : null,
          createdAt: at(30),
          updatedAt: at(30),
        };
        if (!(await tx.get('registerEntries', entry.id))) await tx.insert('registerEntries', entry);
        if (seq === 1) {
          await tx.update('users', voterId, {
            verifiedEntryId: entry.id,
            verifiedAt: at(19),
            constituencyId: c.id,
          });
        }
        if (seq === 3) await seedConflict(ports, tx, entry);
      }
    }
  });
}

/** 刘桂英 verified 25 days ago; two days ago a second account gave her name and ID number. */
async function seedConflict(ports: Ports, tx: Tx, entry: RegisterEntry) {
  const at = (days: number) => daysAgo(ports, days);
  if (await tx.get('users', userIdFor(HOLDER_OPENID))) return;
  const holder = demoUser(HOLDER_OPENID, entry.name, at(40));
  const claimantId = userIdFor(CLAIMANT_OPENID);
  const claimant = demoUser(CLAIMANT_OPENID, `微信用户${claimantId.slice(-4).toUpperCase()}`, at(2));
  await tx.insert('users', {
    ...holder,
    verifiedEntryId: entry.id,
    verifiedAt: at(25),
    constituencyId: entry.constituencyId,
  });
  await tx.insert('users', claimant);
  await tx.update('registerEntries', entry.id, { boundUserId: holder.id, boundAt: at(25) });
  const conflictId = `${entry.id.slice(0, 16)}:${claimant.id}`;
  await tx.insert('conflicts', {
    id: conflictId,
    entryId: entry.id,
    countyId: entry.countyId,
    townshipId: entry.townshipId,
    constituencyId: entry.constituencyId,
    claimantUserId: claimant.id,
    holderUserId: holder.id,
    status: 'open',
    resolution: null,
    resolvedBy: null,
    resolvedAt: null,
    createdAt: at(2),
  });
  await tx.insert('claims', { id: claimOf(claimant.id), refId: conflictId, at: at(2) });
  for (const [u, days] of [
    [holder, 25],
    [claimant, 2],
  ] as const)
    await tx.insert('consents', {
      id: `demo-consent-${u.id}`,
      userId: u.id,
      purpose: 'realNameVerification',
      textVersion: VERIFY_CONSENT_VERSION,
      at: at(days),
    });
}
