import type { Localized } from '@jobbro/core';

const EARTH_RADIUS_KM = 6371.0088;

/** A place that may not be known: a slot without a site has no coordinates. */
export interface Place {
  latitude: number | null;
  longitude: number | null;
}

const known = (p: Place): p is { latitude: number; longitude: number } =>
  p.latitude !== null &&
  p.longitude !== null &&
  Number.isFinite(p.latitude) &&
  Number.isFinite(p.longitude);

/**
 * Great-circle distance in km (haversine); good to metres at Danish distances. Null when either
 * place is unknown: no site means no distance, never a distance to 0,0.
 */
export function distanceKm(a: Place, b: Place): number | null {
  if (!known(a) || !known(b)) return null;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Why there is no distance between a citizen's home and a slot. */
export function unknownDistance(home: Place, slot: Place): Localized {
  return known(slot)
    ? {
        da: 'Afstanden kendes ikke: borgerens bopæl mangler',
        en: 'Distance unknown: no home address',
      }
    : {
        da: 'Afstanden kendes ikke: opslaget har intet arbejdssted',
        en: 'Distance unknown: the slot has no site',
      };
}
