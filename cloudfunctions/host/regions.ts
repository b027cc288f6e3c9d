/**
 * A deployment's own region tree and stations, loaded from a JSON file (`npm run host -- --load-regions
 * <file>`): on WeChat they are loaded in the CloudBase console; a self-hosted county loads them here.
 * The file: `{ "regions": [{ "id", "kind": "county" | "township" | "constituency", "name", "parentId" }],
 * "stations": [{ "id", "name", "townshipId", "address", "contact"?, "openingNotes"? }] }` — a county has no
 * parent, a township's parent is a county, a constituency's a township. Loading again updates names and adds
 * what is new; nothing is removed. See regions.example.json.
 */
import { z } from 'zod';
import type { Ports } from '../core/ports';
import { forgetGeo, type Region, type Station } from '../modules/shared/public';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'id: letters, digits, _ or -, up to 40');
const Name = z.string().trim().min(1).max(40);

export const RegionsFile = z.object({
  regions: z
    .array(
      z.object({
        id: Id,
        kind: z.enum(['county', 'township', 'constituency']),
        name: Name,
        parentId: Id.nullable().optional(),
      }),
    )
    .min(1)
    .max(2000),
  stations: z
    .array(
      z.object({
        id: Id,
        name: Name,
        townshipId: Id,
        address: z.string().trim().max(100).default(''),
        contact: z.string().trim().max(60).default(''),
        openingNotes: z.string().trim().max(200).default(''),
      }),
    )
    .max(500)
    .default([]),
});

const PARENT = { county: null, township: 'county', constituency: 'township' } as const;

/** Checks the whole file first (every problem at once); loads it in one unit of work only when it is sound. */
export async function loadRegions(
  ports: Ports,
  json: unknown,
): Promise<{ regions: number; stations: number }> {
  const parsed = RegionsFile.safeParse(json);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const { regions, stations } = parsed.data;
  const existing = new Map<string, Region>();
  for (const r of regions) {
    const old = await ports.store.get('regions', r.id);
    if (old) existing.set(r.id, old);
  }
  const byId = new Map(regions.map((r) => [r.id, r]));
  const problems: string[] = [];
  if (byId.size !== regions.length) problems.push('regions: an id appears twice');
  const made: Region[] = [];
  const resolveRegion = (id: string | null | undefined) =>
    id ? (byId.get(id) ?? existing.get(id)) : undefined;
  const countyOf = (r: { kind: string; id: string; parentId?: string | null }): string | undefined => {
    if (r.kind === 'county') return r.id;
    const p = resolveRegion(r.parentId ?? null);
    return p ? countyOf(p) : undefined;
  };
  for (const r of regions) {
    const want = PARENT[r.kind];
    const parent = resolveRegion(r.parentId ?? null);
    if (want === null && r.parentId) problems.push(`${r.id}: a county has no parent`);
    if (want !== null && (!parent || parent.kind !== want))
      problems.push(`${r.id}: a ${r.kind}'s parent must be a ${want}`);
    const countyId = countyOf(r);
    if (!countyId) continue;
    made.push({
      id: r.id,
      kind: r.kind,
      name: r.name,
      parentId: r.parentId ?? null,
      countyId,
      townshipId: r.kind === 'township' ? r.id : r.kind === 'constituency' ? (r.parentId ?? null) : null,
    });
  }
  const madeStations: Station[] = [];
  for (const s of stations) {
    const t = resolveRegion(s.townshipId);
    if (!t || t.kind !== 'township') {
      problems.push(`station ${s.id}: townshipId must name a township`);
      continue;
    }
    madeStations.push({
      id: s.id,
      name: s.name,
      countyId: countyOf(t)!,
      townshipId: t.id,
      address: s.address,
      contact: s.contact,
      latitude: null,
      longitude: null,
      openingNotes: s.openingNotes,
    });
  }
  if (problems.length) throw new Error(problems.join('\n'));
  await ports.store.transact(async (tx) => {
    for (const r of made) {
      if (await tx.get('regions', r.id)) await tx.update('regions', r.id, { name: r.name });
      else await tx.insert('regions', r);
    }
    for (const s of madeStations) {
      if (await tx.get('stations', s.id))
        await tx.update('stations', s.id, {
          name: s.name,
          address: s.address,
          contact: s.contact,
          openingNotes: s.openingNotes,
        });
      else await tx.insert('stations', s);
    }
  });
  forgetGeo(ports);
  return { regions: made.length, stations: madeStations.length };
}
