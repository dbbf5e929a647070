// Rebuilds every search document from the directory's tables (after a taxonomy change, or daily
// so that schedule and cost wording drops what has expired).
import type { DirectoryDatabase } from '../db/database';
import { readServices, serviceIds } from '../directory/service-reader';
import type { SearchBackend } from './search-backend';
import { SEARCH_DOCUMENT_VERSION, buildSearchDocument } from './search-document';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { loadFreshnessSignals } from '../freshness/signals';
import { loadCrosswalk } from '../taxonomy/crosswalk-store';

const BATCH = 500;

export async function reindexAll(directory: DirectoryDatabase, search: SearchBackend, today: string): Promise<number> {
  const ids = await serviceIds(directory.db);
  for (let i = 0; i < ids.length; i += BATCH) {
    await indexRecords(directory.db, search, await readServices(directory.db, ids.slice(i, i + BATCH)), today);
  }
  await markIndexed(directory, today);
  return ids.length;
}

/** Builds and indexes the search documents of these records, with their freshness signals and the taxonomy crosswalk. */
export async function indexRecords(db: Kysely<DatabaseSchema>, search: SearchBackend, records: ServiceRecord[], today: string): Promise<void> {
  if (!records.length) return;
  const signals = await loadFreshnessSignals(db, records.map((record) => record.id));
  const crosswalk = await loadCrosswalk(db);
  await search.index(records.map((record) => buildSearchDocument(record, today, signals.get(record.id), crosswalk)), db);
}

/** Records that every search document was built today, in today's document shape. */
export async function markIndexed(directory: DirectoryDatabase, today: string): Promise<void> {
  for (const [key, value] of [['indexed_day', dayNumber(today)], ['document_version', SEARCH_DOCUMENT_VERSION]] as const) {
    await directory.db
      .insertInto('search_meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

/**
 * Must the documents be rebuilt: were they built on an earlier day than today (so their schedule
 * and cost wording may be out of date), or by a version of this code that built them differently?
 */
export async function indexIsOutOfDate(directory: DirectoryDatabase, today: string): Promise<boolean> {
  const rows = await directory.db.selectFrom('search_meta').select(['key', 'value'])
    .where('key', 'in', ['indexed_day', 'document_version']).execute();
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  return (value('indexed_day') ?? -Infinity) < dayNumber(today) || value('document_version') !== SEARCH_DOCUMENT_VERSION;
}
