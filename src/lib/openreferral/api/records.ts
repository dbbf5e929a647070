// What the Open Referral UK API serves of a record: full services (service_full with our
// extensions and the freshness status), the one-to-one summaries its lists give, service at
// location rows, organisations and taxonomy terms, in the UK profile's property names.
import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, OrganizationTable, TaxonomyTable, TaxonomyTermTable } from '../../db/types';
import type { LocationRecord, ServiceRecord } from '../../openreferral-schema/schemas';
import { assessFreshness, type Freshness } from '../../freshness/rules';
import { getFreshnessSettings } from '../../freshness/settings';
import { loadFreshnessSignals } from '../../freshness/signals';
import { serviceCategoryCodes } from '../../search/search-document';
import { readServices } from '../../directory/service-reader';
import { todayInUk } from '../../dates';
import { restoreKeptObjects, type KeptProperties } from '../../openreferral-schema/kept-properties';
import { isStandInOrganization } from '../../openreferral-schema/normalise-record';

type Db = Kysely<DatabaseSchema>;

/** Our extension: can the listing be trusted as it stands (src/lib/freshness/rules.ts), today. */
export interface ApiFreshness {
  status: Freshness['status'];
  flags: { flag: string; severity: string; message: string }[];
  assured_date: string | null;
  funding_end_date: string | null;
  review_due: string | null;
}

export type ApiService = Record<string, unknown> & { id: string; name: string; status: string };

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/**
 * Full records as the API and export serve them, in the order of the ids (unknown ids left out):
 * what the directory holds, with what the feed sent that it has no column for put back where it
 * was sent (kept-properties.ts). Copies of a place kept whole have no location: the
 * service_at_location endpoints use only those the directory filed.
 */
export async function readServedRecords(db: Db, ids: string[]): Promise<ServiceRecord[]> {
  const records = await readServices(db, ids);
  const keptRows = records.length
    ? await db
        .selectFrom('service')
        .select(['id', 'extra_properties'])
        .where(
          'id',
          'in',
          records.map((record) => record.id),
        )
        .where('extra_properties', 'is not', null)
        .execute()
    : [];
  const kept = new Map(keptRows.map((row) => [row.id, (JSON.parse(row.extra_properties!) as KeptProperties).kept]));
  return records.map((record) => (kept.has(record.id) ? restoreKeptObjects(record, kept.get(record.id)!) : record));
}

/** Full records for these ids, in the same order, each with its freshness; unknown ids left out. */
export async function readApiRecords(db: Db, ids: string[], today = todayInUk()): Promise<{ record: ServiceRecord; freshness: ApiFreshness }[]> {
  const records = await readServedRecords(db, ids);
  const signals = await loadFreshnessSignals(
    db,
    records.map((record) => record.id),
  );
  const settings = getFreshnessSettings();
  return records.map((record) => {
    const freshness = assessFreshness(record, serviceCategoryCodes(record), today, settings, signals.get(record.id));
    return {
      record,
      freshness: {
        status: freshness.status,
        flags: freshness.flags.map(({ flag, severity, sentence }) => ({ flag, severity, message: sentence })),
        assured_date: freshness.assured_date,
        funding_end_date: freshness.funding_end_date,
        review_due: freshness.review_due,
      },
    };
  });
}

type Json = Record<string, unknown>;

/**
 * A record in the standard's own types, as published: phone extensions as numbers (we store
 * text), every taxonomy term with the description the standard requires, and no stand-in
 * organisation (one the record did not give). Returns a copy.
 */
