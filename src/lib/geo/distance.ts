// Distances between points on the Earth, and how far that is on foot, in plain words.

export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
/** A gentle walking pace: 4.5 km an hour, so 13⅓ minutes a kilometre. */
export const WALKING_KM_PER_HOUR = 4.5;
/** Beyond this, a walk is not what anyone plans: only the distance is given. */
const LONGEST_WALK_KM = 3;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const toRadians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * toRadians;
  const dLng = (b.longitude - a.longitude) * toRadians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * toRadians) * Math.cos(b.latitude * toRadians) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes on foot at a gentle pace, rounded up to whole minutes (at least 1). */
export function walkingMinutes(km: number): number {
  return Math.max(1, Math.ceil((km / WALKING_KM_PER_HOUR) * 60));
}

/** "0.8 km, about a 10 minute walk"; "12 km" when too far to walk. */
export function distanceText(km: number): string {
  const shown = km < 0.05 ? 'Less than 0.1 km' : km < 10 ? `${(Math.round(km * 10) / 10).toFixed(1)} km` : `${Math.round(km)} km`;
  if (km > LONGEST_WALK_KM) return shown;
  const minutes = walkingMinutes(km);
  // Round to a friendly figure: nearest minute under 10, nearest 5 above.
  const friendly = minutes < 10 ? minutes : Math.round(minutes / 5) * 5;
  // "an 8 minute walk", "an 11 minute walk", "a 10 minute walk": as the number is said.
  const article = /^(8|11|18)/.test(String(friendly)) && !/^1[0-79]$/.test(String(friendly)) ? 'an' : 'a';
  return `${shown}, about ${article} ${friendly} minute walk`;
}
