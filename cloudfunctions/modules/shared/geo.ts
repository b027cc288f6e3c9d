/** The region tree and stations, read once a minute per instance (they change rarely). */
import { makeGeo, type Caller, type Geo } from '../../core/context';
import { dispatch } from '../../core/dispatch';
import type { AnyModule } from '../../core/module';
import type { Ports } from '../../core/ports';
import { sharedQueries } from './storage';

const GEO_TTL_MS = 60_000;
const cache = new WeakMap<Ports['store'], { at: number; geo: Geo }>();

export async function loadGeo(ports: Ports): Promise<Geo> {
  const hit = cache.get(ports.store);
  const now = Date.now();
  if (hit && now - hit.at < GEO_TTL_MS) return hit.geo;
  const q = sharedQueries(ports);
  const [regions, stations] = await Promise.all([q.regions(), q.stations()]);
  const geo = makeGeo(regions, stations);
  cache.set(ports.store, { at: now, geo });
  return geo;
}

/** After seeding or editing regions or stations: the next request reads them afresh. */
export const forgetGeo = (ports: Pick<Ports, 'store'>) => cache.delete(ports.store);

/** One request to one module, as both entry points serve it: the caller they established, this instance's geo. */
export const serve = (module: AnyModule, request: unknown, caller: Caller | null, ports: Ports) =>
  dispatch(module, request, { caller, geo: () => loadGeo(ports) }, ports);
