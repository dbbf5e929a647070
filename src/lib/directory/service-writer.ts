// Writes validated Open Referral service records into the directory's tables, in batches.
// Called inside a transaction. A record's own child rows (schedules, costs, ...) are replaced by
// what the record says; a place or organisation is rewritten only when its content changed; and
// a child id that already belongs to another service (or place, or organisation) is refused
// rather than moved, so one feed can never take another service's rows.
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AttributeRecord, ServiceRecord } from '../openreferral-schema/schemas';
import type { DatabaseSchema } from '../db/types';
import type { AsyncBulkWriter } from '../db/bulk-writes';
import { isEmptyKept, type KeptProperties } from '../openreferral-schema/kept-properties';
import { isStandInOrganization } from '../openreferral-schema/normalise-record';

type Tables = DatabaseSchema;
type Rows<T extends keyof Tables> = Insertable<Tables[T]>[];
type AttributeEntity = 'service' | 'location' | 'organization' | 'organization_identifier' | 'contact' | 'address' | 'accessibility';

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/** A record's hash; `kept` (what it sent that has no column) counts, so a change there is written too. */
export function recordHash(record: ServiceRecord, source: string | null, kept?: KeptProperties): string {
  return hashOf(kept && !isEmptyKept(kept) ? [record, source, kept.kept, kept.sent] : [record, source]);
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
  /** Who the change_history rows name: default "import" (with the source, when there is one). */
  changedBy?: string;
  /** By service id: what each record sent that has no column (kept-properties.ts), stored as JSON. */
  kept?: Map<string, KeptProperties>;
}

/** A child row whose id is already used by a row of another service, place or organisation. */
export interface IdConflict {
  table: string;
  id: string;
  /** The service whose record carried the row. */
  serviceId: string;
}

export class IdConflictError extends Error {
  constructor(readonly conflicts: IdConflict[]) {
    super(`${conflicts.length} ids in the import are already used by other services' rows`);
  }
}

export interface WriteOutcome {
  /** Services outside the batch whose place or organisation changed, so whose search documents are stale. */
  affectedServiceIds: string[];
}

/**
 * Writes the records (all assumed valid and changed) with a transaction's bulk writer
 * (bulkWriterFor in src/lib/db/writer.ts). It throws IdConflictError, having written part of the
 * batch, when a child id belongs to another owner, so the caller must roll back.
 */
