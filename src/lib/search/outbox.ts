// Search's side of the outbox (src/lib/directory/service-store.ts): services queued because
// their search documents must be built again. A writer that holds the search backend applies its
// own before its transaction commits; anything left (a writer without search, or a process that
// stopped between) is applied when the site starts (src/lib/setup/prepare.ts).
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { readServices } from '../directory/service-reader';
import type { SearchBackend } from './search-backend';
import { indexRecords } from './reindex';

const BATCH = 500;

/** Builds the documents of queued services and takes them off the outbox. */
async function apply(db: Kysely<DatabaseSchema>, search: SearchBackend, today: string, records: ServiceRecord[], toRead: string[]): Promise<number> {
  const all = [...records, ...(toRead.length ? await readServices(db, toRead) : [])];
  await indexRecords(db, search, all, today);
  const ids = [...new Set([...records.map((record) => record.id), ...toRead])];
  for (let i = 0; i < ids.length; i += BATCH)
    await db
      .deleteFrom('search_outbox')
      .where('service_id', 'in', ids.slice(i, i + BATCH))
      .execute();
  return ids.length;
}

/**
 * Applies the outbox: with `only`, just those services (the records in hand are indexed as they
 * are; the others are read); without, everything queued. Returns how many services it indexed.
 */
export async function applySearchOutbox(
  db: Kysely<DatabaseSchema>,
  search: SearchBackend,
  today: string,
  only?: { records?: ServiceRecord[]; serviceIds?: string[] },
): Promise<number> {
  if (only) {
    const inHand = new Set((only.records ?? []).map((record) => record.id));
    return apply(
      db,
      search,
      today,
      only.records ?? [],
      [...new Set(only.serviceIds ?? [])].filter((id) => !inHand.has(id)),
    );
  }
  let done = 0;
  for (;;) {
    const queued = (await db.selectFrom('search_outbox').select('service_id').orderBy('queued_at').limit(BATCH).execute()).map((row) => row.service_id);
    if (!queued.length) return done;
    done += await apply(db, search, today, [], queued);
  }
}
