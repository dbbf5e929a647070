// Writes validated Open Referral service records into the directory's tables, in batches.
// Called inside a transaction; a record's own child rows (schedules, costs, ...) are replaced
// by what the record says, and a record identical to the one already stored is left alone.
import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { AttributeRecord, ServiceRecord } from '../openreferral/schemas';
import type { DatabaseSchema } from '../db/types';
import type { DirectoryDatabase } from '../db/database';
import { bulkWriter } from '../db/bulk-writer';

const MAX_IDS_PER_STATEMENT = 900;

type Tables = DatabaseSchema;
type Rows<T extends keyof Tables> = Insertable<Tables[T]>[];

export function recordHash(record: ServiceRecord, source: string | null): string {
  return createHash('sha256').update(JSON.stringify([record, source])).digest('base64url');
}

/** Deduplicates rows by id, last one wins (a location shared by several services in one batch). */
function uniqueById<R extends { id: string }>(rows: R[]): R[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

export interface WriteOptions {
  source: string | null;
  now: string;
  /** recordHash of each record by id, when the caller has worked them out already. */
  hashes?: Map<string, string>;
  /** Ids of the services already stored; when given, only their old child rows are looked for. */
  existing?: Set<string>;
}

/** Stored hashes for the given service ids, to skip records that have not changed. */
export async function storedHashes(db: Kysely<Tables>, ids: string[]): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_STATEMENT) {
    const chunk = ids.slice(i, i + MAX_IDS_PER_STATEMENT);
    const rows = await db.selectFrom('service').select(['id', 'record_hash']).where('id', 'in', chunk).execute();
    for (const row of rows) found.set(row.id, row.record_hash);
  }
  return found;
}

/**
 * Writes the records (all assumed valid and changed) on the directory's connection. Run it
 * inside a transaction; it throws on a database error.
 */
