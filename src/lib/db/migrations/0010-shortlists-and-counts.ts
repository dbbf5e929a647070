// For link workers and panels (issue 7): shortlists a client can take home (no account, no
// personal data, expiring), anonymous counts of referrals and of needs nothing could meet (only
// aggregate facts: a day, a service or category, an area, a reason, and a count), the gap
// register, and the "key local services" a new link worker starts from.
import { sql, type Kysely } from 'kysely';
import { numberedId } from './columns';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The id is the list's address: short enough to type from paper, too random to guess.
  await db.schema
    .createTable('shortlist')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shortlist_expires').on('shortlist').column('expires_at').execute();

  await db.schema
    .createTable('shortlist_item')
    .addColumn('shortlist_id', 'text', (c) => c.notNull().references('shortlist.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shortlist_item_pk', ['shortlist_id', 'service_id'])
    .execute();

  // "Referred or signposted to this service": a count per day, service, kind and area. No person.
  await db.schema
    .createTable('referral_count')
    .addColumn('id', 'integer', numberedId(db))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('referred', 'signposted')`))
    // The area it was for (an id from content/areas), or '' when not given.
    .addColumn('area_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('referral_count_once', ['day', 'service_id', 'kind', 'area_id'])
    .execute();

  // "Nothing suitable found for this need", and searches that found nothing: a count per day,
  // category, area and reason. Never the words searched for.
  await db.schema
    .createTable('unmet_need_count')
    .addColumn('id', 'integer', numberedId(db))
    .addColumn('day', 'text', (c) => c.notNull())
    // A category id from content/taxonomy, or '' when none was chosen.
    .addColumn('category_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('area_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('too_far', 'cost', 'times', 'full', 'eligibility', 'accessibility', 'language', 'no_such_service', 'no_results')`),
    )
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('unmet_need_count_once', ['day', 'category_id', 'area_id', 'reason'])
    .execute();

  // Gaps the panel records: where there is nothing to refer to. Never deleted; status changes are
  // kept in change_history (entity 'gap').
  await db.schema
    .createTable('gap')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('raised')
        .check(sql`status in ('raised', 'acknowledged', 'being_worked_on', 'resolved')`),
    )
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('status_changed_by', 'text', (c) => c.references('user_account.id'))
    // The new service that filled it, when resolved that way.
    .addColumn('filled_by_service_id', 'text', (c) => c.references('service.id'))
    .execute();
  await db.schema.createIndex('gap_status').on('gap').columns(['status', 'raised_at']).execute();

  // "Key local services" for a category: a new link worker's first page lists them.
  await db.schema
    .createTable('key_service')
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
    .addColumn('marked_by', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('key_service_pk', ['category_id', 'service_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['key_service', 'gap', 'unmet_need_count', 'referral_count', 'shortlist_item', 'shortlist']) {
    await db.schema.dropTable(table).execute();
  }
}
