// Places and getting there: a local postcode table (filled from the directory's own addresses and
// from ONS or OS Code-Point files), the directory's area list, and the transport extensions on
// locations and services (docs/data-model.md).
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('postcode')
    // Normalised: upper case, one space before the last three characters ("NE4 5TG").
    .addColumn('postcode', 'text', (c) => c.primaryKey())
    // The district ("NE4"), for looking up a district by the middle of its postcodes.
    .addColumn('outward', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    // Where the position came from: 'directory' (a listed address), 'ons' or 'codepoint'.
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('postcode_outward').on('postcode').column('outward').execute();

  await db.schema
    .createTable('area')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // 'ward', 'neighbourhood', 'town' or 'district'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    // A GeoJSON Polygon or MultiPolygon geometry, as JSON text; null when only the centre is known.
    .addColumn('outline', 'text')
    .addColumn('population', 'integer')
    // Other names people use for it, as a JSON array of text.
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  // Names are looked up whatever their case.
  if (dialectOf(db) === 'postgres') await sql`create index area_name on area (lower(name))`.execute(db);
  else await sql`create index area_name on area (name collate nocase)`.execute(db);

  // JSON text: { stops: [...], parking: {...}, cycle_parking } (see docs/data-model.md).
  await db.schema.alterTable('location').addColumn('transport', 'text').execute();
  // JSON text: { description, eligibility }: community transport or lifts the service offers.
  await db.schema.alterTable('service').addColumn('transport_offered', 'text').execute();
  // 1 when the service visits people at home, so nobody needs to travel.
  await db.schema.alterTable('service').addColumn('home_visits', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service').dropColumn('home_visits').execute();
  await db.schema.alterTable('service').dropColumn('transport_offered').execute();
  await db.schema.alterTable('location').dropColumn('transport').execute();
  await db.schema.dropTable('area').execute();
  await db.schema.dropTable('postcode').execute();
}
