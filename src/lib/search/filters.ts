// The one list of search filters: their parameters, allowed values, how a request is parsed
// (with errors written for people), and what each filter means for a search document.
// The search page, the JSON API and every search backend read this module.
import { z } from 'zod';
import { CAPACITY_STATUSES, DELIVERY_MODES, REFERRAL_ROUTES } from '../openreferral/schemas';
import { COST_BANDS } from '../directory/cost';
import { DAYS, TIMES_OF_DAY } from '../directory/schedule-text';
import { getTaxonomy } from '../taxonomy/taxonomy';

export { COST_BANDS, DAYS, TIMES_OF_DAY, DELIVERY_MODES, REFERRAL_ROUTES };
export const SORTS = ['relevance', 'recently_verified'] as const;
export const CAPACITY_FILTERS = ['available', 'accepting'] as const;
export const CAPACITY_FACETS = [...CAPACITY_STATUSES, 'unknown'] as const;
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

export interface SearchQuery {
  q: string;
  category: string[];
  cost: CostBand[];
  max_cost: number | null;
  mode: DeliveryMode[];
  day: Day[];
  time: TimeOfDay[];
  age: number | null;
  referral: ReferralRoute[];
  access: string[];
  capacity: (typeof CAPACITY_FILTERS)[number] | null;
  include_closed: boolean;
  sort: Sort;
  page: number;
  per_page: number;
}

export const EMPTY_QUERY: SearchQuery = {
  q: '', category: [], cost: [], max_cost: null, mode: [], day: [], time: [], age: null, referral: [],
  access: [], capacity: null, include_closed: false, sort: 'relevance', page: 1, per_page: DEFAULT_PER_PAGE,
};

/** The parameters the search page and API accept, in the order they are shown. */
export const PARAMETERS = [
  'q', 'category', 'cost', 'max_cost', 'mode', 'day', 'time', 'age', 'referral', 'access', 'capacity',
  'include_closed', 'sort', 'page', 'per_page',
] as const;
export type Parameter = (typeof PARAMETERS)[number];

export interface ParameterError {
  parameter: Parameter;
  message: string;
  allowed?: string[];
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; query: SearchQuery; errors: ParameterError[] };

function oneOfList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

function enumParam<T extends string>(parameter: Parameter, values: readonly T[], what: string) {
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
      ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" is not ${what}. Use ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.` });
      return null;
    }
    return number;
  });
}