export function writeServices(directory: DirectoryDatabase, records: ServiceRecord[], options: WriteOptions): void {
  const rows = {
    organization: [] as Rows<'organization'>,
    organization_identifier: [] as Rows<'organization_identifier'>,
    taxonomy: [] as Rows<'taxonomy'>,
    taxonomy_term: [] as Rows<'taxonomy_term'>,
    location: [] as Rows<'location'>,
    address: [] as Rows<'address'>,
    accessibility: [] as Rows<'accessibility'>,
    service: [] as Rows<'service'>,
    service_at_location: [] as Rows<'service_at_location'>,
    contact: [] as Rows<'contact'>,
    phone: [] as Rows<'phone'>,
    schedule: [] as Rows<'schedule'>,
    cost_option: [] as Rows<'cost_option'>,
    funding: [] as Rows<'funding'>,
    attribute: [] as Rows<'attribute'>,
    language: [] as Rows<'language'>,
    service_area: [] as Rows<'service_area'>,
  };

  const addTerms = (attributes: AttributeRecord[], linkEntity: 'service' | 'location', linkId: string) => {
    attributes.forEach((attribute, position) => {
      const term = attribute.taxonomy_term;
      if (term) {
        if (term.taxonomy_id) {
          rows.taxonomy.push({ id: term.taxonomy_id, name: term.taxonomy ?? 'Imported taxonomy', description: null, uri: null, version: null });
        }
        rows.taxonomy_term.push({
          id: term.id, code: term.code ?? null, name: term.name, description: term.description ?? null,
          parent_id: term.parent_id ?? null, taxonomy: term.taxonomy ?? null, taxonomy_id: term.taxonomy_id ?? null,
          term_uri: term.term_uri ?? null, language: term.language ?? null,
        });
      }
      rows.attribute.push({
        id: attribute.id, link_id: linkId, link_entity: linkEntity, link_type: attribute.link_type ?? null,
        taxonomy_term_id: (term?.id ?? attribute.taxonomy_term_id)!, value: attribute.value ?? null,
        label: attribute.label ?? null, position,
      });
    });
  };

  for (const record of records) {
    const organization = record.organization;
    rows.organization.push({
      id: organization.id, name: organization.name, alternate_name: organization.alternate_name ?? null,
      description: organization.description ?? null, email: organization.email ?? null, website: organization.website ?? null,
      logo: organization.logo ?? null, uri: organization.uri ?? null,
      parent_organization_id: organization.parent_organization_id ?? null, source: options.source,
    });
    for (const identifier of organization.organization_identifiers) {
      rows.organization_identifier.push({
        id: identifier.id, organization_id: organization.id, identifier_scheme: identifier.identifier_scheme ?? null,
        identifier_type: identifier.identifier_type, identifier: identifier.identifier,
      });
    }
    rows.service.push({
      id: record.id, organization_id: organization.id, name: record.name, alternate_name: record.alternate_name ?? null,
      description: record.description ?? null, url: record.url ?? null, email: record.email ?? null, status: record.status,
      fees: record.fees ?? null, fees_description: record.fees_description ?? null, accreditations: record.accreditations ?? null,
      eligibility_description: record.eligibility_description ?? null, minimum_age: record.minimum_age ?? null,
      maximum_age: record.maximum_age ?? null, assured_date: record.assured_date ?? null, assurer_email: record.assurer_email ?? null,
      alert: record.alert ?? null, last_modified: record.last_modified ?? null,
      referral_routes: record.referral_routes ? JSON.stringify(record.referral_routes) : null,
      referral_instructions: record.referral_instructions ?? null, capacity_status: record.capacity_status ?? null,
      waiting_weeks: record.waiting_weeks ?? null, capacity_updated: record.capacity_updated ?? null,
      delivery_modes: record.delivery_modes ? JSON.stringify(record.delivery_modes) : null,
      support_to_attend: record.support_to_attend ? JSON.stringify(record.support_to_attend) : null,
      first_visit: record.first_visit ?? null, group_size: record.group_size ?? null, source: options.source,
      record_hash: options.hashes?.get(record.id) ?? recordHash(record, options.source), imported_at: options.now,
    });
    record.service_at_locations.forEach((serviceAtLocation, position) => {
      const location = serviceAtLocation.location;
      rows.location.push({
        id: location.id, location_type: location.location_type, url: location.url ?? null, name: location.name ?? null,
        alternate_name: location.alternate_name ?? null, description: location.description ?? null,
        transportation: location.transportation ?? null, latitude: location.latitude ?? null, longitude: location.longitude ?? null,
        external_identifier: location.external_identifier ?? null, external_identifier_type: location.external_identifier_type ?? null,
      });
      location.addresses.forEach((address, i) => rows.address.push({
        id: address.id, location_id: location.id, attention: address.attention ?? null, address_1: address.address_1,
        address_2: address.address_2 ?? null, city: address.city ?? null, region: address.region ?? null,
        state_province: address.state_province ?? null, postal_code: address.postal_code ?? null, country: address.country ?? null,
        address_type: address.address_type ?? null, position: i,
      }));
      location.accessibility.forEach((accessibility, i) => rows.accessibility.push({
        id: accessibility.id, location_id: location.id, description: accessibility.description ?? null,
        details: accessibility.details ?? null, url: accessibility.url ?? null, position: i,
      }));
      location.phones.forEach((phone, i) => rows.phone.push({
        id: phone.id, service_id: null, location_id: location.id, contact_id: null, number: phone.number,
        extension: phone.extension, type: phone.type ?? null, description: phone.description ?? null, position: i,
      }));
      location.languages.forEach((language, i) => rows.language.push({
        id: language.id, service_id: null, location_id: location.id, phone_id: language.phone_id ?? null,
        name: language.name ?? null, code: language.code ?? null, note: language.note ?? null, position: i,
      }));
      addTerms(location.attributes, 'location', location.id);
      rows.service_at_location.push({
        id: serviceAtLocation.id, service_id: record.id, location_id: location.id,
        description: serviceAtLocation.description ?? null, position,
      });
    });
    record.contacts.forEach((contact, position) => {
      rows.contact.push({
        id: contact.id, service_id: record.id, name: contact.name ?? null, title: contact.title ?? null,
        department: contact.department ?? null, email: contact.email ?? null, position,
      });
      contact.phones.forEach((phone, i) => rows.phone.push({
        id: phone.id, service_id: null, location_id: null, contact_id: contact.id, number: phone.number,
        extension: phone.extension, type: phone.type ?? null, description: phone.description ?? null, position: i,
      }));
    });
    record.phones.forEach((phone, position) => rows.phone.push({
      id: phone.id, service_id: record.id, location_id: null, contact_id: null, number: phone.number,
      extension: phone.extension, type: phone.type ?? null, description: phone.description ?? null, position,
    }));
    record.schedules.forEach((schedule, position) => rows.schedule.push({
      id: schedule.id, service_id: record.id, valid_from: schedule.valid_from ?? null, valid_to: schedule.valid_to ?? null,
      dtstart: schedule.dtstart ?? null, until: schedule.until ?? null, timezone: schedule.timezone ?? null,
      freq: schedule.freq ?? null, interval: schedule.interval ?? null, byday: schedule.byday ?? null,
      bymonthday: schedule.bymonthday ?? null, opens_at: schedule.opens_at ?? null, closes_at: schedule.closes_at ?? null,
      schedule_link: schedule.schedule_link ?? null, attending_type: schedule.attending_type ?? null,
      notes: schedule.notes ?? null, description: schedule.description ?? null, position,
    }));
    record.cost_options.forEach((cost, position) => rows.cost_option.push({
      id: cost.id, service_id: record.id, valid_from: cost.valid_from ?? null, valid_to: cost.valid_to ?? null,
      option: cost.option ?? null, currency: cost.currency ?? null, amount: cost.amount ?? null,
      amount_description: cost.amount_description ?? null, position,
    }));
    record.funding.forEach((funding, position) => rows.funding.push({
      id: funding.id, service_id: record.id, source: funding.source ?? null, start_date: funding.start_date ?? null,
      end_date: funding.end_date ?? null, position,
    }));
    record.languages.forEach((language, position) => rows.language.push({
      id: language.id, service_id: record.id, location_id: null, phone_id: language.phone_id ?? null,
      name: language.name ?? null, code: language.code ?? null, note: language.note ?? null, position,
    }));
    record.service_areas.forEach((area, position) => rows.service_area.push({
      id: area.id, service_id: record.id, name: area.name ?? null, description: area.description ?? null,
      extent: area.extent ?? null, extent_type: area.extent_type ?? null, uri: area.uri ?? null, position,
    }));
    addTerms(record.attributes, 'service', record.id);
  }

  const serviceIds = records.map((record) => record.id);
  const organizationIds = [...new Set(rows.organization.map((row) => row.id))];
  const locationIds = [...new Set(rows.location.map((row) => row.id))];

  const bulk = bulkWriter(directory.sqlite);
  // Only rows that are already stored can have old children to clear out.
  const storedServiceIds = options.existing ? serviceIds.filter((id) => options.existing!.has(id)) : serviceIds;
  const storedLocationIds = bulk.existingIds('location', locationIds);
  // Taxonomies and terms first, as attributes point at them. Our own terms are rewritten from
  // content/ at start-up (syncTaxonomy), so an imported copy of one cannot change it for long.
  bulk.upsert('taxonomy', uniqueById(rows.taxonomy), 'keep');
  bulk.upsert('taxonomy_term', uniqueById(rows.taxonomy_term));
  bulk.upsert('organization', uniqueById(rows.organization));
  bulk.deleteWhereIn('organization_identifier', 'organization_id', organizationIds);
  bulk.upsert('organization_identifier', uniqueById(rows.organization_identifier));
  bulk.upsert('location', uniqueById(rows.location));
  // A place's details come with every service held there; the latest record's copy wins.
  for (const table of ['address', 'accessibility', 'phone', 'language'] as const) {
    bulk.deleteWhereIn(table, 'location_id', storedLocationIds);
  }
  bulk.deleteWhereIn('attribute', 'link_id', storedLocationIds, ['link_entity', 'location']);
  bulk.deleteWhereIn('attribute', 'link_id', storedServiceIds, ['link_entity', 'service']);
  bulk.upsert('service', rows.service);
  for (const table of ['service_at_location', 'contact', 'phone', 'schedule', 'cost_option', 'funding', 'language', 'service_area'] as const) {
    bulk.deleteWhereIn(table, 'service_id', storedServiceIds);
  }
  bulk.upsert('address', uniqueById(rows.address));
  bulk.upsert('accessibility', uniqueById(rows.accessibility));
  bulk.upsert('service_at_location', rows.service_at_location);
  bulk.upsert('contact', rows.contact);
  bulk.upsert('phone', uniqueById(rows.phone));
  bulk.upsert('schedule', rows.schedule);
  bulk.upsert('cost_option', rows.cost_option);
  bulk.upsert('funding', rows.funding);
  bulk.upsert('language', uniqueById(rows.language));
  bulk.upsert('service_area', rows.service_area);
  bulk.upsert('attribute', uniqueById(rows.attribute));
}
