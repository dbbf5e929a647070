// The directory's tables: Open Referral UK (HSDS 3.0) entities plus our documented extensions.
import { sql, type Kysely } from 'kysely';

const text = 'text' as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organization')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('alternate_name', text)
    .addColumn('description', text)
    .addColumn('email', text)
    .addColumn('website', text)
    .addColumn('logo', text)
    .addColumn('uri', text)
    .addColumn('parent_organization_id', text)
    .addColumn('source', text)
    .addColumn('record_hash', text)
    .execute();

  await db.schema
    .createTable('organization_identifier')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('organization_id', text, (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('identifier_scheme', text)
    .addColumn('identifier_type', text, (c) => c.notNull())
    .addColumn('identifier', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organization_identifier_organization_id').on('organization_identifier').column('organization_id').execute();

  await db.schema
    .createTable('service')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('organization_id', text, (c) => c.notNull().references('organization.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('alternate_name', text)
    .addColumn('description', text)
    .addColumn('url', text)
    .addColumn('email', text)
    .addColumn('status', text, (c) => c.notNull().check(sql`status in ('active', 'inactive', 'defunct', 'temporarily closed')`))
    .addColumn('fees', text)
    .addColumn('fees_description', text)
    .addColumn('accreditations', text)
    .addColumn('eligibility_description', text)
    .addColumn('minimum_age', 'integer')
    .addColumn('maximum_age', 'integer')
    .addColumn('assured_date', text)
    .addColumn('assurer_email', text)
    .addColumn('alert', text)
    .addColumn('last_modified', text)
    .addColumn('referral_routes', text)
    .addColumn('referral_instructions', text)
    .addColumn('capacity_status', text, (c) => c.check(sql`capacity_status is null or capacity_status in ('accepting', 'waiting_list', 'full', 'paused')`))
    .addColumn('waiting_weeks', 'integer')
    .addColumn('capacity_updated', text)
    .addColumn('delivery_modes', text)
    .addColumn('support_to_attend', text)
    .addColumn('first_visit', text)
    .addColumn('group_size', text)
    .addColumn('source', text)
    .addColumn('record_hash', text)
    .addColumn('imported_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_organization_id').on('service').column('organization_id').execute();

  await db.schema
    .createTable('location')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('location_type', text, (c) => c.notNull())
    .addColumn('url', text)
    .addColumn('name', text)
    .addColumn('alternate_name', text)
    .addColumn('description', text)
    .addColumn('transportation', text)
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('external_identifier', text)
    .addColumn('external_identifier_type', text)
    .addColumn('record_hash', text)
    .execute();

  await db.schema
    .createTable('service_at_location')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('service_id', text, (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('location_id', text, (c) => c.notNull().references('location.id'))
    .addColumn('description', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('service_at_location_service_id').on('service_at_location').column('service_id').execute();
  await db.schema.createIndex('service_at_location_location_id').on('service_at_location').column('location_id').execute();

  await db.schema
    .createTable('address')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('location_id', text, (c) => c.notNull().references('location.id').onDelete('cascade'))
    .addColumn('attention', text)
    .addColumn('address_1', text, (c) => c.notNull())
    .addColumn('address_2', text)
    .addColumn('city', text)
    .addColumn('region', text)
    .addColumn('state_province', text)
    .addColumn('postal_code', text)
    .addColumn('country', text)
    .addColumn('address_type', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('address_location_id').on('address').column('location_id').execute();

  await db.schema
    .createTable('contact')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('service_id', text, (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('name', text)
    .addColumn('title', text)
    .addColumn('department', text)
    .addColumn('email', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('contact_service_id').on('contact').column('service_id').execute();

  await db.schema
    .createTable('phone')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('service_id', text, (c) => c.references('service.id').onDelete('cascade'))
    .addColumn('location_id', text, (c) => c.references('location.id').onDelete('cascade'))
    .addColumn('contact_id', text, (c) => c.references('contact.id').onDelete('cascade'))
    .addColumn('number', text, (c) => c.notNull())
    .addColumn('extension', text)
    .addColumn('type', text)
    .addColumn('description', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('phone_service_id').on('phone').column('service_id').execute();
  await db.schema.createIndex('phone_location_id').on('phone').column('location_id').execute();
  await db.schema.createIndex('phone_contact_id').on('phone').column('contact_id').execute();

  await db.schema
    .createTable('schedule')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('service_id', text, (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('valid_from', text)
    .addColumn('valid_to', text)
    .addColumn('dtstart', text)
    .addColumn('until', text)
    .addColumn('timezone', 'double precision')
    .addColumn('freq', text)
    .addColumn('interval', 'integer')
    .addColumn('byday', text)
    .addColumn('bymonthday', text)
    .addColumn('opens_at', text)
    .addColumn('closes_at', text)
    .addColumn('schedule_link', text)
    .addColumn('attending_type', text)
    .addColumn('notes', text)
    .addColumn('description', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('schedule_service_id').on('schedule').column('service_id').execute();

  await db.schema
    .createTable('cost_option')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('service_id', text, (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('valid_from', text)
    .addColumn('valid_to', text)
    .addColumn('option', text)
    .addColumn('currency', text)
    .addColumn('amount', 'double precision')
    .addColumn('amount_description', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('cost_option_service_id').on('cost_option').column('service_id').execute();

  await db.schema
    .createTable('funding')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('service_id', text, (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('source', text)
    .addColumn('start_date', text)
    .addColumn('end_date', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('funding_service_id').on('funding').column('service_id').execute();
  await db.schema.createIndex('funding_end_date').on('funding').column('end_date').execute();

  await db.schema
    .createTable('taxonomy')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('uri', text)
    .addColumn('version', text)
    .execute();

  await db.schema
    .createTable('taxonomy_term')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('code', text)
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('parent_id', text)
    .addColumn('taxonomy', text)
    .addColumn('taxonomy_id', text, (c) => c.references('taxonomy.id'))
    .addColumn('term_uri', text)
    .addColumn('term', text)
    .addColumn('language', text)
    .execute();
  await db.schema.createIndex('taxonomy_term_parent_id').on('taxonomy_term').column('parent_id').execute();

  await db.schema
    .createTable('attribute')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('link_id', text, (c) => c.notNull())
    .addColumn('link_entity', text, (c) =>
      c.notNull().check(sql`link_entity in ('service', 'location', 'organization', 'organization_identifier', 'contact', 'address', 'accessibility')`),
    )
    .addColumn('link_type', text)
    .addColumn('taxonomy_term_id', text, (c) => c.notNull().references('taxonomy_term.id'))
    .addColumn('value', text)
    .addColumn('label', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('attribute_link').on('attribute').columns(['link_entity', 'link_id']).execute();
  await db.schema.createIndex('attribute_taxonomy_term_id').on('attribute').column('taxonomy_term_id').execute();

  await db.schema
    .createTable('accessibility')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('location_id', text, (c) => c.notNull().references('location.id').onDelete('cascade'))
    .addColumn('description', text)
    .addColumn('details', text)
    .addColumn('url', text)
    .addColumn('accessibility', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('accessibility_location_id').on('accessibility').column('location_id').execute();

  await db.schema
    .createTable('language')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('service_id', text, (c) => c.references('service.id').onDelete('cascade'))
    .addColumn('location_id', text, (c) => c.references('location.id').onDelete('cascade'))
    .addColumn('phone_id', text)
    .addColumn('name', text)
    .addColumn('code', text)
    .addColumn('note', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('language_service_id').on('language').column('service_id').execute();
  await db.schema.createIndex('language_location_id').on('language').column('location_id').execute();

  await db.schema
    .createTable('service_area')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('service_id', text, (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('name', text)
    .addColumn('description', text)
    .addColumn('extent', text)
    .addColumn('extent_type', text)
    .addColumn('uri', text)
    .addColumn('service_area', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('service_area_service_id').on('service_area').column('service_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'service_area',
    'language',
    'accessibility',
    'attribute',
    'taxonomy_term',
    'taxonomy',
    'funding',
    'cost_option',
    'schedule',
    'phone',
    'contact',
    'address',
    'service_at_location',
    'location',
    'service',
    'organization_identifier',
    'organization',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
