// Rebuilds every search document from the directory's tables (after a taxonomy change, or daily
// so that schedule and cost wording drops what has expired).
import type { DirectoryDatabase } from '../db/database';
import { readServices, serviceIds } from '../directory/service-reader';
import type { SearchBackend } from './search-backend';
import { buildSearchDocument, SEARCH_DOCUMENT_VERSION } from './search-document';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { loadFreshnessSignals } from '../freshness/signals';
import { loadCrosswalk } from '../taxonomy/crosswalk-store';

const BATCH = 500;

/**
 * The name under which one process claims the rebuild of every search document for a day
 * (src/lib/db/daily-job.ts): with the document builder's version in it, so that a new version
 * started the same day as an older one's rebuild claims its own.
 */
export const SEARCH_REBUILD_JOB = `search-rebuild-v${SEARCH_DOCUMENT_VERSION}`;

export async function reindexAll(directory: DirectoryDatabase, search: SearchBackend, today: string): Promise<number> {
  const ids = await serviceIds(directory.db);
  for (let i = 0; i < ids.length; i += BATCH) {
    await indexRecords(directory.db, search, await readServices(directory.db, ids.slice(i, i + BATCH)), today);
  }
  await search.markAllBuilt(today);
  return ids.length;
}

/** Builds and indexes the search documents of these records, with their freshness signals and the taxonomy crosswalk. */
export async function indexRecords(db: Kysely<DatabaseSchema>, search: SearchBackend, records: ServiceRecord[], today: string): Promise<void> {
  if (!records.length) return;
  const signals = await loadFreshnessSignals(
    db,
    records.map((record) => record.id),
  );
  const crosswalk = await loadCrosswalk(db);
  await search.index(
    records.map((record) => buildSearchDocument(record, today, signals.get(record.id), crosswalk)),
    db,
  );
}
