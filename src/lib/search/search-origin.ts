// The searched place of a search (near=), looked up in the directory's own places and postcodes,
// or the reason it could not be found, for the page and the API to explain.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { resolveNear, type NearPrecision } from '../geo/near';
import type { Origin, ParameterError, SearchQuery } from './filters';

export interface SearchOrigin extends Origin {
  /** How to name it back to the person: "NE4 5TG", "NE4", "Elswick". */
  label: string;
  /** 'exact', or 'sector' / 'district' when a postcode is placed at the middle of its sector or district. */
  precision: NearPrecision;
  /** Why distances are only roughly right, to show beside the results; null when they are not. */
  note: string | null;
}

export interface OriginLookup {
  origin: SearchOrigin | null;
  error: ParameterError | null;
  /** Places we think were meant, to offer as links. */
  suggestions: string[];
}

export async function searchOrigin(db: Kysely<DatabaseSchema>, query: SearchQuery): Promise<OriginLookup> {
  if (!query.near) return { origin: null, error: null, suggestions: [] };
  const found = await resolveNear(db, query.near);
  if (!found.ok) return { origin: null, error: { parameter: 'near', message: found.message }, suggestions: found.suggestions };
  return {
    origin: {
      latitude: found.point.latitude,
      longitude: found.point.longitude,
      areaIds: found.areaIds,
      label: found.label,
      precision: found.precision,
      note: found.note,
    },
    error: null,
    suggestions: [],
  };
}
