// The one list of search filters: their parameters (declared once, in PARAMETER_DEFINITIONS:
// schema, empty value, label, role), allowed values, how a request is parsed (with errors
// written for people), and what each filter means for a search document.
// The search page, the JSON API and every search backend read this module.
import { z } from 'zod';
import { DELIVERY_MODES, REFERRAL_ROUTES } from '../openreferral-schema/schemas';
import { CAPACITY_FACET } from '../vocabulary';
import { COST_BANDS } from '../directory/cost';
import { DAYS, TIMES_OF_DAY } from '../directory/schedule-text';
import { getTaxonomy } from '../taxonomy/taxonomy';
import { TRANSPORT_FEATURES } from '../directory/transport';
import { getAreas } from '../geo/areas';
import { councilOnlyAreaIds } from '../geo/councils';
import { languageKey } from './languages';

export { COST_BANDS, DAYS, TIMES_OF_DAY, DELIVERY_MODES, REFERRAL_ROUTES, TRANSPORT_FEATURES };
export const SORTS = ['relevance', 'distance', 'recently_verified'] as const;
/** What the transport filter accepts: the services' own features, and "walk" (within walk_km of near). */
export const TRANSPORT_OPTIONS = ['bus', 'walk', 'step_free', 'parking', 'provided', 'no_travel'] as const;
export const VIEWS = ['list', 'map'] as const;
/** How far is "walking distance" when walk_km is not given. */
export const DEFAULT_WALK_KM = 1.5;
/** Distances (km) that radius facet counts are given for. */
export const RADIUS_FACETS = [1, 2, 5, 10] as const;
export const MAX_NEAR_LENGTH = 100;
export const CAPACITY_FILTERS = ['available', 'accepting'] as const;
export const CAPACITY_FACETS = CAPACITY_FACET.values;
/** Amounts (pounds for one go) that max_cost facet counts are given for. */
export const MAX_COST_FACETS = [0, 2, 5, 10] as const;
/** Ages that age facet counts are given for: a child, a teenager, an adult, an older person. */
export const AGE_FACETS = [8, 16, 30, 70] as const;
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
/** Longer text is cut, never refused: people paste whole letters into search boxes. */
export const MAX_QUERY_LENGTH = 500;

export type CostBand = (typeof COST_BANDS)[number];
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export type Day = (typeof DAYS)[number];
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];
export type CapacityFacet = (typeof CAPACITY_FACETS)[number];
export type Sort = (typeof SORTS)[number];
export type TransportOption = (typeof TRANSPORT_OPTIONS)[number];
export type View = (typeof VIEWS)[number];

export interface SearchQuery {
  q: string;
  /** Where to measure from, as typed: a postcode, a postcode district, a place name or "lat,lng". */
  near: string;
  /** Only services within this many km of near (or covering its area, or by phone or online). */
  radius_km: number | null;
  category: string[];
  cost: CostBand[];
  max_cost: number | null;
  mode: DeliveryMode[];
  day: Day[];
  time: TimeOfDay[];
  age: number | null;
  referral: ReferralRoute[];
  access: string[];
  /** Languages spoken, as keys (src/lib/search/languages.ts): any one chosen will do. */
  language: string[];
  capacity: (typeof CAPACITY_FILTERS)[number] | null;
  /** Every one chosen must be met. */
  transport: TransportOption[];
  /** How far "walk" means, in km (DEFAULT_WALK_KM when null). */
  walk_km: number | null;
  include_closed: boolean;
  /** Only listings whose freshness is ok (checked recently, nothing reported). */
  fresh: boolean;
  /** Search the words exactly as typed, without correcting their spelling (src/lib/search/spelling.ts). */
  as_typed: boolean;
  sort: Sort;
  view: View;
  page: number;
  per_page: number;
}

/** Sorted by distance when there is a place to measure from, unless another order is asked for. */
export function defaultSort(query: Pick<SearchQuery, 'near'>): Sort {
  return query.near ? 'distance' : 'relevance';
}

export type Parameter = keyof SearchQuery;

export interface ParameterError {
  parameter: Parameter;
  message: string;
  allowed?: string[];
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; query: SearchQuery; errors: ParameterError[] };

function oneOfList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

function enumParam<T extends string>(values: readonly T[], what: string) {
  return z.array(z.string().trim().toLowerCase()).transform((list, ctx) => {
    const out: T[] = [];
    for (const value of list) {
      if (value === '') continue;
      if (!(values as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not ${what}. Use one of ${oneOfList(values)}.`, params: { allowed: values } });
        continue;
      }
      if (!out.includes(value as T)) out.push(value as T);
    }
    return out;
  });
}

function numberParam(what: string, min: number, max: number, integer: boolean) {
  // "£5" and "5.00 " are what people type into a "most you can pay" box.
  return z.array(z.string().transform((v) => v.trim().replace(/^£\s*/, ''))).transform((list, ctx) => {
    const value = list.filter((v) => v !== '').at(-1);
    if (value === undefined) return null;
    const number = Number(value);
    const valid = /^\d+(\.\d+)?$/.test(value) && (!integer || Number.isInteger(number)) && number >= min && number <= max;
    if (!valid) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 40)}" is not ${what}. Use ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`,
      });
      return null;
    }
    return number;
  });
}

/** A repeatable taxonomy term, given by code or uuid, read as its code. */
function termParam(
  vocabulary: () => { byCode: Map<string, { id: string }>; byUuid: Map<string, { id: string }>; codes: string[] },
  refusal: (value: string, codes: string[]) => string,
) {
  return z.array(z.string().trim().toLowerCase()).transform((list, ctx) => {
    const { byCode, byUuid, codes } = vocabulary();
    const out: string[] = [];
    for (const value of list) {
      if (value === '') continue;
      const term = byCode.get(value) ?? byUuid.get(value);
      if (!term) {
        ctx.addIssue({ code: 'custom', message: refusal(value.slice(0, 60), codes), params: { allowed: codes } });
        continue;
      }
      if (!out.includes(term.id)) out.push(term.id);
    }
    return out;
  });
}

