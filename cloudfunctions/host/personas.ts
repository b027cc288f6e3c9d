/** The demo personas the local host's sign-in page lists (read back from the seeded demo county). */
import type { Ports } from '../core/ports';
import { DEMO_UNCLAIMED } from '../modules/account/public';
import { UNIT_PERSONA_OPENID } from '../modules/cases/public';
import { PERSONA_OPENIDS, personaUserId, sharedQueries } from '../modules/shared/public';

export interface Persona {
  id: string;
  name: string;
  role: 'voter' | 'deputy' | 'stationStaff' | 'townshipOffice' | 'countyOffice' | 'handlingUnit';
  description: string;
  openid: string;
  deputyId?: string;
  code?: string;
}

/** The personas the demo sign-in page lists (read back from the seeded data). */
export async function demoPersonas(ports: Ports): Promise<Persona[]> {
  const unclaimed = DEMO_UNCLAIMED;
  const deputy = await sharedQueries(ports).deputyByUser(personaUserId('deputy'));
  return [
    {
      id: 'voter',
      name: '王小明',
      role: 'voter',
      description: '已实名认证的选民（青石镇第一选区）',
      openid: PERSONA_OPENIDS.voter,
    },
    {
      id: 'newcomer',
      name: '新用户',
      role: 'voter',
      description: `未实名认证的选民（可用名册中的 ${unclaimed.name} ${unclaimed.idNumber} 试认证）`,
      openid: PERSONA_OPENIDS.newcomer,
    },
    {
      id: 'deputy',
      name: '李华',
      role: 'deputy',
      description: '县人大代表（青石镇第一选区）',
      openid: PERSONA_OPENIDS.deputy,
      deputyId: deputy?.id,
      code: deputy?.code,
    },
    {
      id: 'station',
      name: '赵站长',
      role: 'stationStaff',
      description: '青石镇人大代表之家 联络员',
      openid: PERSONA_OPENIDS.station,
    },
    {
      id: 'township',
      name: '周干事',
      role: 'townshipOffice',
      description: '青石镇人大 工作人员',
      openid: PERSONA_OPENIDS.township,
    },
    {
      id: 'county',
      name: '孙主任',
      role: 'countyOffice',
      description: '县人大常委会代表工委',
      openid: PERSONA_OPENIDS.county,
    },
    {
      id: 'unit',
      name: '钱科长',
      role: 'handlingUnit',
      description: '县交通运输局（承办单位）工作人员',
      openid: UNIT_PERSONA_OPENID,
    },
  ];
}
