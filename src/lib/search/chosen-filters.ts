// The filters a search has chosen, one value at a time, each with the same search without it:
// for "remove this filter" links, and to find which filter to drop when nothing is found.
import { EMPTY_QUERY, type Parameter, type SearchQuery } from './filters';

export type FilterParameter = Exclude<Parameter, 'q' | 'sort' | 'view' | 'page' | 'per_page' | 'as_typed'>;

export interface ChosenFilter {
  parameter: FilterParameter;
  /** The value as it appears in the URL ("free", "tue", "18"). */
  value: string;
  /** The same search without this value, on its first page. */
  without: SearchQuery;
}

const LIST_PARAMETERS = ['category', 'cost', 'mode', 'day', 'time', 'referral', 'access', 'language', 'transport'] as const;

export function chosenFilters(query: SearchQuery): ChosenFilter[] {
  const chosen: ChosenFilter[] = [];
  const without = (change: Partial<SearchQuery>): SearchQuery => ({ ...query, ...change, page: 1 });
  if (query.near) {
    // Without a place, nothing can be measured from it: distance, walking and nearest-first go too.
    chosen.push({
      parameter: 'near',
      value: query.near,
      without: without({
        near: '',
        radius_km: null,
        walk_km: null,
        transport: query.transport.filter((option) => option !== 'walk'),
        sort: query.sort === 'distance' ? 'relevance' : query.sort,
      }),
    });
  }
  if (query.radius_km !== null) chosen.push({ parameter: 'radius_km', value: String(query.radius_km), without: without({ radius_km: null }) });
  for (const parameter of LIST_PARAMETERS) {
    const values = query[parameter] as readonly string[];
    for (const value of values) {
      chosen.push({ parameter, value, without: without({ [parameter]: values.filter((other) => other !== value) }) });
    }
    if (parameter === 'cost' && query.max_cost !== null) {
      chosen.push({ parameter: 'max_cost', value: String(query.max_cost), without: without({ max_cost: null }) });
    }
    if (parameter === 'time' && query.age !== null) {
      chosen.push({ parameter: 'age', value: String(query.age), without: without({ age: null }) });
    }
  }
  if (query.capacity !== null) chosen.push({ parameter: 'capacity', value: query.capacity, without: without({ capacity: null }) });
  if (query.include_closed) chosen.push({ parameter: 'include_closed', value: '1', without: without({ include_closed: false }) });
  if (query.fresh) chosen.push({ parameter: 'fresh', value: '1', without: without({ fresh: false }) });
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