const categories = () => {
  const taxonomy = getTaxonomy();
  return { byCode: taxonomy.categoryByCode, byUuid: taxonomy.categoryByUuid, codes: taxonomy.categories.map((t) => t.id) };
};
const accessibilityFeatures = () => {
  const taxonomy = getTaxonomy();
  return { byCode: taxonomy.accessibilityByCode, byUuid: taxonomy.accessibilityByUuid, codes: taxonomy.accessibility.map((t) => t.id) };
};

/** A repeatable language, by ISO 639 code or by name in any case, read as its key. Whether the
 * directory has it is checked against the directory (src/lib/search/language-check.ts). */
const languageParam = z.array(z.string().trim()).transform((list, ctx) => {
  const out: string[] = [];
  for (const value of list) {
    if (value === '') continue;
    if (value.length > 60 || !/^[\p{L}\p{M}][\p{L}\p{M} '()-]*$/u.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 40)}" is not a language. Choose a language from the list, or give its name (such as "Polish") or its code (such as "pl").`,
      });
      continue;
    }
    const key = languageKey(value);
    if (!out.includes(key)) out.push(key);
  }
  return out;
});

const flag = z.array(z.string().trim().toLowerCase()).transform((list, ctx) => {
  const value = list.filter((v) => v !== '').at(-1);
  if (value === undefined) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  ctx.addIssue({
    code: 'custom',
    message: `"${value.slice(0, 40)}" is not allowed. Use 1 to turn this on or 0 to turn it off.`,
    params: { allowed: ['1', '0'] },
  });
  return false;
});

function single<T extends string>(values: readonly T[], what: string) {
  return enumParam(values, what).transform((list) => list.at(-1) ?? null);
}

/**
 * What a parameter is for: the words searched for (and how), a filter (narrows the results), a
 * modifier of a filter (walk_km: how far "walk" means), or how results are shown.
 */
export type ParameterRole = 'words' | 'filter' | 'modifier' | 'display';

/** One parameter of the search page and the API, declared once. */
export interface ParameterDefinition<K extends Parameter> {
  /** Reads all its values as given in the address; null means "not given" (the empty value stands). */
  schema: z.ZodType<SearchQuery[K] | null, z.ZodTypeDef, string[]>;
  /** Its value when not given (and what links leave out). */
  empty: SearchQuery[K];
  /** Its plain name, beside its field, in the error summary and in "your filters". */
  label: string;
  role: ParameterRole;
}

/**
 * Every parameter the search page and the API accept, in the order they are shown and written
 * in links. PARAMETERS, EMPTY_QUERY, the labels and the chosen filters are all read from here.
 */
export const PARAMETER_DEFINITIONS = {
  q: {
    schema: z.array(z.string()).transform((list) => list.join(' ').slice(0, MAX_QUERY_LENGTH).trim()),
    empty: '',
    label: 'What you are looking for',
    role: 'words',
  },
  near: {
    schema: z.array(z.string()).transform((list) => (list.filter((v) => v.trim() !== '').at(-1) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NEAR_LENGTH)),
    empty: '',
    label: 'Near',
    role: 'filter',
  },
  radius_km: { schema: numberParam('a distance in kilometres', 0.1, 200, false), empty: null, label: 'Distance', role: 'filter' },
  category: {
    schema: termParam(categories, (value) => `"${value}" is not a category. Use a category code such as "food" or "debt-advice".`),
    empty: [],
    label: 'Type of help',
    role: 'filter',
  },
  cost: { schema: enumParam(COST_BANDS, 'a cost option'), empty: [], label: 'Cost', role: 'filter' },
  max_cost: { schema: numberParam('an amount in pounds', 0, 1000, false), empty: null, label: 'Most you can pay each time', role: 'filter' },
  mode: { schema: enumParam(DELIVERY_MODES, 'a way of taking part'), empty: [], label: 'How you take part', role: 'filter' },
  day: { schema: enumParam(DAYS, 'a day'), empty: [], label: 'Days you can go', role: 'filter' },
  time: { schema: enumParam(TIMES_OF_DAY, 'a time of day'), empty: [], label: 'Time of day', role: 'filter' },
  age: { schema: numberParam('an age', 0, 130, true), empty: null, label: 'Your age', role: 'filter' },
  referral: { schema: enumParam(REFERRAL_ROUTES, 'a way to get in'), empty: [], label: 'How you can start', role: 'filter' },
  access: {
    schema: termParam(accessibilityFeatures, (value, codes) => `"${value}" is not an accessibility feature. Use one of ${oneOfList(codes)}.`),
    empty: [],
    label: 'Accessibility',
    role: 'filter',
  },
  language: { schema: languageParam, empty: [], label: 'Language spoken', role: 'filter' },
  capacity: { schema: single(CAPACITY_FILTERS, 'a capacity option'), empty: null, label: 'Space for new people', role: 'filter' },
  transport: { schema: enumParam(TRANSPORT_OPTIONS, 'a way of getting there'), empty: [], label: 'Getting there', role: 'filter' },
  walk_km: { schema: numberParam('a walking distance in kilometres', 0.1, 10, false), empty: null, label: 'Walking distance', role: 'modifier' },
  include_closed: { schema: flag, empty: false, label: 'Closed services', role: 'filter' },
  fresh: { schema: flag, empty: false, label: 'Recently checked', role: 'filter' },
  sort: { schema: single(SORTS, 'a sort order'), empty: 'relevance', label: 'Sort by', role: 'display' },
  view: { schema: single(VIEWS, 'a view'), empty: 'list', label: 'Show results as', role: 'display' },
  page: { schema: numberParam('a page number', 1, 10_000, true), empty: 1, label: 'Page number', role: 'display' },
  per_page: { schema: numberParam('a number of results per page', 1, MAX_PER_PAGE, true), empty: DEFAULT_PER_PAGE, label: 'Results per page', role: 'display' },
  as_typed: { schema: flag, empty: false, label: 'Spelling', role: 'words' },
} satisfies { [K in Parameter]: ParameterDefinition<K> };

