// Freshness: problems reported by the public, the results of website checks, and the counters
// behind rate limits (docs/data-model.md).
import { sql, type Kysely } from 'kysely';
import { numberedId } from './columns';
import { dialectOf } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('problem_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
    // 'closed', 'full', 'details_wrong', 'moved' or 'other'.
    .addColumn('kind', 'text', (c) => c.notNull())
    // For details_wrong: which details, as a JSON array ("phone", "times", ...).
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('message', 'text')
    // Only for a reply, and only if the person chose to give it.
    .addColumn('contact_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // 'open', 'resolved' or 'dismissed'; never deleted.
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('problem_report_service').on('problem_report').columns(['service_id', 'status']).execute();

  await db.schema
    .createTable('link_check')
    .addColumn('id', 'integer', numberedId(db)) // numbered by the database
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('link_check_service').on('link_check').columns(['service_id', 'checked_at']).execute();

  // Requests counted per key (a keyed hash of the address, never the address itself) and window.
  await sql`create table rate_limit (
    key text not null,
    window_start integer not null,
    count integer not null,
    primary key (key, window_start)
  )${sql.raw(dialectOf(db) === 'postgres' ? '' : ' without rowid')}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute();
  await db.schema.dropTable('link_check').execute();
  await db.schema.dropTable('problem_report').execute();
}
