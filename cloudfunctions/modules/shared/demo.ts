/**
 * The shared part of the fictional demo county (云岭县, 演示数据): the region tree, stations, the demo
 * personas with their role grants, and the deputies. Each module seeds its own part after this one
 * (registry order); what they need of it is exported here by name.
 */
import { nameKey } from '../../core/nameKey';
import type { Ports, Tx } from '../../core/ports';
import type { Deputy, Region, Station, User } from './records';
import { userIdFor } from './identity';

/** Small deterministic random numbers, so every fresh clone gets the same demo. */
export function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国志文斌海波宇浩晨欣雪梅林峰辉亮成军俊丹';

/** A plausible Chinese name from the demo's random numbers. */
export function personName(rand: () => number): string {
  const pick = (s: string) => s[Math.floor(rand() * s.length)];
  return pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
}

export const COUNTY: Region = {
  id: 'county-yl',
  kind: 'county',
  name: '云岭县',
  parentId: null,
  countyId: 'county-yl',
  townshipId: null,
};
export const TOWNSHIPS = [
  { id: 'tw-qs', name: '青石镇' },
  { id: 'tw-lx', name: '柳溪乡' },
  { id: 'tw-fq', name: '枫桥街道' },
];

export function demoGeography(): { regions: Region[]; stations: Station[] } {
  const regions: Region[] = [COUNTY];
  const stations: Station[] = [];
  for (const t of TOWNSHIPS) {
    regions.push({
      id: t.id,
      kind: 'township',
      name: t.name,
      parentId: COUNTY.id,
      countyId: COUNTY.id,
      townshipId: t.id,
    });
    for (let i = 1; i <= 2; i++) {
      regions.push({
        id: `${t.id}-c${i}`,
        kind: 'constituency',
        name: `${t.name}第${'一二三'[i - 1]}选区`,
        parentId: t.id,
        countyId: COUNTY.id,
        townshipId: t.id,
      });
    }
    stations.push({
      id: `${t.id}-st`,
      name: `${t.name}人大代表之家`,
      countyId: COUNTY.id,
      townshipId: t.id,
      address: `云岭县${t.name}政府大院一楼`,
      contact: '0871-0000000（演示）',
      latitude: null,
      longitude: null,
      openingNotes: '周一至周五 9:00–17:00 开放；每月第一个周六为代表接待日。',
    });
  }
  return { regions, stations };
}

/** The demo personas' sign-in identities (the demo deputy is dep-01, the demo voter lives in tw-qs-c1). */
export const PERSONA_OPENIDS = {
  voter: 'demo:voter',
  newcomer: 'demo:newcomer',
  deputy: 'demo:deputy',
  station: 'demo:station',
  township: 'demo:township',
  county: 'demo:county',
} as const;
export type PersonaName = keyof typeof PERSONA_OPENIDS;
export const personaUserId = (p: PersonaName) => userIdFor(PERSONA_OPENIDS[p]);
export const DEMO_DEPUTY_ID = 'dep-01';
export const DEMO_STATION_ID = 'tw-qs-st';

/** `days` days before the seed's clock, as an ISO instant. */
export const daysAgo = (ports: Ports, days: number) =>
  new Date(ports.clock.now().getTime() - days * 86400_000).toISOString();

const user = (openid: string, displayName: string, at: string): User => ({
  id: userIdFor(openid),
  openid,
  displayName,
  createdAt: at,
  verifiedEntryId: null,
  verifiedAt: null,
  constituencyId: null,
  failedVerifications: 0,
  verifyLockedUntil: null,
});

async function grant(
  tx: Tx,
  userId: string,
  role: 'stationStaff' | 'townshipOffice' | 'countyOffice',
  scope: { kind: 'station' | 'township' | 'county'; id: string },
) {
  await tx.insert('roleGrants', {
    id: `${userId}:${role}:${scope.id}`,
    userId,
    role,
    scopeKind: scope.kind,
    scopeId: scope.id,
  });
}

export async function isSeeded(ports: Ports): Promise<boolean> {
  return (await ports.store.get('regions', COUNTY.id)) !== null;
}

const WORK_UNITS = [
  '青石镇中心小学',
  '柳溪村委会',
  '云岭县人民医院',
  '枫桥社区居委会',
  '云岭茶叶合作社',
  '县供电所',
  '个体工商户',
  '青石镇卫生院',
];

/** Regions, stations, the personas and about 20 deputies (3–4 per constituency; the first is 李华). */
export async function seedShared(ports: Ports): Promise<void> {
  const rand = prng(20261128);
  const at = (days: number) => daysAgo(ports, days);
  const { regions, stations } = demoGeography();
  await ports.store.transact(async (tx) => {
    for (const r of regions) await tx.insert('regions', r);
    for (const s of stations) await tx.insert('stations', s);

    await tx.insert('users', user(PERSONA_OPENIDS.voter, '王小明', at(20)));
    await tx.insert('users', user(PERSONA_OPENIDS.newcomer, '新用户', at(1)));
    const deputyUser = user(PERSONA_OPENIDS.deputy, '李华（代表）', at(60));
    await tx.insert('users', deputyUser);
    const staff = user(PERSONA_OPENIDS.station, '赵站长', at(60));
    await tx.insert('users', staff);
    await grant(tx, staff.id, 'stationStaff', { kind: 'station', id: DEMO_STATION_ID });
    const township = user(PERSONA_OPENIDS.township, '青石镇人大 周干事', at(60));
    await tx.insert('users', township);
    await grant(tx, township.id, 'townshipOffice', { kind: 'township', id: TOWNSHIPS[0].id });
    const county = user(PERSONA_OPENIDS.county, '县人大代表工委 孙主任', at(60));
    await tx.insert('users', county);
    await grant(tx, county.id, 'countyOffice', { kind: 'county', id: COUNTY.id });

    let n = 0;
    for (const [ci, c] of regions.filter((r) => r.kind === 'constituency').entries()) {
      for (let i = 0; i < (ci % 2 === 0 ? 4 : 3); i++) {
        n++;
        const first = n === 1;
        const name = first ? '李华' : personName(rand);
        const d: Deputy = {
          id: `dep-${String(n).padStart(2, '0')}`,
          userId: first ? deputyUser.id : null,
          name,
          nameKey: nameKey(name),
          level: i === 0 ? 'county' : 'township',
          countyId: c.countyId,
          townshipId: c.townshipId!,
          constituencyId: c.id,
          workUnit: WORK_UNITS[(ci + i) % WORK_UNITS.length],
          photoUrl: '',
          photoFileId: null,
          stationId: `${c.townshipId}-st`,
          publicContact: `${c.townshipId === 'tw-qs' ? '青石镇' : '乡镇'}人大办 0871-000${String(n - 1).padStart(4, '0')}（演示）`,
          code: `DL${String(n).padStart(2, '0')}${ports.ids.code(4)}`,
          cardFileId: null,
          createdAt: at(90),
          updatedAt: at(90),
        };
        await tx.insert('deputies', d);
        if (first) {
          await tx.insert('roleGrants', {
            id: `${deputyUser.id}:deputy:${d.id}`,
            userId: deputyUser.id,
            role: 'deputy',
            scopeKind: 'deputy',
            scopeId: d.id,
          });
        }
      }
    }
  });
}
