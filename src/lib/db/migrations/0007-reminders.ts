// Reminders to check a listing: one row per message (first, reminder, urgent, panel) for each
// due date, so a stage is never sent twice. Rows that could not be sent wait in the outbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reminder')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('first', 'reminder', 'urgent', 'panel')`))
    // The due date of the check this message belongs to: a new assured_date gives a new cycle.
    .addColumn('due_date', 'text', (c) => c.notNull())
    // An email address, or "community panel" when PANEL_EMAIL is not set.
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link_path', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // 'outbox': stored, not sent (no SMTP, or no panel address); 'sent'; 'failed' (see error).
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('outbox')
        .check(sql`status in ('outbox', 'sent', 'failed')`),
    )
    .addColumn('sent_at', 'text')
    .addColumn('error', 'text')
    .execute();
  // Once per stage per due date, even when two runs overlap.
  await db.schema.createIndex('reminder_once').on('reminder').columns(['service_id', 'due_date', 'stage']).unique().execute();
  await db.schema.createIndex('reminder_status').on('reminder').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reminder').execute();
}