export async function writeServices(bulk: AsyncBulkWriter, records: ServiceRecord[], options: WriteOptions): Promise<WriteOutcome> {
  const serviceIds = records.map((record) => record.id);
  const storedServiceIds = options.existing ? serviceIds.filter((id) => options.existing!.has(id)) : serviceIds;

  // Places and organisations: rewrite only those that are new or whose content changed.
  const locations = uniqueById(records.flatMap((record) => record.service_at_locations.map((sal) => sal.location)));
  // A stand-in (a record named only organization_id) gives way to the organisation given in full.
  const organizations = uniqueById([
    ...records.map((record) => record.organization).filter(isStandInOrganization),
    ...records.map((record) => record.organization).filter((organization) => !isStandInOrganization(organization)),
  ]);
  const locationHashes = new Map(locations.map((location) => [location.id, hashOf(location)]));
  const organizationHashes = new Map(organizations.map((organization) => [organization.id, hashOf([organization, options.source])]));
  const storedLocationHashes = await bulk.storedHashes('location', [...locationHashes.keys()]);
  const storedOrganizationHashes = await bulk.storedHashes('organization', [...organizationHashes.keys()]);
  const changedLocations = locations.filter((location) => storedLocationHashes.get(location.id) !== locationHashes.get(location.id));
  const changedOrganizations = organizations.filter(
    (organization) => storedOrganizationHashes.get(organization.id) !== organizationHashes.get(organization.id),
  );

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
  /** Which service's record carried each child row ("table:id"), to say which record an id conflict is in. */
  const carriedBy = new Map<string, string>();
  let carrier = '';
  const push = <T extends keyof typeof rows>(table: T, row: (typeof rows)[T][number] & { id: string }) => {
    (rows[table] as { id: string }[]).push(row);
    carriedBy.set(`${table}:${row.id}`, carrier);
  };

  const addTerms = (attributes: AttributeRecord[], linkEntity: AttributeEntity, linkId: string) => {
    attributes.forEach((attribute, position) => {
      const term = attribute.taxonomy_term;
      if (term) {
        if (term.taxonomy_id) {
          rows.taxonomy.push({ id: term.taxonomy_id, name: term.taxonomy ?? 'Imported taxonomy', description: null, uri: null, version: null });
        }
        rows.taxonomy_term.push({
          id: term.id,
          code: term.code ?? null,
          name: term.name,
          description: term.description ?? null,
          parent_id: term.parent_id ?? null,
          taxonomy: term.taxonomy ?? null,
          taxonomy_id: term.taxonomy_id ?? null,
          term_uri: term.term_uri ?? null,
          term: term.term ?? null,
          language: term.language ?? null,
        });
      }
      push('attribute', {
        id: attribute.id,
        link_id: linkId,
        link_entity: linkEntity,
        link_type: attribute.link_type ?? null,
        taxonomy_term_id: (term?.id ?? attribute.taxonomy_term_id)!,
        value: attribute.value ?? null,
        label: attribute.label ?? null,
        position,
      });
    });
  };

  const addContact = (contact: ContactRecord, serviceId: string, serviceAtLocationId: string | null, position: number) => {
    push('contact', {
      id: contact.id,
      service_id: serviceId,
      service_at_location_id: serviceAtLocationId,
      name: contact.name ?? null,
      title: contact.title ?? null,
      department: contact.department ?? null,
      email: contact.email ?? null,
      position,
    });
    contact.phones.forEach((phone, i) => push('phone', phoneRow(phone, { contact_id: contact.id }, i)));
    addTerms(contact.attributes, 'contact', contact.id);
  };

  // When a batch carries a place or organisation more than once, its last copy is the one written.
  const changedOrganizationIds = new Set(changedOrganizations.map((organization) => organization.id));
  const changedLocationIds = new Set(changedLocations.map((location) => location.id));
  const organizationById = new Map(organizations.map((organization) => [organization.id, organization]));
  const locationById = new Map(locations.map((location) => [location.id, location]));
  for (const record of records) {
    carrier = record.id;
    const organization = organizationById.get(record.organization.id)!;
    if (changedOrganizationIds.delete(organization.id)) {
      push('organization', {
        id: organization.id,
        name: organization.name,
        alternate_name: organization.alternate_name ?? null,
        description: organization.description ?? null,
        email: organization.email ?? null,
        website: organization.website ?? null,
        logo: organization.logo ?? null,
        uri: organization.uri ?? null,
        parent_organization_id: organization.parent_organization_id ?? null,
        source: options.source,
        record_hash: organizationHashes.get(organization.id)!,
      });
      addTerms(organization.attributes, 'organization', organization.id);
      for (const identifier of organization.organization_identifiers) {
        push('organization_identifier', {
          id: identifier.id,
          organization_id: organization.id,
          identifier_scheme: identifier.identifier_scheme ?? null,
          identifier_type: identifier.identifier_type,
          identifier: identifier.identifier,
        });
        addTerms(identifier.attributes, 'organization_identifier', identifier.id);
      }
    }
    rows.service.push({
      id: record.id,
      organization_id: organization.id,
      name: record.name,
      alternate_name: record.alternate_name ?? null,
      description: record.description ?? null,
      url: record.url ?? null,
      email: record.email ?? null,
      status: record.status,
      fees: record.fees ?? null,
      fees_description: record.fees_description ?? null,
      accreditations: record.accreditations ?? null,
      eligibility_description: record.eligibility_description ?? null,
      minimum_age: record.minimum_age ?? null,
      maximum_age: record.maximum_age ?? null,
      assured_date: record.assured_date ?? null,
      assurer_email: record.assurer_email ?? null,
      alert: record.alert ?? null,
      last_modified: record.last_modified ?? null,
      referral_routes: record.referral_routes ? JSON.stringify(record.referral_routes) : null,
      referral_instructions: record.referral_instructions ?? null,
      capacity_status: record.capacity_status ?? null,
      waiting_weeks: record.waiting_weeks ?? null,
      capacity_updated: record.capacity_updated ?? null,
      delivery_modes: record.delivery_modes ? JSON.stringify(record.delivery_modes) : null,
      support_to_attend: record.support_to_attend ? JSON.stringify(record.support_to_attend) : null,
      first_visit: record.first_visit ?? null,
      not_for: record.not_for ?? null,
      transport_offered: record.transport_offered ? JSON.stringify(record.transport_offered) : null,
      home_visits: record.home_visits == null ? null : record.home_visits ? 1 : 0,
      group_size: record.group_size ?? null,
      source: options.source,
      extra_properties: keptJson(options.kept?.get(record.id)),
      record_hash: options.hashes?.get(record.id) ?? recordHash(record, options.source),
      imported_at: options.now,
    });
    record.service_at_locations.forEach((serviceAtLocation, position) => {
      const location = locationById.get(serviceAtLocation.location.id)!;
      if (changedLocationIds.delete(location.id)) {
        push('location', {
          id: location.id,
          location_type: location.location_type,
          url: location.url ?? null,
          name: location.name ?? null,
          alternate_name: location.alternate_name ?? null,
          description: location.description ?? null,
          transportation: location.transportation ?? null,
          latitude: location.latitude ?? null,
          longitude: location.longitude ?? null,
          external_identifier: location.external_identifier ?? null,
          external_identifier_type: location.external_identifier_type ?? null,
          transport: location.transport ? JSON.stringify(location.transport) : null,
          record_hash: locationHashes.get(location.id)!,
        });
        location.addresses.forEach((address, i) => {
          push('address', {
            id: address.id,
            location_id: location.id,
            attention: address.attention ?? null,
            address_1: address.address_1,
            address_2: address.address_2 ?? null,
            city: address.city ?? null,
            region: address.region ?? null,
            state_province: address.state_province ?? null,
            postal_code: address.postal_code ?? null,
            country: address.country ?? null,
            address_type: address.address_type ?? null,
            position: i,
          });
          addTerms(address.attributes, 'address', address.id);
        });
        location.accessibility.forEach((accessibility, i) => {
          push('accessibility', {
            id: accessibility.id,
            location_id: location.id,
            description: accessibility.description ?? null,
            details: accessibility.details ?? null,
            url: accessibility.url ?? null,
            accessibility: accessibility.accessibility ?? null,
            position: i,
          });
          addTerms(accessibility.attributes, 'accessibility', accessibility.id);
        });
        location.phones.forEach((phone, i) => push('phone', phoneRow(phone, { location_id: location.id }, i)));
        location.languages.forEach((language, i) =>
          push('language', {
            id: language.id,
            service_id: null,
            location_id: location.id,
            phone_id: language.phone_id ?? null,
            name: language.name ?? null,
            code: language.code ?? null,
            note: language.note ?? null,
            position: i,
          }),
        );
        addTerms(location.attributes, 'location', location.id);
      }
      push('service_at_location', {
        id: serviceAtLocation.id,
        service_id: record.id,
        location_id: location.id,
        description: serviceAtLocation.description ?? null,
        position,
      });
      // What the service has at this place only.
      serviceAtLocation.schedules.forEach((schedule, i) => push('schedule', scheduleRow(schedule, record.id, serviceAtLocation.id, i)));
      serviceAtLocation.phones.forEach((phone, i) => push('phone', phoneRow(phone, { service_at_location_id: serviceAtLocation.id }, i)));
      serviceAtLocation.contacts.forEach((contact, i) => addContact(contact, record.id, serviceAtLocation.id, i));
    });
    record.contacts.forEach((contact, position) => addContact(contact, record.id, null, position));
    record.phones.forEach((phone, position) => push('phone', phoneRow(phone, { service_id: record.id }, position)));
    record.schedules.forEach((schedule, position) => push('schedule', scheduleRow(schedule, record.id, null, position)));
    record.cost_options.forEach((cost, position) =>
      push('cost_option', {
        id: cost.id,
        service_id: record.id,
        valid_from: cost.valid_from ?? null,
        valid_to: cost.valid_to ?? null,
        option: cost.option ?? null,
        currency: cost.currency ?? null,
        amount: cost.amount ?? null,
        amount_description: cost.amount_description ?? null,
        position,
      }),
    );
    record.funding.forEach((funding, position) =>
      push('funding', {
        id: funding.id,
        service_id: record.id,
        source: funding.source ?? null,
        start_date: funding.start_date ?? null,
        end_date: funding.end_date ?? null,
        position,
      }),
    );
    record.languages.forEach((language, position) =>
      push('language', {
        id: language.id,
        service_id: record.id,
        location_id: null,
        phone_id: language.phone_id ?? null,
        name: language.name ?? null,
        code: language.code ?? null,
        note: language.note ?? null,
        position,
      }),
    );
    record.service_areas.forEach((area, position) =>
      push('service_area', {
        id: area.id,
        service_id: record.id,
        name: area.name ?? null,
        description: area.description ?? null,
        extent: area.extent ?? null,
        extent_type: area.extent_type ?? null,
        uri: area.uri ?? null,
        service_area: area.service_area ?? null,
        position,
      }),
    );
    addTerms(record.attributes, 'service', record.id);
  }

  const rewrittenOrganizationIds = changedOrganizations.map((organization) => organization.id);
  const rewrittenLocationIds = changedLocations.map((location) => location.id);
  const storedOrganizationIds = rewrittenOrganizationIds.filter((id) => storedOrganizationHashes.has(id));
  const storedLocationIds = rewrittenLocationIds.filter((id) => storedLocationHashes.has(id));

  // What changed in services already stored, before their rows are rewritten.
  await recordHistory(bulk, storedServiceIds, rows.service, rows.funding, options);

  // Clear the old children of everything being rewritten that was stored before.
  await clearChildren(bulk, storedServiceIds, storedLocationIds, storedOrganizationIds);

  const conflicts: IdConflict[] = [];
  const write = async <T extends keyof typeof rows>(table: T, owners: string[], dedupe = false) => {
    const tableRows = dedupe ? uniqueById(rows[table] as { id: string }[]) : (rows[table] as { id: string }[]);
    for (const id of await bulk.upsert(table, tableRows as never, { owners })) {
      conflicts.push({ table, id, serviceId: carriedBy.get(`${table}:${id}`)! });
    }
  };
  // Taxonomies and terms first, as attributes point at them. Our own terms are rewritten from
  // content/ at start-up (syncTaxonomy), so an imported copy of one cannot change it for long.
  await bulk.upsert('taxonomy', uniqueById(rows.taxonomy), { onConflict: 'keep' });
  await bulk.upsert('taxonomy_term', uniqueById(rows.taxonomy_term));
  // A stand-in (the record named no organisation) never overwrites an organisation the directory has.
  const standIns = new Set(organizations.filter(isStandInOrganization).map((organization) => organization.id));
  await bulk.upsert(
    'organization',
    rows.organization.filter((row) => !standIns.has(row.id!)),
  );
  await bulk.upsert(
    'organization',
    rows.organization.filter((row) => standIns.has(row.id!)),
    { onConflict: 'keep' },
  );
  await write('organization_identifier', ['organization_id']);
  await bulk.upsert('location', rows.location);
  await bulk.upsert('service', rows.service);
  await write('address', ['location_id']);
  await write('accessibility', ['location_id']);
  await write('service_at_location', ['service_id']);
  await write('contact', ['service_id', 'service_at_location_id']);
  await write('phone', ['service_id', 'location_id', 'contact_id', 'service_at_location_id']);
  await write('schedule', ['service_id', 'service_at_location_id']);
  await write('cost_option', ['service_id']);
  await write('funding', ['service_id']);
  await write('language', ['service_id', 'location_id']);
  await write('service_area', ['service_id']);
  await write('attribute', ['link_entity', 'link_id']);
  if (conflicts.length) throw new IdConflictError(conflicts);

  const batch = new Set(serviceIds);
  const affected = new Set<string>();
  for (const id of await bulk.idsWhereIn('service_at_location', 'service_id', 'location_id', storedLocationIds)) if (!batch.has(id)) affected.add(id);
  for (const id of await bulk.idsWhereIn('service', 'id', 'organization_id', storedOrganizationIds)) if (!batch.has(id)) affected.add(id);
  return { affectedServiceIds: [...affected] };
}

