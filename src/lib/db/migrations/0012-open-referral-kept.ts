// Open Referral data kept whole (issue 14): per-location schedules, phones and contacts on a
// service_at_location; the properties and repeated objects a feed sends that have no column
// (service.extra_properties, JSON); and where an interrupted feed pull stopped, to resume it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['schedule', 'phone', 'contact'] as const) {
    await db.schema
      .alterTable(table)
      // No foreign key, so the column can be dropped again; the writer clears these rows with their service.
      .addColumn('service_at_location_id', 'text')
      .execute();
    await db.schema.createIndex(`${table}_service_at_location_id`).on(table).column('service_at_location_id').execute();
  }
  await db.schema.alterTable('service').addColumn('extra_properties', 'text').execute();
  await db.schema
    .createTable('feed_pull')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('per_page', 'integer', (c) => c.notNull())
    .addColumn('next_page', 'integer', (c) => c.notNull())
    // The list entries (or full records) read so far, as a JSON array, so a resumed pull need not read them again.
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feed_pull').execute();
  await db.schema.alterTable('service').dropColumn('extra_properties').execute();
  for (const table of ['schedule', 'phone', 'contact'] as const) {
    await db.schema.dropIndex(`${table}_service_at_location_id`).execute();
    await db.schema.alterTable(table).dropColumn('service_at_location_id').execute();
  }
}
