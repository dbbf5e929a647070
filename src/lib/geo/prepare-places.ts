// Gets the place tables ready: the area list from content/areas, the postcodes shipped in
// content/postcodes (once per version), then postcodes from the directory's addresses.
import type { DirectoryDatabase } from '../db/database';
import { syncAreas } from './areas';
import { rebuildDirectoryPostcodes } from './postcode-table';
import { loadShippedPostcodes } from './shipped-postcodes';

export interface PlacesReport {
  /** Areas written from content/areas/areas.json. */
  areas: number;
  /** Whether the shipped postcodes were (re)loaded this time, and how many were. */
  shippedLoaded: boolean;
  shippedPostcodes: number;
  /** Postcodes found at the directory's own addresses. */
  directoryPostcodes: number;
}

/**
 * Run on start and after each import, once migrations are done. `shippedPostcodes: false` leaves
 * the shipped postcodes out (tests of the directory's own postcodes).
 */
export async function preparePlaces(directory: DirectoryDatabase, options: { shippedPostcodes?: boolean } = {}): Promise<PlacesReport> {
  const areas = await syncAreas(directory.db);
  const shipped = options.shippedPostcodes === false ? { loaded: false } : await loadShippedPostcodes(directory);
  const directoryPostcodes = await rebuildDirectoryPostcodes(directory.db);
  return { areas, shippedLoaded: shipped.loaded, shippedPostcodes: shipped.postcodes ?? 0, directoryPostcodes };
}
