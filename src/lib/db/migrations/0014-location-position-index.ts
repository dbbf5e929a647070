// Places by position: the Open Referral API's `postcode` with `proximity` reads only the places in a
// box around the postcode (then measures each), instead of every place in the directory.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('location_latitude_longitude').on('location').columns(['latitude', 'longitude']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('location_latitude_longitude').execute();
}