type Definitions = typeof PARAMETER_DEFINITIONS;

/** The parameters, in the order they are shown. */
export const PARAMETERS = Object.keys(PARAMETER_DEFINITIONS) as Parameter[];

/** The parameters that narrow the results (and the one that changes what another means), in order. */
export type FilterParameter = { [K in Parameter]: Definitions[K]['role'] extends 'filter' | 'modifier' ? K : never }[Parameter];
export const FILTER_PARAMETERS = PARAMETERS.filter(
  (parameter): parameter is FilterParameter => PARAMETER_DEFINITIONS[parameter].role !== 'words' && PARAMETER_DEFINITIONS[parameter].role !== 'display',
);

/** Each parameter's plain name. */
export const PARAMETER_LABELS = Object.fromEntries(PARAMETERS.map((parameter) => [parameter, PARAMETER_DEFINITIONS[parameter].label])) as Record<
  Parameter,
  string
>;

/** A search with nothing given: every parameter at its empty value. */
export const EMPTY_QUERY: SearchQuery = (() => {
  const query: Partial<Record<Parameter, unknown>> = {};
  for (const parameter of PARAMETERS) query[parameter] = PARAMETER_DEFINITIONS[parameter].empty;
  return query as SearchQuery;
})();

/**
 * Reads a search from URL parameters. Never throws: a bad value is left out of the query and
 * reported, so a page can show the message beside the filter and still show results.
 */
export function parseSearchParams(params: URLSearchParams): ParseResult {
  const query: SearchQuery = { ...EMPTY_QUERY };
  const errors: ParameterError[] = [];
  for (const parameter of PARAMETERS) {
    const values = params.getAll(parameter).map((value) => value.slice(0, 10_000));
    const schema: z.ZodType<unknown, z.ZodTypeDef, string[]> = PARAMETER_DEFINITIONS[parameter].schema;
    const result = schema.safeParse(values);
    if (result.success) {
      if (result.data !== null) (query as Record<Parameter, unknown>)[parameter] = result.data;
      continue;
    }
    const issue = result.error.issues[0]!;
    const allowed = (issue as { params?: { allowed?: string[] } }).params?.allowed;
    errors.push({ parameter, message: issue.message, ...(allowed ? { allowed: [...allowed] } : {}) });
    // Keep the good values of a repeatable filter: re-run keeping only the valid ones.
    const partial = schema.safeParse(values.filter((value) => schema.safeParse([value]).success));
    if (partial.success && partial.data !== null) (query as Record<Parameter, unknown>)[parameter] = partial.data;
  }
  // What needs a place to measure from.
  const needsPlace = 'Enter a postcode or place in “Near” to use this.';
  if (!query.near) {
    if (query.sort === 'distance') {
      errors.push({ parameter: 'sort', message: `Sorting by distance needs a place to measure from. ${needsPlace}` });
      query.sort = 'relevance';
    }
    if (query.radius_km !== null) {
      errors.push({ parameter: 'radius_km', message: `A distance needs a place to measure from. ${needsPlace}` });
      query.radius_km = null;
    }
    if (query.transport.includes('walk')) {
      errors.push({ parameter: 'transport', message: `“Within walking distance” needs a place to walk from. ${needsPlace}` });
      query.transport = query.transport.filter((option) => option !== 'walk');
    }
  }
  if (!params.getAll('sort').some((value) => value.trim() !== '') && !errors.some((error) => error.parameter === 'sort')) query.sort = defaultSort(query);
  return errors.length ? { ok: false, query, errors } : { ok: true, query };
}

/** The URL parameters for a query, leaving out defaults, so every search is a short shareable link. */
export function toSearchParams(query: Partial<SearchQuery>): URLSearchParams {
  const params = new URLSearchParams();
  const full = { ...EMPTY_QUERY, ...query };
  for (const parameter of PARAMETERS) {
    const value = full[parameter];
    const fallback = parameter === 'sort' ? defaultSort(full) : EMPTY_QUERY[parameter];
    if (Array.isArray(value)) value.forEach((item) => params.append(parameter, String(item)));
    else if (typeof value === 'boolean') {
      if (value) params.set(parameter, '1');
    } else if (value !== null && value !== '' && value !== fallback) params.set(parameter, String(value));
  }
  return params;
}

// ---------------------------------------------------------------------------------------------
// What each filter means. A search document carries FilterFields; backends keep them as
// FilterColumns (typed arrays, one row per document) and run the predicates compiled here, or
// translate these same definitions into their own filter language.

export interface FilterFields {
  /** Category codes of the service and all their ancestors. */
  categories: string[];
  costBits: number;
  /** Least cost for one go in pounds; null when unknown. */
  lowestCost: number | null;
  modeBits: number;
  /** Bit d: runs on day d (Monday = 0). */
  dayBits: number;
  /** Bit day*3 + part: runs on that day in that part of the day. */
  slotBits: number;
  minimumAge: number | null;
  maximumAge: number | null;
  referralBits: number;
  /** Accessibility codes of any of the service's places. */
  access: string[];
  /** Keys of the languages spoken (src/lib/search/languages.ts) by the service or at its places. */
  languages: string[];
  capacity: CapacityFacet;
  /** active, inactive, defunct or "temporarily closed". */
  status: string;
  /** Positions of its physical places: latitude, longitude, latitude, longitude... */
  points: number[];
  /** Ids of the areas (content/areas) its service areas name. */
  areas: string[];
  /** It can be used without travelling: by phone or online, or they visit people at home. */
  remote: boolean;
  /** Bits of TRANSPORT_FEATURES that its record gives it. */
  transportBits: number;
  /** Its freshness status as an index of FRESHNESS_STATUSES: 0 ok, 1 check, 2 stale. */
  freshness: number;
}

