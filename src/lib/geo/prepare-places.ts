// Gets the place tables ready: the area list from content/areas, then postcodes from the directory's addresses.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { syncAreas } from './areas';
import { rebuildDirectoryPostcodes } from './postcode-table';

export interface PlacesReport {
  /** Areas written from content/areas/areas.json. */
  areas: number;
  /** Postcodes found at the directory's own addresses. */
  directoryPostcodes: number;
}

/** Run on start and after each import, once migrations are done. */
export async function preparePlaces(db: Kysely<DatabaseSchema>): Promise<PlacesReport> {
  const areas = await syncAreas(db);
  const directoryPostcodes = await rebuildDirectoryPostcodes(db);
  return { areas, directoryPostcodes };
}
