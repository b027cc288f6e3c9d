/** The account part of the demo county: a voter register of ~50 per constituency; 王小明 verified. */
import type { Ports } from '../../core/ports';
import { daysAgo, demoGeography, personaUserId, personName, prng } from '../shared/public';
import { checkDigit, maskIdNumber } from './domain/idNumber';
import type { RegisterEntry } from './records';

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
        const known = seq === 1 ? DEMO_VOTER : seq === 2 ? DEMO_UNCLAIMED : null;
        const idNumber = known?.idNumber ?? fakeIdNumber(rand, seq);
        const entry: RegisterEntry = {
          id: ports.hasher.idHash(idNumber),
          countyId: c.countyId,
          townshipId: c.townshipId!,
          constituencyId: c.id,
          name: known?.name ?? personName(rand),
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
      }
    }
  });
}
