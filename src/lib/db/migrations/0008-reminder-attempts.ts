// How many times each reminder has been tried, and when last, so a message the mail server keeps
// refusing is tried once a day for a few days and then left for the panel, not tried for ever.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('reminder')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('reminder').addColumn('last_attempt_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reminder').dropColumn('last_attempt_at').execute();
  await db.schema.alterTable('reminder').dropColumn('attempts').execute();
}
