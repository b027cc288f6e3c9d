/** Seats and codes: a booking code unique within its day, and the waitlist moving into free seats. */
import type { Ctx } from '../../core/context';
import { notify } from '../../core/effects';
import { AppError } from '../../core/errors';
import type { Tx } from '../../core/ports';
import type { Slot } from './records';

/** A fresh booking code, unique within the day: claimed by a document whose id is the code. */
export async function claimCode(ctx: Ctx, tx: Tx, dayId: string, bookingId: string): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = ctx.ports.ids.code(8);
    if (await tx.get('claims', `code:${dayId}:${code}`)) continue;
    await tx.insert('claims', { id: `code:${dayId}:${code}`, refId: bookingId, at: ctx.now.toISOString() });
    return code;
  }
  throw new AppError('CONFLICT', '预约码生成失败，请重试');
}

/** Moves waitlisted bookings into free seats of a slot, earliest first, telling each voter. */
export async function promote(ctx: Ctx, tx: Tx, slot: Slot): Promise<Slot> {
  const waitlist = [...slot.waitlist];
  let booked = slot.booked;
  while (booked < slot.capacity && waitlist.length > 0) {
    const id = waitlist.shift()!;
    const b = await tx.get('bookings', id);
    if (!b || b.status !== 'waitlisted') continue;
    await tx.update('bookings', id, { status: 'confirmed' });
    booked++;
    await notify(tx, ctx, {
      userId: b.voterUserId,
      kind: 'reception.promoted',
      title: '候补成功：您已获得接待日座位',
      body: `预约码 ${b.code}`,
      link: '/pages/bookings/index',
    });
  }
  const next = { ...slot, booked, waitlist };
  await tx.update('slots', slot.id, { booked, waitlist });
  return next;
}
