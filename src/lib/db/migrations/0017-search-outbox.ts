// The search outbox: a change to a service queues its search document to be built again, in the
// same transaction, so a change that commits is never missed by search (src/lib/search/outbox.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_outbox')
    .addColumn('service_id', 'text', (c) => c.primaryKey())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_outbox').execute();
}