export function asPublished(record: ServiceRecord): Json {
  const copy = structuredClone(record) as Json;
  const walk = (value: unknown, key: string | null) => {
    if (Array.isArray(value)) {
      value.forEach((item) => walk(item, key));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const object = value as Json;
    if (key === 'phones' && typeof object.extension === 'string') {
      if (/^\d{1,15}$/.test(object.extension.trim())) object.extension = Number(object.extension.trim());
      else delete object.extension; // not a number: the standard cannot carry it (the import refuses such values now)
    }
    if (key === 'taxonomy_term' && typeof object.description !== 'string') object.description = '';
    for (const [childKey, child] of Object.entries(object)) if (child && typeof child === 'object') walk(child, childKey);
  };
  walk(copy, null);
  if (isStandInOrganization(record.organization)) delete copy.organization;
  return copy;
}

/** The UK profile requires an organisation's description; an empty one stands for none given. */
export function organizationSummary(organization: {
  id: string;
  name: string;
  description?: string | null;
  email?: string | null;
  website?: string | null;
  logo?: string | null;
  uri?: string | null;
  parent_organization_id?: string | null;
}) {
  return compact({
    id: organization.id,
    name: organization.name,
    description: organization.description ?? '',
    email: organization.email,
    website: organization.website,
    logo: organization.logo,
    uri: organization.uri,
    parent_organization_id: organization.parent_organization_id,
  });
}

/** A full service: service_full, organization_id, our extensions, and freshness. */
export function fullService(record: ServiceRecord, freshness: ApiFreshness): ApiService {
  const { id, organization, ...rest } = asPublished(record);
  return {
    id,
    ...(organization ? { organization_id: record.organization.id } : {}),
    ...rest,
    ...(organization ? { organization: { ...(organization as Json), description: record.organization.description ?? '' } } : {}),
    freshness,
  } as unknown as ApiService;
}

/** Extensions with one value per service, which the lists carry too. */
const SCALAR_EXTENSIONS = [
  'referral_routes',
  'referral_instructions',
  'capacity_status',
  'waiting_weeks',
  'capacity_updated',
  'delivery_modes',
  'support_to_attend',
  'first_visit',
  'not_for',
  'home_visits',
  'group_size',
] as const;

/** A service as lists give it: its one-to-one fields (service_list.json), scalar extensions and freshness. */
export function serviceSummary(record: ServiceRecord, freshness: ApiFreshness): ApiService {
  const extensions = Object.fromEntries(SCALAR_EXTENSIONS.map((key) => [key, record[key]]));
  const organization = isStandInOrganization(record.organization) ? null : record.organization;
  return compact({
    id: record.id,
    organization_id: organization?.id ?? (record as Json).organization_id,
    name: record.name,
    description: record.description,
    url: record.url,
    email: record.email,
    status: record.status,
    fees: record.fees,
    accreditations: record.accreditations,
    minimum_age: record.minimum_age,
    maximum_age: record.maximum_age,
    assured_date: record.assured_date,
    assurer_email: record.assurer_email,
    alert: record.alert,
    last_modified: record.last_modified,
    organization: organization ? organizationSummary(organization) : undefined,
    ...extensions,
    freshness,
  }) as ApiService;
}

/** A place's one-to-one fields, as service_at_location_list.json gives it. */
export function locationSummary(location: LocationRecord) {
  return compact({
    id: location.id,
    location_type: location.location_type,
    url: location.url,
    name: location.name,
    alternate_name: location.alternate_name,
    description: location.description,
    latitude: location.latitude,
    longitude: location.longitude,
    external_identifier: location.external_identifier,
    external_identifier_type: location.external_identifier_type,
  });
}

type ServiceAtLocation = ServiceRecord['service_at_locations'][number];

export function serviceAtLocationSummary(sal: ServiceAtLocation, record: ServiceRecord, freshness: ApiFreshness) {
  return {
    id: sal.id,
    service_id: record.id,
    location_id: sal.location.id,
    location: locationSummary(sal.location),
    service: serviceSummary(record, freshness),
  };
}

/** One service at one place in full: the place with everything about it, what the service has there only, and the full service. */
export function fullServiceAtLocation(sal: ServiceAtLocation, record: ServiceRecord, freshness: ApiFreshness) {
  const service = fullService(record, freshness);
  const published = (service.service_at_locations as Json[]).find((each) => each.id === sal.id && each.location) ?? {};
  const { id: _id, description: _description, location, ...atThisPlace } = published;
  return compact({
    id: sal.id,
    service_id: record.id,
    location_id: sal.location.id,
    description: sal.description,
    ...atThisPlace,
    location,
    service,
  });
}

export function organizationFull(
  organization: Selectable<OrganizationTable>,
  identifiers: Selectable<DatabaseSchema['organization_identifier']>[],
  services: ApiService[],
) {
  return {
    ...organizationSummary(organization),
    ...(organization.alternate_name ? { alternate_name: organization.alternate_name } : {}),
    organization_identifiers: identifiers.map((row) => compact({ ...row })),
    services,
  };
}

export function taxonomyOf(row: Selectable<TaxonomyTable>) {
  return compact({ id: row.id, name: row.name, description: row.description ?? '', uri: row.uri, version: row.version });
}

export function taxonomyTermOf(row: Selectable<TaxonomyTermTable>) {
  return compact({
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description ?? '',
    parent_id: row.parent_id,
    taxonomy: row.taxonomy,
    taxonomy_id: row.taxonomy_id,
    term_uri: row.term_uri,
    term: row.term,
    language: row.language,
  });
}
