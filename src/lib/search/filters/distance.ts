// Near and distance: where to measure from, and only services within radius_km of it (or
// covering its area, or needing no travel).
// Its meaning (kind "distance"): without radius_km, every document; with it, those with a place
// within radius_km of the searched place, or covering an area it is in, or remote. Facets: for
// each of RADIUS_FACETS, how many would be within that distance in the same sense (all zero
// without a searched place).
import { z } from 'zod';
import { parameter, zeros, type FilterDefinition } from './definition';
import { numberParam } from './parameter-schemas';

/** Distances (km) that radius facet counts are given for. */
export const RADIUS_FACETS = [1, 2, 5, 10] as const;
export const MAX_NEAR_LENGTH = 100;
const EARTH_RADIUS_KM = 6371.0088;

export interface DistanceFields {
  /** Positions of its physical places: latitude, longitude, latitude, longitude... */
  points: number[];
  /** Ids of the areas (content/areas) its service areas name. */
  areas: string[];
  /** It can be used without travelling: by phone or online, or they visit people at home. */
  remote: boolean;
}

export interface DistanceFacets {
  /** Keyed by km: how many there would be within that distance (all zero without a searched place). */
  radius_km: Record<string, number>;
}

/** The searched place, for distance, radius and "covers your area". */
export interface Origin {
  latitude: number;
  longitude: number;
  /** Areas the searched place is in (or is), most specific first. */
  areaIds: string[];
}

const NEEDS_PLACE = 'Enter a postcode or place in “Near” to use this.';

export const distanceParameters = {
  near: parameter({
    // The place as typed, its spaces made single, cut to MAX_NEAR_LENGTH: the last one given.
    schema: z.array(z.string()).transform((list) => (list.filter((v) => v.trim() !== '').at(-1) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NEAR_LENGTH)),
    empty: '',
    label: 'Near',
    role: 'filter',
  }),
  radius_km: parameter({
    schema: numberParam('a distance in kilometres', 0.1, 200, false),
    empty: null,
    label: 'Distance',
    role: 'filter',
    needsPlace: { applies: (value) => value !== null, without: () => null, message: `A distance needs a place to measure from. ${NEEDS_PLACE}` },
  }),
};

export { NEEDS_PLACE };

/**
 * Kilometres from the searched place to the nearest of these points (latitude, longitude pairs),
 * Infinity without any. The equirectangular approximation: within a fraction of a percent of the
 * great circle at the scale of a town or county, and several times quicker over 100,000 rows.
 */
export function nearestKm(points: ArrayLike<number>, origin: Pick<Origin, 'latitude' | 'longitude'>): number {
  const { kx, ky } = kmPerDegree(origin.latitude);
  let best = Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const dy = (points[i]! - origin.latitude) * ky;
    const dx = (points[i + 1]! - origin.longitude) * kx;
    const d = dx * dx + dy * dy;
    if (d < best) best = d;
  }
  return best === Infinity ? best : Math.sqrt(best);
}

/** How far east-west and north-south a degree is, in km, at the searched place (for nearestKm over many rows). */
export function kmPerDegree(latitude: number): { kx: number; ky: number } {
  const toRadians = Math.PI / 180;
  return { kx: Math.cos(latitude * toRadians) * toRadians * EARTH_RADIUS_KM, ky: toRadians * EARTH_RADIUS_KM };
}

export const distanceFilter: FilterDefinition = {
  name: 'distance',
  parameters: ['near', 'radius_km'],
  // Without a place, nothing can be measured from it.
  alsoRemoved: {
    near: (query) => ({
      radius_km: null,
      walk_km: null,
      transport: query.transport.filter((option) => option !== 'walk'),
      sort: query.sort === 'distance' ? 'relevance' : query.sort,
    }),
  },
  meaning: { kind: 'distance', emptyFacets: () => ({ radius_km: zeros(RADIUS_FACETS.map(String)) }) },
};
