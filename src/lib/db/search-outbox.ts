// The search outbox's writing side: every change to what a service's search document shows (its
// record, a report about it, a provider's answer) queues the service here in the writer's own
// transaction, so a change that commits is never missed by search. Search takes them off
// (src/lib/search/outbox.ts): the writer straight after, or the next start for anything left.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './types';

const BATCH = 500;

/** Queues services for search to build their documents again, in the caller's transaction. */
export async function queueSearchChanges(db: Kysely<DatabaseSchema>, serviceIds: readonly string[], now = new Date().toISOString()): Promise<void> {
  const ids = [...new Set(serviceIds)];
  for (let i = 0; i < ids.length; i += BATCH) {
    await db
      .insertInto('search_outbox')
      .values(ids.slice(i, i + BATCH).map((service_id) => ({ service_id, queued_at: now })))
      .onConflict((oc) => oc.column('service_id').doUpdateSet({ queued_at: now }))
      .execute();
  }
}
