// The search document: what every search backend stores for one service, built from the
// service's full Open Referral record.
import type { AttributeRecord, ServiceRecord } from '../openreferral-schema/schemas';
import type { CapacityFacet, FilterFields } from './filters';
import { summariseCost } from '../directory/cost';
import { describeSchedules, scheduleCoverage } from '../directory/schedule-text';
import { ACCESSIBILITY_TAXONOMY, CATEGORY_TAXONOMY, getTaxonomy } from '../taxonomy/taxonomy';
import { effectiveDeliveryModes } from '../directory/delivery';
import { termToken } from './query-text';
import { transportFeatures } from '../directory/transport';
import { areaByName } from '../geo/areas';
import { councilAreaId, councilByName } from '../geo/councils';
import { NO_SIGNALS, assessFreshness, type Freshness, type FreshnessSignals } from '../freshness/rules';
import { getFreshnessSettings } from '../freshness/settings';
import type { Crosswalk } from '../taxonomy/crosswalk';
import { languageName, storedLanguageKey } from './languages';

const NO_CROSSWALK: Crosswalk = new Map();

export interface DocumentPlace {
  name: string;
  latitude: number;
  longitude: number;
}

/** Raise when the shape or wording of documents changes, so stored ones are rebuilt at start. */
export const SEARCH_DOCUMENT_VERSION = 8;

export interface SearchDocument {
  id: string;
  name: string;
  organization: { id: string; name: string };
  description: string;
  /** Names of the service's categories (with their parents) and accessibility features. */
  categoryText: string;
  /**
   * A token for each of those categories and features (termToken), through which lay words find
   * them: "catfoodbanks catfood accstepfree". Kept apart from the words, so that nothing typed
   * matches a token.
   */
  termText: string;
  /** Names of the categories given to the service, for showing. */
  categoryNames: string[];
  costText: string;
  scheduleText: string;
  deliveryModes: string[];
  /** Where it happens, in a few words: "Elswick Library, Newcastle upon Tyne, and 2 other places". */
  placeText: string;
  /** Its physical places with a usable position, for distance and the map. */
  places: DocumentPlace[];
  /** They visit people at home. */
  homeVisits: boolean;
  /** Can it be trusted as it stands (src/lib/freshness/rules.ts), as of the day it was built. */
  freshness: Freshness;
  assuredDate: string | null;
  lastModified: string | null;
  capacityStatus: string | null;
  waitingWeeks: number | null;
  referralRoutes: string[];
  /** Plain English names of the languages spoken there (the service's and its places'). */
  languages: string[];
  status: string;
  alert: string | null;
  fields: FilterFields;
}

/**
 * Our term that an attribute names: by term uuid, or by code when the term says it is from our
 * taxonomy (by its taxonomy id or code). Another taxonomy's term with the same code is not ours.
 */
function termOf<T>(attribute: AttributeRecord, ours: { id: string; code: string }, byUuid: Map<string, T>, byCode: Map<string, T>): T | undefined {
  const termId = attribute.taxonomy_term?.id ?? attribute.taxonomy_term_id;
  const byId = termId ? byUuid.get(termId) : undefined;
  if (byId) return byId;
  const term = attribute.taxonomy_term;
  if (!term?.code || (term.taxonomy_id !== ours.id && term.taxonomy !== ours.code)) return undefined;
  return byCode.get(term.code);
}

/**
 * A service's category codes with their parents, as search, reports and the freshness rules see
 * them: its own terms of our taxonomy, and those another taxonomy's terms map to (the crosswalk).
 */
export function serviceCategoryCodes(record: ServiceRecord, crosswalk: Crosswalk = NO_CROSSWALK): string[] {
  return termCodes(record, crosswalk).categories;
}

/**
 * Category codes (with ancestors) and accessibility codes of a record, via term uuid or code, or
 * through the crosswalk for another taxonomy's terms; and the names of those other terms.
 */
function termCodes(
  record: ServiceRecord,
  crosswalk: Crosswalk,
): {
  categories: string[];
  directCategories: string[];
  access: string[];
  foreignNames: string[];
} {
  const taxonomy = getTaxonomy();
  const direct: string[] = [];
  const foreignNames: string[] = [];
  for (const attribute of record.attributes) {
    const term = termOf(attribute, CATEGORY_TAXONOMY, taxonomy.categoryByUuid, taxonomy.categoryByCode);
    const termId = attribute.taxonomy_term?.id ?? attribute.taxonomy_term_id;
    const code = term?.id ?? (termId ? crosswalk.get(termId) : undefined);
    if (!term && attribute.taxonomy_term?.name && !taxonomy.accessibilityByUuid.has(attribute.taxonomy_term.id)) {
      foreignNames.push(attribute.taxonomy_term.name);
    }
    if (code && !direct.includes(code)) direct.push(code);
  }
  const categories = [...new Set(direct.flatMap((code) => taxonomy.ancestorsOf(code)))];
  const access = new Set<string>();
  for (const { location } of record.service_at_locations) {
    for (const attribute of location.attributes) {
      const term = termOf(attribute, ACCESSIBILITY_TAXONOMY, taxonomy.accessibilityByUuid, taxonomy.accessibilityByCode);
      if (term) access.add(term.id);
    }
  }
  return { categories, directCategories: direct, access: [...access], foreignNames: [...new Set(foreignNames)] };
}

