// The search filters, one file each in this folder (parameters, document fields, meaning and
// facets), and the parameters of a search: read from an address with errors written for people,
// and written back into links. The search page, the JSON API, the Open Referral API and every
// search backend read them from here.
import type { z } from 'zod';
import { accessFilter, accessParameters, type AccessFacets, type AccessFields } from './access';
import { ageFilter, ageParameters, type AgeFacets, type AgeFields } from './age';
import { capacityFilter, capacityParameters, type CapacityFacets, type CapacityFields } from './capacity';
import { categoryFilter, categoryParameters, type CategoryFacets, type CategoryFields } from './category';
import { costFilter, costParameters, type CostFacets, type CostFields } from './cost';
import { defaultSort, displayParameters } from './display';
import { distanceFilter, distanceParameters, type DistanceFacets, type DistanceFields } from './distance';
import { freshFilter, freshParameters, type FreshFacets, type FreshFields } from './fresh';
import { languageFilter, languageParameters, type LanguageFacets, type LanguageFields } from './language';
import { maxCostFilter, maxCostParameters, type MaxCostFacets, type MaxCostFields } from './max-cost';
import { modeFilter, modeParameters, type ModeFacets, type ModeFields } from './mode';
import { referralFilter, referralParameters, type ReferralFacets, type ReferralFields } from './referral';
import { statusFilter, statusParameters, type StatusFacets, type StatusFields } from './status';
import { transportFilter, transportParameters, type TransportFacets, type TransportFields } from './transport';
import { whenFilter, whenParameters, type WhenFacets, type WhenFields } from './when';
import { wordParameters } from './words';
import { zeros, type FilterDefinition, type ParameterDefinition } from './definition';

export * from './access';
export * from './age';
export * from './capacity';
export * from './category';
export * from './cost';
export * from './display';
export * from './distance';
export * from './fresh';
export * from './language';
export * from './max-cost';
export * from './mode';
export * from './referral';
export * from './status';
export * from './transport';
export * from './when';
export * from './words';
export type { FilterDefinition, Meaning, MeaningKind, ParameterDefinition, ParameterRole } from './definition';

/** The filters, in the order a search tests them. */
export const FILTERS: readonly FilterDefinition[] = [
  distanceFilter,
  categoryFilter,
  costFilter,
  maxCostFilter,
  modeFilter,
  whenFilter,
  ageFilter,
  referralFilter,
  accessFilter,
  languageFilter,
  capacityFilter,
  transportFilter,
  statusFilter,
  freshFilter,
];

/**
 * Every parameter the search page and the API accept, in the order they are shown and written
 * in links. The search's type, its empty value, the labels and the chosen filters are read from here.
 */
export const PARAMETER_DEFINITIONS = {
  q: wordParameters.q,
  ...distanceParameters,
  ...categoryParameters,
  ...costParameters,
  ...maxCostParameters,
  ...modeParameters,
  ...whenParameters,
  ...ageParameters,
  ...referralParameters,
  ...accessParameters,
  ...languageParameters,
  ...capacityParameters,
  ...transportParameters,
  ...statusParameters,
  ...freshParameters,
  ...displayParameters,
  as_typed: wordParameters.as_typed,
};

type Definitions = typeof PARAMETER_DEFINITIONS;
export type Parameter = keyof Definitions;

/** A search: every parameter's value. */
export type SearchQuery = { [K in Parameter]: Definitions[K] extends ParameterDefinition<infer T> ? T : never };

/** What every search document holds for the filters: plain values, each declared by its filter. */
export type FilterFields = DistanceFields &
  CategoryFields &
  CostFields &
  MaxCostFields &
  ModeFields &
  WhenFields &
  AgeFields &
  ReferralFields &
  AccessFields &
  LanguageFields &
  CapacityFields &
  TransportFields &
  StatusFields &
  FreshFields;

/** Facet counts: for each filter value, how many results there would be with it chosen. */
export type FacetCounts = DistanceFacets &
  CategoryFacets &
  CostFacets &
  MaxCostFacets &
  ModeFacets &
  WhenFacets &
  AgeFacets &
  ReferralFacets &
  AccessFacets &
  LanguageFacets &
  CapacityFacets &
  TransportFacets &
  StatusFacets &
  FreshFacets;

export interface ParameterError {
  parameter: Parameter;
  message: string;
  allowed?: string[];
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; query: SearchQuery; errors: ParameterError[] };

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

/** A parameter's definition, without its own value type (for code that goes through them all). */
export function definitionOf(parameter: Parameter): ParameterDefinition<unknown> {
  return PARAMETER_DEFINITIONS[parameter] as ParameterDefinition<unknown>;
}

/** A search with nothing given: every parameter at its empty value. */
export const EMPTY_QUERY: SearchQuery = Object.fromEntries(PARAMETERS.map((parameter) => [parameter, PARAMETER_DEFINITIONS[parameter].empty])) as SearchQuery;

/**
 * Reads a search from URL parameters. Never throws: a bad value is left out of the query and
 * reported, so a page can show the message beside the filter and still show results.
 */
export function parseSearchParams(params: URLSearchParams): ParseResult {
  const query: Record<Parameter, unknown> = { ...EMPTY_QUERY };
  const errors: ParameterError[] = [];
  for (const parameter of PARAMETERS) {
    const values = params.getAll(parameter).map((value) => value.slice(0, 10_000));
    const schema: z.ZodType<unknown, z.ZodTypeDef, string[]> = definitionOf(parameter).schema;
    const result = schema.safeParse(values);
    if (result.success) {
      if (result.data !== null) query[parameter] = result.data;
      continue;
    }
    const issue = result.error.issues[0]!;
    const allowed = (issue as { params?: { allowed?: string[] } }).params?.allowed;
    errors.push({ parameter, message: issue.message, ...(allowed ? { allowed: [...allowed] } : {}) });
    // Keep the good values of a repeatable filter: re-run keeping only the valid ones.
    const partial = schema.safeParse(values.filter((value) => schema.safeParse([value]).success));
    if (partial.success && partial.data !== null) query[parameter] = partial.data;
  }
  // What needs a place to measure from is taken away without one, and said.
  if (!query.near) {
    for (const parameter of PARAMETERS) {
      const needsPlace = definitionOf(parameter).needsPlace;
      if (!needsPlace?.applies(query[parameter])) continue;
      errors.push({ parameter, message: needsPlace.message });
      query[parameter] = needsPlace.without(query[parameter]);
    }
  }
  const search = query as SearchQuery;
  if (!params.getAll('sort').some((value) => value.trim() !== '') && !errors.some((error) => error.parameter === 'sort')) search.sort = defaultSort(search);
  return errors.length ? { ok: false, query: search, errors } : { ok: true, query: search };
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

/** Facet counts of nothing: every value zero (languages: none). */
export function emptyFacetCounts(): FacetCounts {
  const counts: Partial<FacetCounts> = {};
  for (const { meaning } of FILTERS) {
    switch (meaning.kind) {
      case 'any-of':
      case 'all-of':
        Object.assign(counts, meaning.facets(zeros(meaning.values?.() ?? []), EMPTY_QUERY));
        break;
      case 'one-of':
        Object.assign(counts, meaning.facets(zeros(meaning.values), EMPTY_QUERY));
        break;
      case 'at-most':
      case 'range':
        Object.assign(counts, meaning.facets(zeros(meaning.points.map(String)), EMPTY_QUERY));
        break;
      default:
        Object.assign(counts, meaning.emptyFacets());
    }
  }
  return counts as FacetCounts;
}

export { matchesFilters, meets, measure } from './meaning';
