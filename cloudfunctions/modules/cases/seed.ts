/**
 * The cases part of the demo county: handling units (承办单位), the staff persona of 县交通运输局
 * (钱科长, role handlingUnit), and a few reports at different stages, made through the real handlers so
 * their timelines and counters are what the app itself writes.
 */
import { dispatch } from '../../core/dispatch';
import type { AnyModule } from '../../core/module';
import type { Ports } from '../../core/ports';
import {
  COUNTY,
  ensureUser,
  forgetGeo,
  loadCaller,
  loadGeo,
  PERSONA_OPENIDS,
  sharedQueries,
  userIdFor,
} from '../shared/public';
import { casesContracts } from './contract';
import { casesHandlers } from './handlers';
import { casesPolicy } from './policy';
import type { HandlingUnit } from './records';

/** The demo handling-unit persona's sign-in identity and unit. */
export const UNIT_PERSONA_OPENID = 'demo:unit';
export const DEMO_UNIT_ID = 'unit-jt';
/** 县卫生健康局's staff (not a persona: it answers one of the demo reports). */
export const HEALTH_STAFF_OPENID = 'demo:unit-wj';

export const DEMO_UNITS: Array<Pick<HandlingUnit, 'id' | 'name' | 'contact'>> = [
  { id: 'unit-jt', name: '县交通运输局', contact: '0871-0001001（演示）' },
  { id: 'unit-zj', name: '县住房和城乡建设局', contact: '0871-0001002（演示）' },
  { id: 'unit-jy', name: '县教育体育局', contact: '0871-0001003（演示）' },
  { id: 'unit-wj', name: '县卫生健康局', contact: '0871-0001004（演示）' },
  { id: 'unit-qs', name: '青石镇人民政府', contact: '0871-0001005（演示）' },
];

const casesModule = {
  name: 'cases',
  contracts: casesContracts,
  policy: casesPolicy,
  handlers: casesHandlers,
} as unknown as AnyModule;

export async function seedCases(ports: Ports): Promise<void> {
  const staff = await ensureUser(ports, UNIT_PERSONA_OPENID, '县交通运输局 钱科长');
  const health = await ensureUser(ports, HEALTH_STAFF_OPENID, '县卫生健康局 吴科员');
  const staffOf: Record<string, string> = { [DEMO_UNIT_ID]: staff.id, 'unit-wj': health.id };
  const at = ports.clock.now().toISOString();
  await ports.store.transact(async (tx) => {
    for (const u of DEMO_UNITS) {
      await tx.insert('units', {
        ...u,
        countyId: COUNTY.id,
        staffUserIds: staffOf[u.id] ? [staffOf[u.id]] : [],
        active: true,
        createdAt: at,
      });
    }
    for (const [unitId, userId] of Object.entries(staffOf)) {
      await tx.insert('roleGrants', {
        id: `${userId}:handlingUnit:${unitId}`,
        userId,
        role: 'handlingUnit',
        scopeKind: 'unit',
        scopeId: unitId,
      });
    }
  });
  forgetGeo(ports);

  // The demo's reports, each taken as far as its stage through the handlers, a few days apart.
  const start = ports.clock.now().getTime();
  let offset = -12 * 86400_000;
  const past: Ports = { ...ports, clock: { now: () => new Date(start + offset) } };
  const as = async (openid: string, action: string, data: unknown) => {
    const caller = await loadCaller(past, await ensureUser(past, openid));
    const r = await dispatch(casesModule, { action, data }, { caller, geo: () => loadGeo(past) }, past);
    if (!r.ok) throw new Error(`demo cases: ${action} failed: ${r.error.code} ${r.error.message}`);
    offset += 3600_000;
    return r.data as { caseId: string };
  };
  const voter = PERSONA_OPENIDS.voter;
  const deputy = PERSONA_OPENIDS.deputy;
  const township = PERSONA_OPENIDS.township;
  const report = (category: string, text: string, consentPublish = true) =>
    as(voter, 'submit', {
      kind: 'report',
      category,
      constituencyId: 'tw-qs-c1',
      text,
      consentForward: true,
      consentPublish,
    });

  // Closed and published: answered by 县卫生健康局, rated 满意.
  const done = await report(
    '医疗卫生',
    '村卫生室常用的降压药经常缺货，老人要跑到镇上才能买到，希望能保障供应。',
  );
  await as(deputy, 'accept', { caseId: done.caseId });
  await as(deputy, 'forward', { caseId: done.caseId, note: '涉及药品配送，请县卫健局办理' });
  await as(township, 'assign', { caseId: done.caseId, leadUnitId: 'unit-wj' });
  offset += 3 * 86400_000;
  await as(HEALTH_STAFF_OPENID, 'accept', { caseId: done.caseId });
  offset += 4 * 86400_000;
  await as(HEALTH_STAFF_OPENID, 'reply', {
    caseId: done.caseId,
    answerCategory: '已解决或采纳',
    text: '已将降压药列入村卫生室常备药目录，由镇卫生院每周配送一次；缺货可拨打镇卫生院电话预约。',
  });
  await as(voter, 'rate', { caseId: done.caseId, attitude: '满意', result: '满意' });
  await as(PERSONA_OPENIDS.county, 'publish', { caseId: done.caseId });
  // In progress at 县交通运输局 (the unit persona): accepted, due in 3 months.
  const bus = await report(
    '交通出行',
    '青石镇到县城的公交车一天只有两班，早上七点以后就没有车，学生和老人出行很不方便。',
  );
  await as(deputy, 'accept', { caseId: bus.caseId });
  await as(deputy, 'forward', { caseId: bus.caseId });
  await as(township, 'assign', { caseId: bus.caseId, leadUnitId: 'unit-jt', assistingUnitIds: ['unit-qs'] });
  await as(UNIT_PERSONA_OPENID, 'accept', { caseId: bus.caseId });
  // Forwarded, waiting for the office to assign.
  const crossing = await report('教育', '青石镇中心小学门口没有斑马线和减速带，上下学时车多很危险。');
  await as(deputy, 'accept', { caseId: crossing.caseId });
  await as(deputy, 'forward', { caseId: crossing.caseId, note: '建议交通部门和学校一起解决' });
  // Submitted, waiting for 李华 to accept (today).
  offset = -2 * 86400_000;
  await report('城乡建设', '村口到镇上的路灯坏了三盏，晚上接孩子很不方便，请帮忙反映一下。', false);
  // Declined: a matter in litigation, pointed to 信访.
  const court = await report('其他', '我和邻居的宅基地纠纷法院已经判了，但我不服，希望代表帮我改判。', false);
  await as(deputy, 'decline', { caseId: court.caseId, litigation: true });

  // The demo's history was told long ago: its notifications are delivered and read.
  const q = sharedQueries(ports);
  const told = [voter, deputy, township, UNIT_PERSONA_OPENID, HEALTH_STAFF_OPENID].map(userIdFor);
  const notes = (await Promise.all(told.map((u) => q.outboxOfUser(u, { limit: 100 })))).flat();
  await ports.store.transact(async (tx) => {
    for (const n of notes.filter((x) => x.link.startsWith('/cases/')))
      await tx.update('outbox', n.id, { status: 'sent', sentAt: n.createdAt, readAt: n.createdAt });
  });
}
