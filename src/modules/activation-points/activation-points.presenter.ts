/** The exact fields of activation points that leave the server (API and the map's data-points). */
import type { z } from 'zod';
import { presentServiceCentre } from '../territory/territory.presenter.js';
import type { ActivationPointSchema } from './activation-points.schemas.js';
import type { PointResult } from './activation-points.service.js';

export function presentActivationPoint(r: PointResult, municipalityKey: string): z.infer<typeof ActivationPointSchema> {
  return {
    ...presentServiceCentre(r.centre, municipalityKey),
    openNow: r.status.state === 'open',
    ...(r.distanceKm === null ? {} : { distanceKm: Math.round(r.distanceKm * 100) / 100 }),
  };
}

/** What the map script gets for each marker: public fields only. */
export interface MapPoint {
  key: string;
  name: string;
  lat: number;
  lon: number;
  address: string;
  capabilities: string[];
}

export function presentMapPoint(r: PointResult): MapPoint {
  const c = r.centre;
  return { key: c.key, name: c.name, lat: c.lat, lon: c.lon, address: c.address, capabilities: c.capabilities };
}