/** The searched place, for distance, radius and "covers your area". */
export interface Origin {
  latitude: number;
  longitude: number;
  /** Areas the searched place is in (or is), most specific first. */
  areaIds: string[];
}

export function bitsOf<T extends string>(vocabulary: readonly T[], values: readonly string[]): number {
  let bits = 0;
  for (const value of values) {
    const index = vocabulary.indexOf(value as T);
    if (index >= 0) bits |= 1 << index;
  }
  return bits;
}

/** The filter groups. Day and time are one group ("when"): a Tuesday-evening search needs a Tuesday evening session. */
export const FILTER_GROUPS = [
  'category',
  'cost',
  'max_cost',
  'mode',
  'when',
  'age',
  'referral',
  'access',
  'capacity',
  'status',
  'distance',
  'transport',
  'fresh',
  'language',
] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];

/** Only active services are shown unless include_closed is set. */
export function isClosedStatus(status: string): boolean {
  return status !== 'active';
}

/** Slot bits for days D (all days when empty) and parts of the day T (all parts when empty). */
export function slotMask(days: readonly Day[], times: readonly TimeOfDay[]): number {
  const dayIndexes = days.length ? days.map((day) => DAYS.indexOf(day)) : [0, 1, 2, 3, 4, 5, 6];
  const timeIndexes = times.length ? times.map((time) => TIMES_OF_DAY.indexOf(time)) : [0, 1, 2];
  let mask = 0;
  for (const day of dayIndexes) for (const part of timeIndexes) mask |= 1 << (day * 3 + part);
  return mask;
}

const NO_AGE = -1;

type Vocabularies = ReturnType<typeof buildVocabularies>;
let vocabulariesMade: { taxonomy: object; areas: object; vocab: Vocabularies } | null = null;

/**
 * Term vocabularies as bit positions: category and accessibility codes in taxonomy order. Made
 * once for the taxonomy and areas of the process (both are fixed while it runs): working out which
 * councils have no area of their own takes about a millisecond, too much for every search.
 */
function vocabularies(): Vocabularies {
  const taxonomy = getTaxonomy();
  const areas = getAreas();
  if (vocabulariesMade?.taxonomy !== taxonomy || vocabulariesMade.areas !== areas) {
    vocabulariesMade = { taxonomy, areas, vocab: buildVocabularies() };
  }
  return vocabulariesMade.vocab;
}

function buildVocabularies() {
  const taxonomy = getTaxonomy();
  const categoryCodes = taxonomy.categories.map((term) => term.id);
  const accessCodes = taxonomy.accessibility.map((term) => term.id);
  // Our own areas, then every council that has none of ours, so "covers Sunderland" is matched too.
  const areaIds = [...getAreas().map((area) => area.id), ...councilOnlyAreaIds()];
  return {
    categoryCodes,
    accessCodes,
    areaIds,
    categoryIndex: new Map(categoryCodes.map((code, i) => [code, i])),
    accessIndex: new Map(accessCodes.map((code, i) => [code, i])),
    areaIndex: new Map(areaIds.map((id, i) => [id, i])),
    categoryWords: Math.max(1, Math.ceil(categoryCodes.length / 32)),
    accessWords: Math.max(1, Math.ceil(accessCodes.length / 32)),
    areaWords: Math.max(1, Math.ceil(areaIds.length / 32)),
  };
}

/** Filter fields of many documents, column by column, so filtering 100,000 is a tight loop. */
export class FilterColumns {
  readonly vocab = vocabularies();
  size = 0;
  categories = new Uint32Array(0);
  access = new Uint32Array(0);
  cost = new Uint8Array(0);
  mode = new Uint8Array(0);
  referral = new Uint8Array(0);
  day = new Uint8Array(0);
  slot = new Uint32Array(0);
  minAge = new Int16Array(0);
  maxAge = new Int16Array(0);
  lowestCost = new Float64Array(0);
  capacity = new Uint8Array(0);
  closed = new Uint8Array(0);
  /** Bit i: costs at most MAX_COST_FACETS[i] for one go. */
  costWithin = new Uint8Array(0);
  /** Bit i: accepts someone aged AGE_FACETS[i]. */
  ageAccepts = new Uint8Array(0);
  areas = new Uint32Array(0);
  remote = new Uint8Array(0);
  transport = new Uint8Array(0);
  /** 0 ok, 1 check, 2 stale (FRESHNESS_STATUSES). */
  freshness = new Uint8Array(0);
  /** Each row's place positions (latitude, longitude pairs), or null without any. */
  points: (Float64Array | null)[] = [];
  /** Each row's language keys, or null without any; the languages are not known in advance. */
  languages: (readonly string[] | null)[] = [];
  /** Every language key any row has had, in the order first seen. */
  readonly languageKeys = new Set<string>();

  // Measured from the searched place by measureFrom(), for one search at a time.
  /** Kilometres from the searched place to the row's nearest place; Infinity without a place. */
  distance = new Float64Array(0);
  /** 1 when the row covers an area the searched place is in. */
  coversOrigin = new Uint8Array(0);
  /** Bit i: within RADIUS_FACETS[i] km of the searched place, or covering its area, or remote. */
  radiusBits = new Uint8Array(0);
  /** Whether distance and coversOrigin hold a measurement. */
  measured = false;

