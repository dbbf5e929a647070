// Reads services back out of the directory as full Open Referral records (service_full),
// loading each table once per batch rather than once per service.
import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, TaxonomyTermTable } from '../db/types';
import type { AttributeRecord, LocationRecord, ServiceRecord } from '../openreferral-schema/schemas';
import { restoreProperties, type KeptProperties } from '../openreferral-schema/kept-properties';
import { isStandInOrganization, STAND_IN_ORGANIZATION_NAME } from '../openreferral-schema/normalise-record';

type Db = Kysely<DatabaseSchema>;
const BATCH = 900;

function groupBy<R, K>(rows: R[], key: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function parseList<T>(json: string | null): T[] | null {
  return json ? (JSON.parse(json) as T[]) : null;
}

/** A JSON extension column (stored already validated), or undefined when empty so it is left out. */
function parseObject<T>(json: string | null): T | undefined {
  return json ? (JSON.parse(json) as T) : undefined;
}

/** Removes null and undefined properties, as Open Referral leaves unknown values out. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** Ids of every service, in a stable order, optionally only those with a given source. */
export async function serviceIds(db: Db, options: { includeClosed?: boolean } = {}): Promise<string[]> {
  let query = db.selectFrom('service').select('id').orderBy('id');
  if (options.includeClosed === false) query = query.where('status', '=', 'active');
  return (await query.execute()).map((row) => row.id);
}

export async function readService(db: Db, id: string): Promise<ServiceRecord | undefined> {
  return (await readServices(db, [id]))[0];
}

/** Full records for the given ids, in the same order; unknown ids are left out. */
export async function readServices(db: Db, ids: string[]): Promise<ServiceRecord[]> {
  const out: ServiceRecord[] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(...(await readBatch(db, ids.slice(i, i + BATCH))));
  return out;
}

async function readBatch(db: Db, ids: string[]): Promise<ServiceRecord[]> {
  if (!ids.length) return [];
  const services = await db.selectFrom('service').selectAll().where('id', 'in', ids).execute();
  if (!services.length) return [];
  const organizationIds = [...new Set(services.map((s) => s.organization_id))];
  const [organizations, identifiers, sals, contacts, schedules, costs, funding, languages, areas, serviceAttributes] = await Promise.all([
    db.selectFrom('organization').selectAll().where('id', 'in', organizationIds).execute(),
    db.selectFrom('organization_identifier').selectAll().where('organization_id', 'in', organizationIds).orderBy('id').execute(),
    db.selectFrom('service_at_location').selectAll().where('service_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('contact').selectAll().where('service_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('schedule').selectAll().where('service_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('cost_option').selectAll().where('service_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('funding').selectAll().where('service_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('language').selectAll().where('service_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('service_area').selectAll().where('service_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('attribute').selectAll().where('link_entity', '=', 'service').where('link_id', 'in', ids).orderBy('position').execute(),
  ]);
  const locationIds = [...new Set(sals.map((row) => row.location_id))];
  const contactIds = contacts.map((row) => row.id);
  const salIds = sals.map((row) => row.id);
  const [locations, addresses, accessibility, locationPhones, locationLanguages, locationAttributes, servicePhones, contactPhones] = await Promise.all([
    db
      .selectFrom('location')
      .selectAll()
      .where('id', 'in', locationIds.length ? locationIds : [''])
      .execute(),
    db
      .selectFrom('address')
      .selectAll()
      .where('location_id', 'in', locationIds.length ? locationIds : [''])
      .orderBy('position')
      .execute(),
    db
      .selectFrom('accessibility')
      .selectAll()
      .where('location_id', 'in', locationIds.length ? locationIds : [''])
      .orderBy('position')
      .execute(),
    db
      .selectFrom('phone')
      .selectAll()
      .where('location_id', 'in', locationIds.length ? locationIds : [''])
      .orderBy('position')
      .execute(),
    db
      .selectFrom('language')
      .selectAll()
      .where('location_id', 'in', locationIds.length ? locationIds : [''])
      .orderBy('position')
      .execute(),
    db
      .selectFrom('attribute')
      .selectAll()
      .where('link_entity', '=', 'location')
      .where('link_id', 'in', locationIds.length ? locationIds : [''])
      .orderBy('position')
      .execute(),
    db.selectFrom('phone').selectAll().where('service_id', 'in', ids).orderBy('position').execute(),
    db
      .selectFrom('phone')
      .selectAll()
      .where('contact_id', 'in', contactIds.length ? contactIds : [''])
      .orderBy('position')
      .execute(),
  ]);
  const salPhones = salIds.length ? await db.selectFrom('phone').selectAll().where('service_at_location_id', 'in', salIds).orderBy('position').execute() : [];
  // Attributes of everything else that can carry them: organisations and their identifiers, contacts, addresses, accessibility.
  const otherOwners = [...organizationIds, ...identifiers.map((r) => r.id), ...contactIds, ...addresses.map((r) => r.id), ...accessibility.map((r) => r.id)];
  const otherAttributes = otherOwners.length
    ? await db
        .selectFrom('attribute')
        .selectAll()
        .where('link_entity', 'in', ['organization', 'organization_identifier', 'contact', 'address', 'accessibility'])
        .where('link_id', 'in', otherOwners)
        .orderBy('position')
        .execute()
    : [];
  const attributesByOwner = groupBy(otherAttributes, (r) => `${r.link_entity}:${r.link_id}`);
  const termIds = [...new Set([...serviceAttributes, ...locationAttributes, ...otherAttributes].map((row) => row.taxonomy_term_id))];
  const terms = termIds.length ? await db.selectFrom('taxonomy_term').selectAll().where('id', 'in', termIds).execute() : [];

  const organizationById = new Map(organizations.map((row) => [row.id, row]));
  const termById = new Map(terms.map((row) => [row.id, row]));
  const locationById = new Map(locations.map((row) => [row.id, row]));
  const byService = {
    sals: groupBy(sals, (r) => r.service_id),
    contacts: groupBy(
      contacts.filter((r) => !r.service_at_location_id),
      (r) => r.service_id,
    ),
    schedules: groupBy(
      schedules.filter((r) => !r.service_at_location_id),
      (r) => r.service_id,
    ),
    costs: groupBy(costs, (r) => r.service_id),
    funding: groupBy(funding, (r) => r.service_id),
    languages: groupBy(languages, (r) => r.service_id),
    areas: groupBy(areas, (r) => r.service_id),
    attributes: groupBy(serviceAttributes, (r) => r.link_id),
    phones: groupBy(servicePhones, (r) => r.service_id),
  };
  const byLocation = {
    addresses: groupBy(addresses, (r) => r.location_id),
    accessibility: groupBy(accessibility, (r) => r.location_id),
    phones: groupBy(locationPhones, (r) => r.location_id),
    languages: groupBy(locationLanguages, (r) => r.location_id),
    attributes: groupBy(locationAttributes, (r) => r.link_id),
  };
  // What a service has at one of its places only.
  const bySal = {
    schedules: groupBy(
      schedules.filter((r) => r.service_at_location_id),
      (r) => r.service_at_location_id,
    ),
    contacts: groupBy(
      contacts.filter((r) => r.service_at_location_id),
      (r) => r.service_at_location_id,
    ),
    phones: groupBy(salPhones, (r) => r.service_at_location_id),
  };
  const identifiersByOrganization = groupBy(identifiers, (r) => r.organization_id);
  const phonesByContact = groupBy(contactPhones, (r) => r.contact_id);

  const termOf = (term: Selectable<TaxonomyTermTable>) =>
    compact({
      id: term.id,
      code: term.code,
      name: term.name,
      description: term.description,
      parent_id: term.parent_id,
      taxonomy: term.taxonomy,
      taxonomy_id: term.taxonomy_id,
      term_uri: term.term_uri,
      term: term.term,
      language: term.language,
    });
  const attributesOf = (rows: Selectable<DatabaseSchema['attribute']>[] | undefined): AttributeRecord[] =>
    (rows ?? []).map((row) => {
      const term = termById.get(row.taxonomy_term_id);
      return compact({
        id: row.id,
        link_id: row.link_id,
        link_type: row.link_type,
        link_entity: row.link_entity,
        taxonomy_term_id: row.taxonomy_term_id,
        value: row.value,
        label: row.label,
        taxonomy_term: term ? termOf(term) : undefined,
      }) as AttributeRecord;
    });
  const phoneOf = (row: Selectable<DatabaseSchema['phone']>) =>
    compact({
      id: row.id,
      number: row.number,
      extension: row.extension,
      type: row.type,
      description: row.description,
    }) as ServiceRecord['phones'][number];
  const languageOf = (row: Selectable<DatabaseSchema['language']>) =>
    compact({
      id: row.id,
      name: row.name,
      code: row.code,
      note: row.note,
      phone_id: row.phone_id,
    }) as ServiceRecord['languages'][number];
  const withoutPosition = <R extends { position: number }>({ position: _position, ...rest }: R) => rest;
  const scheduleOf = (row: Selectable<DatabaseSchema['schedule']>) =>
    compact(withoutPosition({ ...row, service_id: undefined, service_at_location_id: undefined }));
  const contactOf = (row: Selectable<DatabaseSchema['contact']>) =>
    compact({
      ...withoutPosition({ ...row, service_id: undefined, service_at_location_id: undefined }),
      phones: (phonesByContact.get(row.id) ?? []).map(phoneOf),
      attributes: attributesOf(attributesByOwner.get(`contact:${row.id}`)),
    });

  const order = new Map(ids.map((id, index) => [id, index]));
  return services
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((service) => {
      const organization = organizationById.get(service.organization_id)!;
      const record = {
        id: service.id,
        name: service.name,
        alternate_name: service.alternate_name,
        description: service.description,
        url: service.url,
        email: service.email,
        status: service.status,
        fees: service.fees,
        fees_description: service.fees_description,
        accreditations: service.accreditations,
        eligibility_description: service.eligibility_description,
        minimum_age: service.minimum_age,
        maximum_age: service.maximum_age,
        assured_date: service.assured_date,
        assurer_email: service.assurer_email,
        alert: service.alert,
        last_modified: service.last_modified,
        organization: compact({
          id: organization.id,
          name: organization.name,
          alternate_name: organization.alternate_name,
          description: organization.description,
          email: organization.email,
          website: organization.website,
          logo: organization.logo,
          uri: organization.uri,
          parent_organization_id: organization.parent_organization_id,
          organization_identifiers: (identifiersByOrganization.get(organization.id) ?? []).map(({ organization_id: _o, ...rest }) =>
            compact({
              ...rest,
              attributes: attributesOf(attributesByOwner.get(`organization_identifier:${rest.id}`)),
            }),
          ),
          attributes: attributesOf(attributesByOwner.get(`organization:${organization.id}`)),
        }),
        service_at_locations: (byService.sals.get(service.id) ?? []).map((sal) => {
          const location = locationById.get(sal.location_id)!;
          return compact({
            id: sal.id,
            description: sal.description,
            location: compact({
              ...location,
              record_hash: undefined,
              transport: parseObject<LocationRecord['transport']>(location.transport),
              addresses: (byLocation.addresses.get(location.id) ?? []).map((row) =>
                compact(
                  withoutPosition({
                    ...row,
                    location_id: undefined,
                    attributes: attributesOf(attributesByOwner.get(`address:${row.id}`)),
                  }),
                ),
              ),
              phones: (byLocation.phones.get(location.id) ?? []).map(phoneOf),
              accessibility: (byLocation.accessibility.get(location.id) ?? []).map((row) =>
                compact(
                  withoutPosition({
                    ...row,
                    location_id: undefined,
                    attributes: attributesOf(attributesByOwner.get(`accessibility:${row.id}`)),
                  }),
                ),
              ),
              languages: (byLocation.languages.get(location.id) ?? []).map(languageOf),
              attributes: attributesOf(byLocation.attributes.get(location.id)),
            }),
            schedules: (bySal.schedules.get(sal.id) ?? []).map(scheduleOf),
            phones: (bySal.phones.get(sal.id) ?? []).map(phoneOf),
            contacts: (bySal.contacts.get(sal.id) ?? []).map(contactOf),
          });
        }),
        schedules: (byService.schedules.get(service.id) ?? []).map(scheduleOf),
        cost_options: (byService.costs.get(service.id) ?? []).map((row) => compact(withoutPosition({ ...row, service_id: undefined }))),
        funding: (byService.funding.get(service.id) ?? []).map((row) => compact(withoutPosition({ ...row, service_id: undefined }))),
        phones: (byService.phones.get(service.id) ?? []).map(phoneOf),
        contacts: (byService.contacts.get(service.id) ?? []).map(contactOf),
        languages: (byService.languages.get(service.id) ?? []).map(languageOf),
        service_areas: (byService.areas.get(service.id) ?? []).map((row) => compact(withoutPosition({ ...row, service_id: undefined }))),
        attributes: attributesOf(byService.attributes.get(service.id)),
        referral_routes: parseList(service.referral_routes),
        referral_instructions: service.referral_instructions,
        capacity_status: service.capacity_status,
        waiting_weeks: service.waiting_weeks,
        capacity_updated: service.capacity_updated,
        delivery_modes: parseList(service.delivery_modes),
        support_to_attend: parseList(service.support_to_attend),
        first_visit: service.first_visit,
        not_for: service.not_for,
        transport_offered: parseObject<ServiceRecord['transport_offered']>(service.transport_offered),
        home_visits: service.home_visits == null ? null : service.home_visits === 1,
        group_size: service.group_size,
      };
      // What the record sent that has no column goes back on its objects, as it came.
      const kept = service.extra_properties ? (JSON.parse(service.extra_properties) as KeptProperties) : null;
      const restored = restoreProperties(compact(record), kept ?? { properties: {} }) as unknown as ServiceRecord;
      // A stand-in that a later record gave a name (the organisation it stood in for) is a stand-in no more.
      if (isStandInOrganization(restored.organization) && restored.organization.name !== STAND_IN_ORGANIZATION_NAME) {
        delete (restored.organization as { stand_in?: unknown }).stand_in;
      }
      return restored;
    });
}
