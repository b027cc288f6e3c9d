/**
 * The reception part of the demo county, at 青石镇人大代表之家: a day today (李华 confirmed, 王小明 booked),
 * one published a week ahead, and a draft in two weeks to which 李华 is invited.
 */
import type { Ports } from '../../core/ports';
import { maskName } from '../../core/privacy';
import { addDays, chinaDate, chinaInstant } from '../../core/time';
import { DEMO_DEPUTY_ID, DEMO_STATION_ID, daysAgo, personaUserId } from '../shared/public';
import type { ReceptionDay } from './records';

export async function seedReception(ports: Ports): Promise<void> {
  const at = (days: number) => daysAgo(ports, days);
  const station = (await ports.store.get('stations', DEMO_STATION_ID))!;
  const today = chinaDate(ports.clock.now());
  const voterId = personaUserId('voter');
  const day = (id: string, date: string, status: ReceptionDay['status'], theme: string): ReceptionDay => ({
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
    createdBy: personaUserId('township'),
    createdAt: at(10),
  });
  const days = [
    day('rd-today', today, 'published', '乡村道路与路灯'),
    day('rd-next', addDays(today, 7), 'published', '养老服务与医疗保障'),
    day('rd-draft', addDays(today, 14), 'draft', '农产品销售'),
  ];
  await ports.store.transact(async (tx) => {
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
          waitlisted: 0,
          touchedAt: null,
          settled: true,
        });
      }
      const confirmed = d.status === 'published';
      await tx.insert('assignments', {
        id: `${d.id}:${DEMO_DEPUTY_ID}`,
        dayId: d.id,
        deputyId: DEMO_DEPUTY_ID,
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
      voterUserId: voterId,
      visitorName: maskName('王小明'),
      topic: '村口路灯维修进度',
      code,
      status: 'confirmed',
      walkIn: false,
      createdAt: at(2),
      checkedInAt: null,
      cancelledAt: null,
    });
    await tx.insert('claims', { id: `code:rd-today:${code}`, refId: 'bk-demo-1', at: at(2) });
    await tx.insert('claims', { id: `booking:rd-today:${voterId}`, refId: 'bk-demo-1', at: at(2) });
  });
}