  constructor(capacity = 1024) {
    this.grow(capacity);
  }

  private grow(rows: number): void {
    const copy = <T extends Uint8Array | Uint32Array | Int16Array | Float64Array>(old: T, make: (n: number) => T, width = 1): T => {
      const fresh = make(rows * width);
      fresh.set(old.subarray(0, Math.min(old.length, rows * width)));
      return fresh;
    };
    this.categories = copy(this.categories, (n) => new Uint32Array(n), this.vocab.categoryWords);
    this.access = copy(this.access, (n) => new Uint32Array(n), this.vocab.accessWords);
    this.cost = copy(this.cost, (n) => new Uint8Array(n));
    this.mode = copy(this.mode, (n) => new Uint8Array(n));
    this.referral = copy(this.referral, (n) => new Uint8Array(n));
    this.day = copy(this.day, (n) => new Uint8Array(n));
    this.slot = copy(this.slot, (n) => new Uint32Array(n));
    this.minAge = copy(this.minAge, (n) => new Int16Array(n));
    this.maxAge = copy(this.maxAge, (n) => new Int16Array(n));
    this.lowestCost = copy(this.lowestCost, (n) => new Float64Array(n));
    this.capacity = copy(this.capacity, (n) => new Uint8Array(n));
    this.closed = copy(this.closed, (n) => new Uint8Array(n));
    this.costWithin = copy(this.costWithin, (n) => new Uint8Array(n));
    this.ageAccepts = copy(this.ageAccepts, (n) => new Uint8Array(n));
    this.areas = copy(this.areas, (n) => new Uint32Array(n), this.vocab.areaWords);
    this.remote = copy(this.remote, (n) => new Uint8Array(n));
    this.transport = copy(this.transport, (n) => new Uint8Array(n));
    this.freshness = copy(this.freshness, (n) => new Uint8Array(n));
  }

  /**
   * Measures every row from the searched place (or clears the measurement). Distances use the
   * equirectangular approximation, within a fraction of a percent of the great circle at the
   * scale of a town or county, and several times quicker over 100,000 rows.
   */
  measureFrom(origin: Origin | null): void {
    if (this.distance.length < this.size) {
      this.distance = new Float64Array(this.cost.length);
      this.coversOrigin = new Uint8Array(this.cost.length);
      this.radiusBits = new Uint8Array(this.cost.length);
    }
    this.measured = origin !== null;
    if (!origin) return;
    const toRadians = Math.PI / 180;
    const kx = Math.cos(origin.latitude * toRadians) * toRadians * EARTH_RADIUS_KM;
    const ky = toRadians * EARTH_RADIUS_KM;
    const width = this.vocab.areaWords;
    const wanted = wordsFor(origin.areaIds, this.vocab.areaIndex, width);
    const anyArea = wanted.some((word) => word !== 0);
    for (let row = 0; row < this.size; row++) {
      const points = this.points[row];
      let best = Infinity;
      if (points) {
        for (let i = 0; i < points.length; i += 2) {
          const dy = (points[i]! - origin.latitude) * ky;
          const dx = (points[i + 1]! - origin.longitude) * kx;
          const d = dx * dx + dy * dy;
          if (d < best) best = d;
        }
        best = Math.sqrt(best);
      }
      this.distance[row] = best;
      let covers = 0;
      if (anyArea)
        for (let w = 0; w < width; w++)
          if ((this.areas[row * width + w]! & wanted[w]!) !== 0) {
            covers = 1;
            break;
          }
      this.coversOrigin[row] = covers;
      let within = 0;
      if (covers || this.remote[row]) within = (1 << RADIUS_FACETS.length) - 1;
      else for (let i = 0; i < RADIUS_FACETS.length; i++) if (best <= RADIUS_FACETS[i]!) within |= 1 << i;
      this.radiusBits[row] = within;
    }
  }

  /** Writes one document's fields into row `row` (growing the columns as needed). */
  set(row: number, fields: FilterFields): void {
    if (row >= this.cost.length) this.grow(Math.max(row + 1, this.cost.length * 2));
    if (row >= this.size) this.size = row + 1;
    const { categoryWords, accessWords, categoryIndex, accessIndex } = this.vocab;
    this.categories.fill(0, row * categoryWords, (row + 1) * categoryWords);
    for (const code of fields.categories) {
      const bit = categoryIndex.get(code);
      if (bit !== undefined) this.categories[row * categoryWords + (bit >>> 5)]! |= 1 << (bit & 31);
    }
    this.access.fill(0, row * accessWords, (row + 1) * accessWords);
    for (const code of fields.access) {
      const bit = accessIndex.get(code);
      if (bit !== undefined) this.access[row * accessWords + (bit >>> 5)]! |= 1 << (bit & 31);
    }
    this.cost[row] = fields.costBits;
    this.mode[row] = fields.modeBits;
    this.referral[row] = fields.referralBits;
    this.day[row] = fields.dayBits;
    this.slot[row] = fields.slotBits;
    this.minAge[row] = fields.minimumAge ?? NO_AGE;
    this.maxAge[row] = fields.maximumAge ?? NO_AGE;
    this.lowestCost[row] = fields.lowestCost ?? Number.NaN;
    this.capacity[row] = Math.max(0, CAPACITY_FACETS.indexOf(fields.capacity));
    this.closed[row] = isClosedStatus(fields.status) ? 1 : 0;
    let within = 0;
    MAX_COST_FACETS.forEach((amount, i) => {
      if (fields.lowestCost !== null && fields.lowestCost <= amount) within |= 1 << i;
    });
    this.costWithin[row] = within;
    let accepts = 0;
    AGE_FACETS.forEach((age, i) => {
      if ((fields.minimumAge ?? 0) <= age && (fields.maximumAge ?? Infinity) >= age) accepts |= 1 << i;
    });
    this.ageAccepts[row] = accepts;
    const { areaWords, areaIndex } = this.vocab;
    this.areas.fill(0, row * areaWords, (row + 1) * areaWords);
    for (const id of fields.areas ?? []) {
      const bit = areaIndex.get(id);
      if (bit !== undefined) this.areas[row * areaWords + (bit >>> 5)]! |= 1 << (bit & 31);
    }
    this.remote[row] = fields.remote ? 1 : 0;
    this.transport[row] = fields.transportBits ?? 0;
    this.freshness[row] = fields.freshness ?? 0;
    const points = fields.points ?? [];
    this.points[row] = points.length ? Float64Array.from(points) : null;
    const languages = fields.languages ?? [];
    for (const key of languages) this.languageKeys.add(key);
    this.languages[row] = languages.length ? [...languages] : null;
  }
}

