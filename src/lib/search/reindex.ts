// Rebuilds every search document from the directory's tables (after a taxonomy change, or daily
// so that schedule and cost wording drops what has expired).
import type { DirectoryDatabase } from '../db/database';
import { readServices, serviceIds } from '../directory/service-reader';
import type { SearchBackend } from './search-backend';
import { buildSearchDocument } from './search-document';

const BATCH = 500;

export async function reindexAll(directory: DirectoryDatabase, search: SearchBackend, today: string): Promise<number> {
  const ids = await serviceIds(directory.db);
  for (let i = 0; i < ids.length; i += BATCH) {
    const records = await readServices(directory.db, ids.slice(i, i + BATCH));
    await search.index(records.map((record) => buildSearchDocument(record, today)));
  }
  await markIndexed(directory, today);
  return ids.length;
}

/** Records that every search document was built today. */
export async function markIndexed(directory: DirectoryDatabase, today: string): Promise<void> {
  await directory.db
    .insertInto('search_meta')
    .values({ key: 'indexed_day', value: dayNumber(today) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: dayNumber(today) }))
    .execute();
}

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

/** Was the index last rebuilt on an earlier day than today? */
export async function indexIsFromEarlierDay(directory: DirectoryDatabase, today: string): Promise<boolean> {
  const row = await directory.db.selectFrom('search_meta').select('value').where('key', '=', 'indexed_day').executeTakeFirst();
  return !row || row.value < dayNumber(today);
}
