/** reception: liaison stations (代表联络站), kept by office staff. */
import { audit } from '../../../core/effects';
import { AppError } from '../../../core/errors';
import { authorize, regionSubject } from '../../../core/policy';
import { forgetGeo, type Station } from '../../shared/public';
import type { ReceptionHandlers } from '../contract';
import { stationView } from '../views';

export const stationHandlers: Pick<ReceptionHandlers, 'createStation' | 'updateStation' | 'stations'> = {
  async createStation(ctx, input) {
    const township = ctx.geo.region(input.townshipId);
    if (!township || township.kind !== 'township') {
      throw new AppError('INVALID_INPUT', '请选择乡镇', { townshipId: '乡镇不存在' });
    }
    authorize(ctx, regionSubject(ctx, township.id));
    const { townshipId, ...fields } = input;
    const station: Station = { id: ctx.ports.ids.next(), countyId: township.countyId, townshipId, ...fields };
    await ctx.ports.store.transact(async (tx) => {
      await tx.insert('stations', station);
      await audit(tx, ctx, { entityType: 'station', entityId: station.id });
    });
    forgetGeo(ctx.ports);
    return stationView(ctx, station);
  },

  async updateStation(ctx, input) {
    const station = ctx.geo.station(input.stationId);
    if (!station) throw new AppError('NOT_FOUND', '联络站不存在');
    authorize(ctx, { countyId: station.countyId, townshipId: station.townshipId });
    const { stationId, ...fields } = input;
    await ctx.ports.store.transact(async (tx) => {
      await tx.update('stations', stationId, fields);
      await audit(tx, ctx, { entityType: 'station', entityId: stationId });
    });
    forgetGeo(ctx.ports);
    return stationView(ctx, { ...station, ...fields });
  },

  async stations(ctx, input) {
    authorize(ctx);
    return {
      items: ctx.geo.stations
        .filter((s) => !input.townshipId || s.townshipId === input.townshipId)
        .map((s) => stationView(ctx, s)),
    };
  },
};