const EARTH_RADIUS_KM = 6371.0088;

/**
 * How a row stands to the searched place: 'place' when it has a place (within the radius, if
 * one is set); 'area' when it covers the searched area; 'remote' when it needs no travel;
 * otherwise 'unknown'. Only meaningful after measureFrom(origin).
 */
export function reachOf(columns: FilterColumns, row: number, radiusKm: number | null): 'place' | 'area' | 'remote' | 'unknown' {
  const distance = columns.distance[row]!;
  if (distance !== Infinity && (radiusKm === null || distance <= radiusKm)) return 'place';
  if (columns.coversOrigin[row]) return 'area';
  if (columns.remote[row]) return 'remote';
  return distance !== Infinity ? 'place' : 'unknown';
}

/** Bit words for a set of codes, as FilterColumns stores them. */
function wordsFor(codes: readonly string[], index: Map<string, number>, width: number): Uint32Array {
  const words = new Uint32Array(width);
  for (const code of codes) {
    const bit = index.get(code);
    if (bit !== undefined) words[bit >>> 5]! |= 1 << (bit & 31);
  }
  return words;
}

type RowTest = (columns: FilterColumns, row: number) => boolean;

/** A query compiled into one predicate per active filter group. */
export interface CompiledFilters {
  groups: FilterGroup[];
  tests: RowTest[];
}

export function compileFilters(query: SearchQuery): CompiledFilters {
  const groups: FilterGroup[] = [];
  const tests: RowTest[] = [];
  const add = (group: FilterGroup, test: RowTest) => {
    groups.push(group);
    tests.push(test);
  };
  const vocab = vocabularies();
  if (query.category.length) {
    const wanted = wordsFor(query.category, vocab.categoryIndex, vocab.categoryWords);
    const width = vocab.categoryWords;
    add('category', (c, row) => {
      for (let w = 0; w < width; w++) if ((c.categories[row * width + w]! & wanted[w]!) !== 0) return true;
      return false;
    });
  }
  if (query.cost.length) {
    const mask = bitsOf(COST_BANDS, query.cost);
    add('cost', (c, row) => (c.cost[row]! & mask) !== 0);
  }
  if (query.max_cost !== null) {
    const max = query.max_cost;
    add('max_cost', (c, row) => c.lowestCost[row]! <= max); // NaN (unknown) is never within a budget
  }
  if (query.mode.length) {
    const mask = bitsOf(DELIVERY_MODES, query.mode);
    add('mode', (c, row) => (c.mode[row]! & mask) !== 0);
  }
  if (query.time.length) {
    const mask = slotMask(query.day, query.time);
    add('when', (c, row) => (c.slot[row]! & mask) !== 0);
  } else if (query.day.length) {
    const mask = bitsOf(DAYS, query.day);
    add('when', (c, row) => (c.day[row]! & mask) !== 0);
  }
  if (query.age !== null) {
    const age = query.age;
    add('age', (c, row) => (c.minAge[row] === NO_AGE || c.minAge[row]! <= age) && (c.maxAge[row] === NO_AGE || c.maxAge[row]! >= age));
  }
  if (query.referral.length) {
    const mask = bitsOf(REFERRAL_ROUTES, query.referral);
    add('referral', (c, row) => (c.referral[row]! & mask) !== 0);
  }
  if (query.access.length) {
    const needed = wordsFor(query.access, vocab.accessIndex, vocab.accessWords);
    const width = vocab.accessWords;
    add('access', (c, row) => {
      for (let w = 0; w < width; w++) if ((c.access[row * width + w]! & needed[w]!) !== needed[w]) return false;
      return true;
    });
  }
  if (query.language.length) {
    const wanted = new Set(query.language);
    add('language', (c, row) => c.languages[row]?.some((key) => wanted.has(key)) ?? false);
  }
  if (query.capacity === 'available') {
    const full = CAPACITY_FACETS.indexOf('full');
    const paused = CAPACITY_FACETS.indexOf('paused');
    add('capacity', (c, row) => c.capacity[row] !== full && c.capacity[row] !== paused);
  } else if (query.capacity === 'accepting') {
    const accepting = CAPACITY_FACETS.indexOf('accepting');
    add('capacity', (c, row) => c.capacity[row] === accepting);
  }
  if (!query.include_closed) add('status', (c, row) => c.closed[row] === 0);
  // Without a measured place these cannot be judged; parseSearchParams refuses them without near.
  if (query.radius_km !== null) {
    const radius = query.radius_km;
    add('distance', (c, row) => !c.measured || c.distance[row]! <= radius || c.coversOrigin[row] === 1 || c.remote[row] === 1);
  }
  if (query.fresh) add('fresh', (c, row) => c.freshness[row] === 0);
  if (query.transport.length) {
    const mask = bitsOf(TRANSPORT_FEATURES, query.transport);
    const walkKm = query.transport.includes('walk') ? (query.walk_km ?? DEFAULT_WALK_KM) : null;
    add('transport', (c, row) => (c.transport[row]! & mask) === mask && (walkKm === null || !c.measured || c.distance[row]! <= walkKm));
  }
  return { groups, tests };
}

