// Extension service.not_for: who a service is not for, in plain words (docs/data-model.md).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service').addColumn('not_for', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service').dropColumn('not_for').execute();
}