type ContactRecord = ServiceRecord['contacts'][number];
type PhoneRecord = ServiceRecord['phones'][number];
type ScheduleRecord = ServiceRecord['schedules'][number];

/** What a record sent that has no column, as stored (null when there is none). */
function keptJson(kept: KeptProperties | undefined): string | null {
  return kept && !isEmptyKept(kept) ? JSON.stringify(kept) : null;
}

/** A phone row; `owner` says whose it is (a service, place, contact, or service at one place). */
function phoneRow(
  phone: PhoneRecord,
  owner: Partial<Pick<Insertable<Tables['phone']>, 'service_id' | 'location_id' | 'contact_id' | 'service_at_location_id'>>,
  position: number,
): Insertable<Tables['phone']> & { id: string } {
  return {
    id: phone.id,
    service_id: null,
    location_id: null,
    contact_id: null,
    service_at_location_id: null,
    ...owner,
    number: phone.number,
    extension: phone.extension,
    type: phone.type ?? null,
    description: phone.description ?? null,
    position,
  };
}

function scheduleRow(
  schedule: ScheduleRecord,
  serviceId: string,
  serviceAtLocationId: string | null,
  position: number,
): Insertable<Tables['schedule']> & { id: string } {
  return {
    id: schedule.id,
    service_id: serviceId,
    service_at_location_id: serviceAtLocationId,
    valid_from: schedule.valid_from ?? null,
    valid_to: schedule.valid_to ?? null,
    dtstart: schedule.dtstart ?? null,
    until: schedule.until ?? null,
    timezone: schedule.timezone ?? null,
    freq: schedule.freq ?? null,
    interval: schedule.interval ?? null,
    byday: schedule.byday ?? null,
    bymonthday: schedule.bymonthday ?? null,
    opens_at: schedule.opens_at ?? null,
    closes_at: schedule.closes_at ?? null,
    schedule_link: schedule.schedule_link ?? null,
    attending_type: schedule.attending_type ?? null,
    notes: schedule.notes ?? null,
    description: schedule.description ?? null,
    position,
  };
}