/** Does a document pass every filter of the query? (The reference meaning; backends must agree.) */
export function matchesFilters(fields: FilterFields, query: SearchQuery, origin: Origin | null = null): boolean {
  const columns = new FilterColumns(1);
  columns.set(0, fields);
  columns.measureFrom(origin);
  return compileFilters(query).tests.every((test) => test(columns, 0));
}

/** Facet counts: for each filter value, how many results there would be with it chosen. */
export interface FacetCounts {
  category: Record<string, number>;
  cost: Record<CostBand, number>;
  mode: Record<DeliveryMode, number>;
  day: Record<Day, number>;
  time: Record<TimeOfDay, number>;
  referral: Record<ReferralRoute, number>;
  access: Record<string, number>;
  /** Keyed by language key: every language the directory's services have, with how many results speak it. */
  language: Record<string, number>;
  capacity: Record<CapacityFacet, number>;
  /** Keyed by amount in pounds: how many would cost at most that for one go. */
  max_cost: Record<string, number>;
  /** Keyed by age: how many accept a person of that age. */
  age: Record<string, number>;
  /** How many services the status filter hides (closed, inactive or temporarily closed). */
  closed: number;
  /** How many results also meet each way of getting there ("walk" only with a searched place). */
  transport: Record<TransportOption, number>;
  /** Keyed by km: how many there would be within that distance (all zero without a searched place). */
  radius_km: Record<string, number>;
  /** How many there would be with fresh=1 (only listings checked recently, with nothing reported). */
  fresh: number;
}

/** Facet counts of nothing: every value zero. */
export function emptyFacetCounts(): FacetCounts {
  const columns = new FilterColumns(1);
  return new FacetCounter(columns, EMPTY_QUERY, compileFilters(EMPTY_QUERY)).counts();
}

function record<K extends string>(keys: readonly K[], counts: ArrayLike<number>): Record<K, number> {
  return Object.fromEntries(keys.map((key, i) => [key, counts[i]!])) as Record<K, number>;
}

/** Adds one for each set bit of a row's term words to the count of that term. */
function termCounts(words: Uint32Array, row: number, width: number, counts: Int32Array): void {
  for (let w = 0; w < width; w++) {
    let bits = words[row * width + w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      counts[w * 32 + 31 - Math.clz32(low)]!++;
      bits ^= low;
    }
  }
}

/**
 * Counts facets over many rows. `add(row, failed)` takes a row that passes every filter group
 * (failed = -1) or fails exactly one (its index in CompiledFilters.groups): such a row still
 * counts towards that group's values, so each count says what choosing that value would give
 * ("disjunctive" facets). Accessibility is "all of", so it counts only full matches.
 */
export class FacetCounter {
  private readonly category: Int32Array;
  private readonly access: Int32Array;
  // Small bit sets are counted by their whole value and spread over their bits at the end.
  private readonly costSets = new Int32Array(1 << COST_BANDS.length);
  private readonly modeSets = new Int32Array(1 << DELIVERY_MODES.length);
  private readonly daySets = new Int32Array(1 << DAYS.length);
  private readonly partSets = new Int32Array(1 << TIMES_OF_DAY.length);
  private readonly referralSets = new Int32Array(1 << REFERRAL_ROUTES.length);
  private readonly costWithinSets = new Int32Array(1 << MAX_COST_FACETS.length);
  private readonly ageSets = new Int32Array(1 << AGE_FACETS.length);
  private readonly capacity = new Int32Array(CAPACITY_FACETS.length);
  private closed = 0;
  private readonly transportSets = new Int32Array(1 << TRANSPORT_FEATURES.length);
  private walkable = 0;
  private fresh = 0;
  private readonly language = new Map<string, number>();
  private readonly categoryWords: number;
  private readonly accessWords: number;
  private readonly radiusSets = new Int32Array(1 << RADIUS_FACETS.length);
  private readonly walkKm: number;
  /** For each group index: its FILTER_GROUPS index. */
  private readonly groupCodes: number[];
  private readonly timeMask: number;
  private readonly partMasks: number[];

  constructor(
    private readonly columns: FilterColumns,
    query: SearchQuery,
    compiled: CompiledFilters,
  ) {
    this.category = new Int32Array(columns.vocab.categoryWords * 32);
    this.access = new Int32Array(columns.vocab.accessWords * 32);
    this.groupCodes = compiled.groups.map((group) => FILTER_GROUPS.indexOf(group));
    this.timeMask = query.time.length ? slotMask([], query.time) : 0;
    const chosenDays = slotMask(query.day, []);
    this.partMasks = TIMES_OF_DAY.map((time) => slotMask([], [time]) & chosenDays);
    this.walkKm = query.walk_km ?? DEFAULT_WALK_KM;
    this.categoryWords = columns.vocab.categoryWords;
    this.accessWords = columns.vocab.accessWords;
  }

  add(row: number, failed: number): void {
    if (failed < 0) {
      this.addFull(row);
      return;
    }
    const c = this.columns;
    const group = this.groupCodes[failed]!;
    if (group === CATEGORY) termCounts(c.categories, row, c.vocab.categoryWords, this.category);
    else if (group === COST) this.costSets[c.cost[row]!]!++;
    else if (group === MODE) this.modeSets[c.mode[row]!]!++;
    else if (group === WHEN) this.addWhen(row);
    else if (group === REFERRAL) this.referralSets[c.referral[row]!]!++;
    else if (group === CAPACITY) this.capacity[c.capacity[row]!]!++;
    else if (group === MAX_COST) this.costWithinSets[c.costWithin[row]!]!++;
    else if (group === AGE) this.ageSets[c.ageAccepts[row]!]!++;
    else if (group === STATUS) this.closed++;
    else if (group === DISTANCE && c.measured) this.radiusSets[c.radiusBits[row]!]!++;
    else if (group === FRESH && c.freshness[row] === 0) this.fresh++;
    else if (group === LANGUAGE) this.addLanguages(row);
  }

