// The filters a search has chosen, one value at a time, each with the same search without it:
// for "remove this filter" links, and to find which filter to drop when nothing is found.
import { EMPTY_QUERY, FILTERS, FILTER_PARAMETERS, PARAMETER_DEFINITIONS, type FilterParameter, type SearchQuery } from './filters';

export type { FilterParameter };

export interface ChosenFilter {
  parameter: FilterParameter;
  /** The value as it appears in the URL ("free", "tue", "18"). */
  value: string;
  /** The same search without this value, on its first page. */
  without: SearchQuery;
}

/** What else goes with a filter when it is removed, as its filter declares (without a place, nothing can be measured from it). */
const ALSO_REMOVED = new Map(FILTERS.flatMap((filter) => Object.entries(filter.alsoRemoved ?? {})));

/**
 * The filters chosen, one value at a time, in the order of the parameters (src/lib/search/filters/): every
 * value of a list, a number or a choice, a switch that is on. walk_km is not one of its own: it
 * says how far the transport filter's "walk" means.
 */
export function chosenFilters(query: SearchQuery): ChosenFilter[] {
  const chosen: ChosenFilter[] = [];
  const without = (change: Partial<SearchQuery>): SearchQuery => ({ ...query, ...change, page: 1 });
  for (const parameter of FILTER_PARAMETERS) {
    if (PARAMETER_DEFINITIONS[parameter].role !== 'filter') continue;
    const value: unknown = query[parameter];
    const empty = PARAMETER_DEFINITIONS[parameter].empty;
    const also = ALSO_REMOVED.get(parameter)?.(query) ?? {};
    if (Array.isArray(value)) {
      for (const item of value as string[]) {
        chosen.push({ parameter, value: item, without: without({ [parameter]: (value as string[]).filter((other) => other !== item), ...also }) });
      }
    } else if (value !== empty && value !== null && value !== '' && value !== false) {
      chosen.push({ parameter, value: value === true ? '1' : String(value), without: without({ [parameter]: empty, ...also }) });
    }
  }
  return chosen;
}

/** The same search with no filters: only the words, sort (unless by distance), view and page size kept. */
export function withoutFilters(query: SearchQuery): SearchQuery {
  return {
    ...EMPTY_QUERY,
    q: query.q,
    as_typed: query.as_typed,
    sort: query.sort === 'distance' ? 'relevance' : query.sort,
    view: query.view,
    per_page: query.per_page,
  };
}
