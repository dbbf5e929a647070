// "Confirm in one click": single-use links that let a provider say whether a service still runs,
// the history of every field such an answer (or an admin, or an import) changed, and small
// settings the server keeps for itself (the links' signing secret when none is configured).
import type { Kysely } from 'kysely';
import { numberedId } from './columns';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Settings the app generates and keeps across restarts; never committed, never shown.
  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('confirmation_link')
    // A random id; the link itself is "<id>.<expiry>.<signature>" (src/lib/freshness-jobs/confirmation-links.ts).
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
    // 'check': "is it still running?". Other purposes may follow.
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('check'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    // 'running', 'running_with_changes', 'paused' or 'closed'.
    .addColumn('used_answer', 'text')
    .execute();
  await db.schema.createIndex('confirmation_link_service').on('confirmation_link').column('service_id').execute();

  // One row per changed field, never updated or deleted. The shape of HSDS 3.0 `metadata`:
  //   entity_id   -> resource_id
  //   entity      -> resource_type      ('service', 'funding', ...)
  //   changed_at  -> last_action_date
  //   action      -> last_action_type   ('update', 'create', ...)
  //   field       -> field_name
  //   old_value   -> previous_value
  //   new_value   -> replacement_value
  //   changed_by  -> updated_by         ('provider link <id>', 'admin', 'import', ...)
  //   reason      -> (ours: why, in words, e.g. "Closed on 12 November 2026: funding ended")
  await db.schema
    .createTable('change_history')
    .addColumn('id', 'integer', numberedId(db)) // numbered by the database
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().defaultTo('update'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('change_history_entity').on('change_history').columns(['entity', 'entity_id', 'changed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('change_history').execute();
  await db.schema.dropTable('confirmation_link').execute();
  await db.schema.dropTable('app_setting').execute();
}