/**
 * Service fields whose changes go into change_history: what people rely on when deciding
 * whether to go (issue 5 asks for status, assured_date, funding and capacity; the rest of the
 * details a person acts on come with them). Bookkeeping columns are left out.
 */
export const HISTORY_SERVICE_FIELDS = [
  'name',
  'status',
  'assured_date',
  'assurer_email',
  'alert',
  'capacity_status',
  'waiting_weeks',
  'capacity_updated',
  'email',
  'url',
  'fees',
  'fees_description',
  'eligibility_description',
  'minimum_age',
  'maximum_age',
  'referral_routes',
  'referral_instructions',
  'organization_id',
] as const;
const FUNDING_FIELDS = ['source', 'start_date', 'end_date'] as const;

const historyText = (value: unknown): string | null => (value == null ? null : String(value));

/** Writes a change_history row for each tracked field that the new rows change in stored services. */
async function recordHistory(
  bulk: AsyncBulkWriter,
  storedServiceIds: string[],
  services: Rows<'service'>,
  funding: Rows<'funding'>,
  options: WriteOptions,
): Promise<void> {
  if (!storedServiceIds.length) return;
  const changedBy = options.changedBy ?? (options.source ? `import from ${options.source}` : 'import');
  const history: Rows<'change_history'> = [];
  const add = (entity: string, entityId: string, action: string, field: string, oldValue: unknown, newValue: unknown) => {
    history.push({
      entity,
      entity_id: entityId,
      action,
      field,
      old_value: historyText(oldValue),
      new_value: historyText(newValue),
      changed_at: options.now,
      changed_by: changedBy,
      reason: null,
    });
  };
  const oldServices = new Map(
    (await bulk.rowsWhereIn('service', ['id', ...HISTORY_SERVICE_FIELDS], 'id', storedServiceIds)).map((row) => [row.id as string, row]),
  );
  for (const row of services) {
    const old = oldServices.get(row.id);
    if (!old) continue;
    for (const field of HISTORY_SERVICE_FIELDS) {
      const before = historyText(old[field]);
      const after = historyText((row as Record<string, unknown>)[field]);
      if (before !== after) add('service', row.id, 'update', field, before, after);
    }
  }
  const oldFunding = new Map(
    (await bulk.rowsWhereIn('funding', ['id', 'service_id', ...FUNDING_FIELDS], 'service_id', storedServiceIds)).map((row) => [row.id as string, row]),
  );
  for (const row of funding) {
    const old = oldFunding.get(row.id);
    oldFunding.delete(row.id);
    for (const field of FUNDING_FIELDS) {
      const before = old ? historyText(old[field]) : null;
      const after = historyText(row[field]);
      if (before !== after) add('funding', row.id, old ? 'update' : 'create', field, before, after);
    }
  }
  // Funding a stored service had that the new record leaves out.
  for (const [id, old] of oldFunding) add('funding', id, 'delete', 'end_date', old.end_date, null);
  await bulk.insert('change_history', history);
}

