// What the Open Referral UK API serves of a record: full services (service_full with our
// extensions and the freshness status), the one-to-one summaries its lists give, service at
// location rows, organisations and taxonomy terms, in the UK profile's property names.
import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, OrganizationTable, TaxonomyTable, TaxonomyTermTable } from '../../db/types';
import type { LocationRecord, ServiceRecord } from '../schemas';
import { assessFreshness, type Freshness } from '../../freshness/rules';
import { getFreshnessSettings } from '../../freshness/settings';
import { loadFreshnessSignals } from '../../freshness/signals';
import { serviceCategoryCodes } from '../../search/search-document';
import { readServices } from '../../directory/service-reader';
import { todayInUk } from '../../dates';

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

/** Full records for these ids, in the same order, each with its freshness; unknown ids left out. */
export async function readApiRecords(db: Db, ids: string[], today = todayInUk()): Promise<{ record: ServiceRecord; freshness: ApiFreshness }[]> {
  const records = await readServices(db, ids);
  const signals = await loadFreshnessSignals(db, records.map((record) => record.id));
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

/** The UK profile requires an organisation's description; an empty one stands for none given. */
export function organizationSummary(organization: {
  id: string; name: string; description?: string | null; email?: string | null; website?: string | null;
  logo?: string | null; uri?: string | null; parent_organization_id?: string | null;
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
  const { id, organization, ...rest } = record;
  return {
    id,
    organization_id: organization.id,
    ...rest,
    organization: { ...organization, description: organization.description ?? '' },
    freshness,
  } as ApiService;
}

/** Extensions with one value per service, which the lists carry too. */
const SCALAR_EXTENSIONS = [
  'referral_routes', 'referral_instructions', 'capacity_status', 'waiting_weeks', 'capacity_updated', 'delivery_modes',
  'support_to_attend', 'first_visit', 'not_for', 'home_visits', 'group_size',
] as const;

/** A service as lists give it: its one-to-one fields (service_list.json), scalar extensions and freshness. */
export function serviceSummary(record: ServiceRecord, freshness: ApiFreshness): ApiService {
  const extensions = Object.fromEntries(SCALAR_EXTENSIONS.map((key) => [key, record[key]]));
  return compact({
    id: record.id,
    organization_id: record.organization.id,
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
    organization: organizationSummary(record.organization),
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

/** One service at one place in full: the place with everything about it, and the full service. */
export function fullServiceAtLocation(sal: ServiceAtLocation, record: ServiceRecord, freshness: ApiFreshness) {
  return compact({
    id: sal.id,
    service_id: record.id,
    location_id: sal.location.id,
    description: sal.description,
    location: sal.location,
    service: fullService(record, freshness),
  });
}

export function organizationFull(
  organization: Selectable<OrganizationTable>, identifiers: Selectable<DatabaseSchema['organization_identifier']>[], services: ApiService[],
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
    id: row.id, code: row.code, name: row.name, description: row.description ?? '', parent_id: row.parent_id,
    taxonomy: row.taxonomy, taxonomy_id: row.taxonomy_id, term_uri: row.term_uri, term: row.term, language: row.language,
  });
}
