// Any UK postcode, offline: each postcode's council and ward (from the postcode files), and the
// centres of postcode sectors ("NE4 5") and districts ("NE4") for postcodes not known one by one.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('postcode').addColumn('council_code', 'text').execute();
  await db.schema.alterTable('postcode').addColumn('council_name', 'text').execute();
  await db.schema.alterTable('postcode').addColumn('ward_code', 'text').execute();
  await db.schema.alterTable('postcode').addColumn('ward_name', 'text').execute();

  await db.schema
    .createTable('postcode_centre')
    // "NE4 5" (a sector) or "NE4" (a district).
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    // How many postcodes the centre is the middle of.
    .addColumn('postcodes', 'integer', (c) => c.notNull())
    // The council most of them are in; null when not known (Northern Ireland).
    .addColumn('council_code', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('postcode_centre').execute();
  await db.schema.alterTable('postcode').dropColumn('ward_name').execute();
  await db.schema.alterTable('postcode').dropColumn('ward_code').execute();
  await db.schema.alterTable('postcode').dropColumn('council_name').execute();
  await db.schema.alterTable('postcode').dropColumn('council_code').execute();
}