async function clearChildren(bulk: AsyncBulkWriter, serviceIds: string[], locationIds: string[], organizationIds: string[]): Promise<void> {
  const contactIds = await bulk.idsWhereIn('contact', 'id', 'service_id', serviceIds);
  const addressIds = await bulk.idsWhereIn('address', 'id', 'location_id', locationIds);
  const accessibilityIds = await bulk.idsWhereIn('accessibility', 'id', 'location_id', locationIds);
  const identifierIds = await bulk.idsWhereIn('organization_identifier', 'id', 'organization_id', organizationIds);
  const attributesOf: [string, string[]][] = [
    ['service', serviceIds],
    ['location', locationIds],
    ['organization', organizationIds],
    ['organization_identifier', identifierIds],
    ['contact', contactIds],
    ['address', addressIds],
    ['accessibility', accessibilityIds],
  ];
  for (const [entity, ids] of attributesOf) await bulk.deleteWhereIn('attribute', 'link_id', ids, ['link_entity', entity]);
  await bulk.deleteWhereIn('organization_identifier', 'organization_id', organizationIds);
  for (const table of ['address', 'accessibility', 'phone', 'language'] as const) await bulk.deleteWhereIn(table, 'location_id', locationIds);
  // Phones a service has at one of its places hang on the service_at_location row, not the service.
  await bulk.deleteWhereIn('phone', 'service_at_location_id', await bulk.idsWhereIn('service_at_location', 'id', 'service_id', serviceIds));
  // Contacts' phones go with their contacts (on delete cascade).
  for (const table of ['service_at_location', 'contact', 'phone', 'schedule', 'cost_option', 'funding', 'language', 'service_area'] as const) {
    await bulk.deleteWhereIn(table, 'service_id', serviceIds);
  }
}
