/**
 * The fictional demo county (云岭县, 演示数据): regions, stations, deputies, a voter register,
 * demo personas and a few message threads. Runs once, on an empty database.
 */
import type { Ports, Tx } from '../core/ports';
import type {
  Deputy,
  Message,
  ReceptionDay,
  Region,
  RegisterEntry,
  Station,
  Thread,
  User,
} from '../core/records';
import { addDays, chinaDate, chinaInstant } from '../core/domain/chinaTime';
import { checkDigit, maskIdNumber, maskName } from '../core/domain/idNumber';
import { userIdFor } from '../core/identity';

export interface Persona {
  id: string;
  name: string;
  role: 'voter' | 'deputy' | 'stationStaff' | 'townshipOffice' | 'countyOffice';
  description: string;
  openid: string;
  deputyId?: string;
  code?: string;
}

/** Small deterministic random numbers, so every fresh clone gets the same demo. */
function prng(seed: number) {
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

export const COUNTY: Region = {
  id: 'county-yl',
  kind: 'county',
  name: '云岭县',
  parentId: null,
  countyId: 'county-yl',
  townshipId: null,
};
const TOWNSHIPS = [
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

const user = (openid: string, displayName: string, at: string, over: Partial<User> = {}): User => ({
  id: userIdFor(openid),
  openid,
  displayName,
  createdAt: at,
  verifiedEntryId: null,
  verifiedAt: null,
  constituencyId: null,
  failedVerifications: 0,
  verifyLockedUntil: null,
  ...over,
});

export async function isSeeded(ports: Ports): Promise<boolean> {
  return (await ports.store.get('regions', COUNTY.id)) !== null;
}

/** Seeds the demo county; returns the personas the sign-in page lists. */
export async function seedDemo(ports: Ports): Promise<void> {
  const rand = prng(20261128);
  const now = ports.clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86400_000).toISOString();
  const { regions, stations } = demoGeography();
  const constituencies = regions.filter((r) => r.kind === 'constituency');
  const name = () =>
    SURNAMES[Math.floor(rand() * SURNAMES.length)] +
    GIVEN[Math.floor(rand() * GIVEN.length)] +
    (rand() < 0.6 ? GIVEN[Math.floor(rand() * GIVEN.length)] : '');

  await ports.store.transact(async (tx: Tx) => {
    for (const r of regions) await tx.insert('regions', r);
    for (const s of stations) await tx.insert('stations', s);

    // Voter register: ~50 entries per constituency.
    let seq = 0;
    const entries: RegisterEntry[] = [];
    for (const c of constituencies) {
      for (let i = 0; i < 50; i++) {
        ++seq;
        const id =
          seq === 1 ? DEMO_VOTER.idNumber : seq === 2 ? DEMO_UNCLAIMED.idNumber : fakeIdNumber(rand, seq);
        const entry: RegisterEntry = {
          id: ports.hasher.idHash(id),
          countyId: c.countyId,
          townshipId: c.townshipId!,
          constituencyId: c.id,
          name: seq === 1 ? DEMO_VOTER.name : seq === 2 ? DEMO_UNCLAIMED.name : name(),
          idMasked: maskIdNumber(id),
          phone: null,
          boundUserId: null,
          boundAt: null,
          createdAt: at(30),
          updatedAt: at(30),
        };
        if (!(await tx.get('registerEntries', entry.id))) await tx.insert('registerEntries', entry);
        entries.push(entry);
      }
    }

    // Personas.
    const c1 = constituencies[0];
    const voter = user('demo:voter', '王小明', at(20), {
      verifiedEntryId: entries[0].id,
      verifiedAt: at(19),
      constituencyId: c1.id,
    });
    await tx.insert('users', voter);
    await tx.update('registerEntries', entries[0].id, { boundUserId: voter.id, boundAt: at(19) });
    await tx.insert('users', user('demo:newcomer', '新用户', at(1)));
    const deputyUser = user('demo:deputy', '李华（代表）', at(60));
    await tx.insert('users', deputyUser);
    const staff = user('demo:station', '赵站长', at(60));
    await tx.insert('users', staff);
    await tx.insert('roleGrants', {
      id: `${staff.id}:stationStaff:${stations[0].id}`,
      userId: staff.id,
      role: 'stationStaff',
      scopeKind: 'station',
      scopeId: stations[0].id,
    });
    const township = user('demo:township', '青石镇人大 周干事', at(60));
    await tx.insert('users', township);
    await tx.insert('roleGrants', {
      id: `${township.id}:townshipOffice:${TOWNSHIPS[0].id}`,
      userId: township.id,
      role: 'townshipOffice',
      scopeKind: 'township',
      scopeId: TOWNSHIPS[0].id,
    });
    const county = user('demo:county', '县人大代表工委 孙主任', at(60));
    await tx.insert('users', county);
    await tx.insert('roleGrants', {
      id: `${county.id}:countyOffice:${COUNTY.id}`,
      userId: county.id,
      role: 'countyOffice',
      scopeKind: 'county',
      scopeId: COUNTY.id,
    });

    // ~20 deputies, 3–4 per constituency; the first is the demo deputy persona.
    const deputies: Deputy[] = [];
    const units = [
      '青石镇中心小学',
      '柳溪村委会',
      '云岭县人民医院',
      '枫桥社区居委会',
      '云岭茶叶合作社',
      '县供电所',
      '个体工商户',
      '青石镇卫生院',
    ];
    for (const [ci, c] of constituencies.entries()) {
      const n = ci % 2 === 0 ? 4 : 3;
      for (let i = 0; i < n; i++) {
        const first = deputies.length === 0;
        const d: Deputy = {
          id: `dep-${String(deputies.length + 1).padStart(2, '0')}`,
          userId: first ? deputyUser.id : null,
          name: first ? '李华' : name(),
          level: i === 0 ? 'county' : 'township',
          countyId: c.countyId,
          townshipId: c.townshipId!,
          constituencyId: c.id,
          workUnit: units[(ci + i) % units.length],
          photoUrl: '',
          stationId: `${c.townshipId}-st`,
          publicContact: `${c.townshipId === 'tw-qs' ? '青石镇' : '乡镇'}人大办 0871-000${String(deputies.length).padStart(4, '0')}（演示）`,
          code: `DL${String(deputies.length + 1).padStart(2, '0')}${ports.ids.code(4)}`,
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
        deputies.push(d);
      }
    }

    // Reception days at 青石镇人大代表之家: one today (李华 confirmed, 王小明 booked), one published a week
    // ahead, one draft in two weeks.
    const today = chinaDate(now);
    const station = stations[0];
    const receptionDay = (
      id: string,
      date: string,
      status: ReceptionDay['status'],
      theme: string,
    ): ReceptionDay => ({
      id,
      stationId: station.id,
      countyId: station.countyId,
      townshipId: station.townshipId,
      date,
      startsAt: chinaInstant(date, '09:00'),
      endsAt: chinaInstant(date, '11:00'),
      theme,
      slotMinutes: 30,
      bookingCutoff: chinaInstant(addDays(date, -1), '18:00'),
      status,
      publishedAt: status === 'published' ? at(7) : null,
      remindersSentAt: null,
      noShowsMarkedAt: null,
      createdBy: township.id,
      createdAt: at(10),
    });
    const days = [
      receptionDay('rd-today', today, 'published', '乡村道路与路灯'),
      receptionDay('rd-next', addDays(today, 7), 'published', '养老服务与医疗保障'),
      receptionDay('rd-draft', addDays(today, 14), 'draft', '农产品销售'),
    ];
    for (const d of days) {
      await tx.insert('receptionDays', d);
      for (let i = 0; i < 4; i++) {
        const from = Date.parse(d.startsAt) + i * 30 * 60_000;
        await tx.insert('slots', {
          id: `${d.id}-0${i + 1}`,
          dayId: d.id,
          startsAt: new Date(from).toISOString(),
          endsAt: new Date(from + 30 * 60_000).toISOString(),
          capacity: 5,
          booked: d.id === 'rd-today' && i === 0 ? 1 : 0,
          waitlist: [],
        });
      }
      const confirmed = d.status === 'published';
      await tx.insert('assignments', {
        id: `${d.id}:${deputies[0].id}`,
        dayId: d.id,
        deputyId: deputies[0].id,
        date: d.date,
        status: confirmed ? 'confirmed' : 'invited',
        reason: null,
        respondedAt: confirmed ? at(8) : null,
        attendedAt: null,
        createdAt: at(10),
      });
    }
    const code = ports.ids.code(8);
    await tx.insert('bookings', {
      id: 'bk-demo-1',
      dayId: 'rd-today',
      slotId: 'rd-today-01',
      voterUserId: voter.id,
      visitorName: maskName(voter.displayName),
      topic: '村口路灯维修进度',
      code,
      status: 'confirmed',
      walkIn: false,
      createdAt: at(2),
      checkedInAt: null,
      cancelledAt: null,
    });
    await tx.insert('claims', { id: `code:rd-today:${code}`, refId: 'bk-demo-1', at: at(2) });
    await tx.insert('claims', { id: `booking:rd-today:${voter.id}`, refId: 'bk-demo-1', at: at(2) });

    // A few threads: one answered, one waiting, one from an unverified voter.
    const samples: [number, string, string, string | null][] = [
      [
        0,
        '城乡建设',
        '村口到镇上的路灯坏了三盏，晚上接孩子很不方便，能不能帮忙反映一下？',
        '已联系镇城建办，下周安排维修，修好后我再回复您。',
      ],
      [0, '农业农村', '今年茶叶收购价压得很低，合作社能不能牵头统一销售？', null],
      [1, '教育医疗', '镇卫生院周末能不能增加一个儿科门诊？', '这个建议很好，我会在下次代表活动时提出。'],
    ];
    for (const [k, [di, category, text, reply]] of samples.entries()) {
      const d = deputies[di];
      const created = at(10 - k * 3);
      const t: Thread = {
        id: `th-demo-${k + 1}`,
        deputyId: d.id,
        countyId: d.countyId,
        townshipId: d.townshipId,
        voterUserId: voter.id,
        voterVerified: true,
        voterName: maskName(voter.displayName),
        category,
        status: reply ? 'replied' : 'new',
        outcome: null,
        held: false,
        lastText: reply ?? text,
        createdAt: created,
        lastMessageAt: reply ? at(9 - k * 3) : created,
        awaitingSince: reply ? null : created,
        firstReplyAt: reply ? at(9 - k * 3) : null,
        firstReplySeconds: reply ? 86400 : null,
        chasedAt: null,
        unreadByDeputy: !reply,
        unreadByVoter: !!reply,
      };
      await tx.insert('threads', t);
      const m = (
        id: string,
        role: Message['authorRole'],
        body: string,
        when: string,
        author: string,
      ): Message => ({
        id,
        threadId: t.id,
        deputyId: d.id,
        countyId: d.countyId,
        townshipId: d.townshipId,
        authorUserId: author,
        authorRole: role,
        text: body,
        status: 'visible',
        createdAt: when,
        reviewedBy: null,
        reviewedAt: null,
      });
      await tx.insert('messages', m(`${t.id}-m1`, 'voter', text, created, voter.id));
      if (reply) {
        await tx.insert(
          'messages',
          m(`${t.id}-m2`, 'deputy', reply, t.lastMessageAt, d.userId ?? `deputy:${d.id}`),
        );
        if (d.userId) {
          await tx.insert('activities', {
            id: `${t.id}-act`,
            deputyId: d.id,
            type: 'message.reply',
            refType: 'thread',
            refId: t.id,
            summary: `答复选民留言：${reply}`,
            points: ports.config.points['message.reply'] ?? 0,
            at: t.lastMessageAt,
          });
        }
      }
    }
  });
}

/** The personas the demo sign-in page lists (read back from the seeded data). */
export async function demoPersonas(ports: Ports): Promise<Persona[]> {
  const deputy = await ports.store.deputyByUser(userIdFor('demo:deputy'));
  return [
    {
      id: 'voter',
      name: '王小明',
      role: 'voter',
      description: '已实名认证的选民（青石镇第一选区）',
      openid: 'demo:voter',
    },
    {
      id: 'newcomer',
      name: '新用户',
      role: 'voter',
      description: `未实名认证的选民（可用名册中的 ${DEMO_UNCLAIMED.name} ${DEMO_UNCLAIMED.idNumber} 试认证）`,
      openid: 'demo:newcomer',
    },
    {
      id: 'deputy',
      name: '李华',
      role: 'deputy',
      description: '县人大代表（青石镇第一选区）',
      openid: 'demo:deputy',
      deputyId: deputy?.id,
      code: deputy?.code,
    },
    {
      id: 'station',
      name: '赵站长',
      role: 'stationStaff',
      description: '青石镇人大代表之家 联络员',
      openid: 'demo:station',
    },
    {
      id: 'township',
      name: '周干事',
      role: 'townshipOffice',
      description: '青石镇人大 工作人员',
      openid: 'demo:township',
    },
    {
      id: 'county',
      name: '孙主任',
      role: 'countyOffice',
      description: '县人大常委会代表工委',
      openid: 'demo:county',
    },
  ];
}