  private addLanguages(row: number): void {
    for (const key of this.columns.languages[row] ?? []) this.language.set(key, (this.language.get(key) ?? 0) + 1);
  }

  /** A row that passes every filter counts towards every facet. */
  private addFull(row: number): void {
    const c = this.columns;
    termCounts(c.categories, row, this.categoryWords, this.category);
    this.costSets[c.cost[row]!]!++;
    this.modeSets[c.mode[row]!]!++;
    this.addWhen(row);
    this.referralSets[c.referral[row]!]!++;
    termCounts(c.access, row, this.accessWords, this.access);
    this.capacity[c.capacity[row]!]!++;
    this.costWithinSets[c.costWithin[row]!]!++;
    this.ageSets[c.ageAccepts[row]!]!++;
    this.transportSets[c.transport[row]!]!++;
    this.addLanguages(row);
    if (c.freshness[row] === 0) this.fresh++;
    if (c.measured) {
      if (c.distance[row]! <= this.walkKm) this.walkable++;
      this.radiusSets[c.radiusBits[row]!]!++;
    }
  }

  private addWhen(row: number): void {
    const slots = this.columns.slot[row]!;
    if (this.timeMask) {
      let days = 0;
      const timed = slots & this.timeMask;
      for (let d = 0; d < 7; d++) if (timed & (0b111 << (d * 3))) days |= 1 << d;
      this.daySets[days]!++;
    } else {
      this.daySets[this.columns.day[row]!]!++;
    }
    this.partSets[(slots & this.partMasks[0]! ? 1 : 0) | (slots & this.partMasks[1]! ? 2 : 0) | (slots & this.partMasks[2]! ? 4 : 0)]!++;
  }

  private transportCounts(): Record<TransportOption, number> {
    const features = spread(this.transportSets, TRANSPORT_FEATURES.length);
    return Object.fromEntries(
      TRANSPORT_OPTIONS.map((option) => [option, option === 'walk' ? this.walkable : features[TRANSPORT_FEATURES.indexOf(option)]!]),
    ) as Record<TransportOption, number>;
  }

  counts(): FacetCounts {
    const { categoryCodes, accessCodes } = this.columns.vocab;
    return {
      category: record(categoryCodes, this.category),
      cost: record(COST_BANDS, spread(this.costSets, COST_BANDS.length)),
      mode: record(DELIVERY_MODES, spread(this.modeSets, DELIVERY_MODES.length)),
      day: record(DAYS, spread(this.daySets, DAYS.length)),
      time: record(TIMES_OF_DAY, spread(this.partSets, TIMES_OF_DAY.length)),
      referral: record(REFERRAL_ROUTES, spread(this.referralSets, REFERRAL_ROUTES.length)),
      access: record(accessCodes, this.access),
      language: Object.fromEntries([...this.columns.languageKeys].sort().map((key) => [key, this.language.get(key) ?? 0])),
      capacity: record(CAPACITY_FACETS, this.capacity),
      max_cost: record(MAX_COST_FACETS.map(String), spread(this.costWithinSets, MAX_COST_FACETS.length)),
      age: record(AGE_FACETS.map(String), spread(this.ageSets, AGE_FACETS.length)),
      closed: this.closed,
      transport: this.transportCounts(),
      radius_km: record(RADIUS_FACETS.map(String), spread(this.radiusSets, RADIUS_FACETS.length)),
      fresh: this.fresh,
    };
  }
}

/** A group's index in FILTER_GROUPS, by name (so that reordering the list cannot mix groups up). */
const groupIndex = (group: FilterGroup): number => FILTER_GROUPS.indexOf(group);
const CATEGORY = groupIndex('category');
const COST = groupIndex('cost');
const MAX_COST = groupIndex('max_cost');
const MODE = groupIndex('mode');
const WHEN = groupIndex('when');
const AGE = groupIndex('age');
const REFERRAL = groupIndex('referral');
const CAPACITY = groupIndex('capacity');
const STATUS = groupIndex('status');
const DISTANCE = groupIndex('distance');
const FRESH = groupIndex('fresh');
const LANGUAGE = groupIndex('language');

/** Counts per bit from counts per whole bit-set value. */
function spread(sets: Int32Array, width: number): Int32Array {
  const counts = new Int32Array(width);
  for (let value = 1; value < sets.length; value++) {
    if (sets[value]) for (let bit = 0; bit < width; bit++) if (value & (1 << bit)) counts[bit]! += sets[value]!;
  }
  return counts;
}

/**
 * Runs compiled filters over rows: calls `onResult` for each row passing every group and, when
 * a FacetCounter is given, counts each row that fails at most one group.
 */
export function filterRows(
  columns: FilterColumns,
  rows: ArrayLike<number>,
  compiled: CompiledFilters,
  onResult: (row: number, index: number) => void,
  facets?: FacetCounter,
): void {
  const tests = compiled.tests;
  const groupCount = tests.length;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let failed = -1;
    let failures = 0;
    for (let g = 0; g < groupCount; g++) {
      if (!tests[g]!(columns, row)) {
        failures++;
        failed = g;
        if (failures > 1 || !facets) break;
      }
    }
    if (failures === 0) onResult(row, i);
    if (facets && failures <= 1) facets.add(row, failed);
  }
}