/** A repeatable taxonomy term, given by code or uuid, read as its code. */
function termParam(vocabulary: () => { byCode: Map<string, { id: string }>; byUuid: Map<string, { id: string }>; codes: string[] }, refusal: (value: string, codes: string[]) => string) {
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

const flag = z.array(z.string().trim().toLowerCase()).transform((list, ctx) => {
  const value = list.filter((v) => v !== '').at(-1);
  if (value === undefined) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" is not allowed. Use 1 to turn this on or 0 to turn it off.`, params: { allowed: ['1', '0'] } });
  return false;
});

function single<T extends string>(parameter: Parameter, values: readonly T[], what: string) {
  return enumParam(parameter, values, what).transform((list) => list.at(-1) ?? null);
}

const parameterSchemas = {
  q: z.array(z.string()).transform((list) => list.join(' ').slice(0, MAX_QUERY_LENGTH).trim()),
  category: termParam(categories, (value) => `"${value}" is not a category. Use a category code such as "food" or "debt-advice".`),
  cost: enumParam('cost', COST_BANDS, 'a cost option'),
  max_cost: numberParam('an amount in pounds', 0, 1000, false),
  mode: enumParam('mode', DELIVERY_MODES, 'a way of taking part'),
  day: enumParam('day', DAYS, 'a day'),
  time: enumParam('time', TIMES_OF_DAY, 'a time of day'),
  age: numberParam('an age', 0, 130, true),
  referral: enumParam('referral', REFERRAL_ROUTES, 'a way to get in'),
  access: termParam(accessibilityFeatures, (value, codes) => `"${value}" is not an accessibility feature. Use one of ${oneOfList(codes)}.`),
  capacity: single('capacity', CAPACITY_FILTERS, 'a capacity option'),
  include_closed: flag,
  sort: single('sort', SORTS, 'a sort order'),
  page: numberParam('a page number', 1, 10_000, true),
  per_page: numberParam('a number of results per page', 1, MAX_PER_PAGE, true),
} satisfies Record<Parameter, z.ZodTypeAny>;

/**
 * Reads a search from URL parameters. Never throws: a bad value is left out of the query and
 * reported, so a page can show the message beside the filter and still show results.
 */
export function parseSearchParams(params: URLSearchParams): ParseResult {
  const query: SearchQuery = { ...EMPTY_QUERY };
  const errors: ParameterError[] = [];
  for (const parameter of PARAMETERS) {
    const values = params.getAll(parameter).map((value) => value.slice(0, 10_000));
    const result = parameterSchemas[parameter].safeParse(values);
    if (result.success) {
      if (result.data !== null) (query as unknown as Record<string, unknown>)[parameter] = result.data;
      continue;
    }
    const issue = result.error.issues[0]!;
    const allowed = (issue as { params?: { allowed?: string[] } }).params?.allowed;
    errors.push({ parameter, message: issue.message, ...(allowed ? { allowed: [...allowed] } : {}) });
    // Keep the good values of a repeatable filter: re-run keeping only the valid ones.
    const partial = parameterSchemas[parameter].safeParse(values.filter((value) => parameterSchemas[parameter].safeParse([value]).success));
    if (partial.success && partial.data !== null) (query as unknown as Record<string, unknown>)[parameter] = partial.data;
  }
  return errors.length ? { ok: false, query, errors } : { ok: true, query };
}

/** The URL parameters for a query, leaving out defaults, so every search is a short shareable link. */
export function toSearchParams(query: Partial<SearchQuery>): URLSearchParams {
  const params = new URLSearchParams();
  const full = { ...EMPTY_QUERY, ...query };
  for (const parameter of PARAMETERS) {
    const value = full[parameter];
    const fallback = EMPTY_QUERY[parameter];
    if (Array.isArray(value)) value.forEach((item) => params.append(parameter, String(item)));
    else if (typeof value === 'boolean') { if (value) params.set(parameter, '1'); }
    else if (value !== null && value !== '' && value !== fallback) params.set(parameter, String(value));
  }
  return params;
}

// ---------------------------------------------------------------------------------------------
// What each filter means. Documents are reduced to compact filter fields (bit sets over the
// vocabularies above); every backend either evaluates these functions or translates them.

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
  capacity: CapacityFacet;
  /** active, inactive, defunct or "temporarily closed". */
  status: string;
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
export const FILTER_GROUPS = ['category', 'cost', 'max_cost', 'mode', 'when', 'age', 'referral', 'access', 'capacity', 'status'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];

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

/** A query compiled into one predicate per active filter group. */
export interface CompiledFilters {
  groups: { group: FilterGroup; test: (fields: FilterFields) => boolean }[];
}

export function compileFilters(query: SearchQuery): CompiledFilters {
  const groups: CompiledFilters['groups'] = [];
  if (query.category.length) {
    const wanted = new Set(query.category);
    groups.push({ group: 'category', test: (f) => f.categories.some((code) => wanted.has(code)) });
  }
  if (query.cost.length) {
    const mask = bitsOf(COST_BANDS, query.cost);
    groups.push({ group: 'cost', test: (f) => (f.costBits & mask) !== 0 });
  }
  if (query.max_cost !== null) {
    const max = query.max_cost;
    groups.push({ group: 'max_cost', test: (f) => f.lowestCost !== null && f.lowestCost <= max });
  }
  if (query.mode.length) {
    const mask = bitsOf(DELIVERY_MODES, query.mode);
    groups.push({ group: 'mode', test: (f) => (f.modeBits & mask) !== 0 });
  }
  if (query.day.length || query.time.length) {
    if (query.time.length) {
      const mask = slotMask(query.day, query.time);
      groups.push({ group: 'when', test: (f) => (f.slotBits & mask) !== 0 });
    } else {
      const mask = bitsOf(DAYS, query.day);
      groups.push({ group: 'when', test: (f) => (f.dayBits & mask) !== 0 });
    }
  }
  if (query.age !== null) {
    const age = query.age;
    groups.push({ group: 'age', test: (f) => (f.minimumAge === null || f.minimumAge <= age) && (f.maximumAge === null || f.maximumAge >= age) });
  }
  if (query.referral.length) {
    const mask = bitsOf(REFERRAL_ROUTES, query.referral);
    groups.push({ group: 'referral', test: (f) => (f.referralBits & mask) !== 0 });
  }
  if (query.access.length) {
    const needed = query.access;
    groups.push({ group: 'access', test: (f) => needed.every((code) => f.access.includes(code)) });
  }
  if (query.capacity === 'available') {
    groups.push({ group: 'capacity', test: (f) => f.capacity !== 'full' && f.capacity !== 'paused' });
  } else if (query.capacity === 'accepting') {
    groups.push({ group: 'capacity', test: (f) => f.capacity === 'accepting' });
  }
  if (!query.include_closed) {
    groups.push({ group: 'status', test: (f) => !isClosedStatus(f.status) });
  }
  return { groups };
}

/** Does a document pass every filter of the query? (The reference meaning; backends must agree.) */
export function matchesFilters(fields: FilterFields, query: SearchQuery): boolean {
  return compileFilters(query).groups.every(({ test }) => test(fields));
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
  capacity: Record<CapacityFacet, number>;
  /** Keyed by amount in pounds: how many would cost at most that for one go. */
  max_cost: Record<string, number>;
  /** Keyed by age: how many accept a person of that age. */
  age: Record<string, number>;
  /** How many services the status filter hides (closed, paused for good or inactive). */
  closed: number;
}

function zeroes<T extends string>(values: readonly T[]): Record<T, number> {
  return Object.fromEntries(values.map((value) => [value, 0])) as Record<T, number>;
}

export function emptyFacetCounts(): FacetCounts {
  const taxonomy = getTaxonomy();
  return {
    category: zeroes(taxonomy.categories.map((term) => term.id)),
    cost: zeroes(COST_BANDS),
    mode: zeroes(DELIVERY_MODES),
    day: zeroes(DAYS),
    time: zeroes(TIMES_OF_DAY),
    referral: zeroes(REFERRAL_ROUTES),
    access: zeroes(taxonomy.accessibility.map((term) => term.id)),
    capacity: zeroes(CAPACITY_FACETS),
    max_cost: zeroes(MAX_COST_FACETS.map(String)),
    age: zeroes(AGE_FACETS.map(String)),
    closed: 0,
  };
}

/**
 * Makes a function that adds one document to the facet counts. `failed` is the one filter group
 * the document fails (or null if it passes all): a document that fails one group still counts
 * towards that group's values, so each count says what choosing that value would give
 * ("disjunctive" facets). Accessibility is "all of", so it counts only full matches.
 */
export function facetCounter(query: SearchQuery): (counts: FacetCounts, fields: FilterFields, failed: FilterGroup | null) => void {
  const timeMask = query.time.length ? slotMask([], query.time) : 0;
  const dayOfSlotMasks = DAYS.map((_, d) => 0b111 << (d * 3));
  const dayMask = slotMask(query.day, []);
  const partMasks = TIMES_OF_DAY.map((time) => slotMask([], [time]) & dayMask);
  return (counts, fields, failed) => {
    const all = failed === null;
    if (all || failed === 'category') {
      for (const code of fields.categories) if (counts.category[code] !== undefined) counts.category[code]!++;
    }
    if (all || failed === 'cost') {
      for (let i = 0; i < COST_BANDS.length; i++) if (fields.costBits & (1 << i)) counts.cost[COST_BANDS[i]!]++;
    }
    if (all || failed === 'mode') {
      for (let i = 0; i < DELIVERY_MODES.length; i++) if (fields.modeBits & (1 << i)) counts.mode[DELIVERY_MODES[i]!]++;
    }
    if (all || failed === 'when') {
      for (let d = 0; d < DAYS.length; d++) {
        const has = timeMask ? (fields.slotBits & timeMask & dayOfSlotMasks[d]!) !== 0 : (fields.dayBits & (1 << d)) !== 0;
        if (has) counts.day[DAYS[d]!]++;
      }
      for (let t = 0; t < TIMES_OF_DAY.length; t++) if (fields.slotBits & partMasks[t]!) counts.time[TIMES_OF_DAY[t]!]++;
    }
    if (all || failed === 'referral') {
      for (let i = 0; i < REFERRAL_ROUTES.length; i++) if (fields.referralBits & (1 << i)) counts.referral[REFERRAL_ROUTES[i]!]++;
    }
    if (all) for (const code of fields.access) if (counts.access[code] !== undefined) counts.access[code]!++;
    if (all || failed === 'capacity') counts.capacity[fields.capacity]++;
    if ((all || failed === 'max_cost') && fields.lowestCost !== null) {
      for (const amount of MAX_COST_FACETS) if (fields.lowestCost <= amount) counts.max_cost[amount]!++;
    }
    if (all || failed === 'age') {
      for (const age of AGE_FACETS) {
        if ((fields.minimumAge === null || fields.minimumAge <= age) && (fields.maximumAge === null || fields.maximumAge >= age)) counts.age[age]!++;
      }
    }
    if (failed === 'status') counts.closed++;
  };
}