/** Physical places with a position that can be right (the official example has latitude 100). */
export function documentPlaces(record: ServiceRecord): DocumentPlace[] {
  return record.service_at_locations.flatMap(({ location }) => {
    const { latitude, longitude } = location;
    if (location.location_type !== 'physical' || latitude == null || longitude == null) return [];
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || (latitude === 0 && longitude === 0)) return [];
    const address = location.addresses[0];
    return [{ name: location.name?.trim() || address?.address_1?.trim() || 'Place', latitude, longitude }];
  });
}

/** Our areas that a service's service areas name (by name or alias), or else the council they
 * name ("Sunderland", "Sunderland City Council"); not their parents, as covering Elswick is not
 * covering all of Newcastle. */
export function serviceAreaIds(record: ServiceRecord): string[] {
  const ids = new Set<string>();
  for (const area of record.service_areas) {
    if (!area.name) continue;
    const own = areaByName(area.name);
    const council = own ? undefined : councilByName(area.name);
    if (own) ids.add(own.id);
    else if (council) ids.add(councilAreaId(council));
  }
  return [...ids];
}

/** Keys of the languages a service's record says are spoken, by the service or at any of its places. */
export function serviceLanguageKeys(record: ServiceRecord): string[] {
  const stored = [...record.languages, ...record.service_at_locations.flatMap(({ location }) => location.languages)];
  return [...new Set(stored.map(storedLanguageKey).filter((key) => key !== ''))];
}

/** The first place a service runs and how many more; or the areas it covers when it has no place. */
export function placeText(record: ServiceRecord): string {
  const places = record.service_at_locations.map(({ location }) => location).filter((location) => location.location_type === 'physical');
  if (places.length === 0) {
    const areas = record.service_areas.map((area) => area.name?.trim()).filter((name): name is string => Boolean(name));
    return areas.length ? `Covers ${areas.join(', ')}` : '';
  }
  const first = places[0]!;
  const address = first.addresses[0];
  const town = address?.city?.trim() || address?.address_2?.trim();
  const name = first.name?.trim() || address?.address_1?.trim() || '';
  const where = [name, town && !name.includes(town) ? town : null].filter(Boolean).join(', ');
  const more = places.length - 1;
  return more === 0 ? where : `${where}, and ${more} other ${more === 1 ? 'place' : 'places'}`;
}

export function buildSearchDocument(
  record: ServiceRecord,
  today: string,
  signals: FreshnessSignals = NO_SIGNALS,
  crosswalk: Crosswalk = NO_CROSSWALK,
): SearchDocument {
  const taxonomy = getTaxonomy();
  const { categories, directCategories, access, foreignNames } = termCodes(record, crosswalk);
  const cost = summariseCost(record.cost_options, today, record.fees ?? record.fees_description);
  // A service open on Saturdays at one of its places only is open on Saturdays.
  const schedules = [...record.schedules, ...record.service_at_locations.flatMap((sal) => sal.schedules ?? [])];
  const coverage = scheduleCoverage(schedules, today);
  const modes = effectiveDeliveryModes(record);
  const referralRoutes = record.referral_routes ?? [];
  const places = documentPlaces(record);
  const languages = serviceLanguageKeys(record);
  const freshness = assessFreshness(record, categories, today, getFreshnessSettings(), signals);
  // The names of another taxonomy's terms are words of the service too ("Isolation and companionship").
  const categoryText = [
    ...categories.map((code) => taxonomy.categoryByCode.get(code)!.name),
    ...access.map((code) => taxonomy.accessibilityByCode.get(code)!.name),
    ...foreignNames,
  ].join('. ');
  const termText = [...categories.map((code) => termToken('category', code)), ...access.map((code) => termToken('access', code))].join(' ');
  // Plain values, each declared by its filter (src/lib/search/filters/).
  const fields: FilterFields = {
    points: places.flatMap((place) => [place.latitude, place.longitude]),
    areas: serviceAreaIds(record),
    remote: modes.includes('phone') || modes.includes('online') || record.home_visits === true,
    categories,
    cost: cost.bands,
    lowestCost: cost.lowest,
    modes,
    days: coverage.days,
    sessions: coverage.sessions,
    minimumAge: record.minimum_age ?? null,
    maximumAge: record.maximum_age ?? null,
    referral: referralRoutes,
    access,
    languages,
    capacity: (record.capacity_status ?? 'unknown') as CapacityFacet,
    transport: transportFeatures(record),
    status: record.status,
    freshness: freshness.status,
  };
  return {
    id: record.id,
    name: record.name,
    organization: { id: record.organization.id, name: record.organization.name },
    description: record.description ?? '',
    categoryText,
    termText,
    categoryNames: directCategories.map((code) => taxonomy.categoryByCode.get(code)!.name),
    costText: cost.text,
    scheduleText: describeSchedules(schedules, today),
    deliveryModes: modes,
    placeText: placeText(record),
    places,
    homeVisits: record.home_visits === true,
    freshness,
    assuredDate: record.assured_date ?? null,
    lastModified: record.last_modified ?? null,
    capacityStatus: record.capacity_status ?? null,
    waitingWeeks: record.waiting_weeks ?? null,
    referralRoutes,
    languages: languages.map(languageName),
    status: record.status,
    alert: record.alert ?? null,
    fields,
  };
}
