// The search page's order control: it shows the order in force, and its first choice is "the
// default for this search" (posted as an empty value), so a default is never sent back as if
// the person had chosen it: typing a postcode after a search by words still gives nearest first.
import { defaultSort, SORTS, type SearchQuery, type Sort } from './filters';
import { SORT_LABELS } from './labels';

export interface SortChoice {
  options: { value: '' | Sort; label: string }[];
  /** The option to show as chosen: '' for the default. */
  selected: '' | Sort;
}

/**
 * The choices for a search: the default first (nearest first when there is a place, best match
 * otherwise), then the other orders that make sense for it. `chosen` is whether the address
 * named an order itself.
 */
export function sortChoice(query: Pick<SearchQuery, 'near' | 'sort'>, chosen: boolean): SortChoice {
  const fallback = defaultSort(query);
  const others = SORTS.filter((sort) => sort !== fallback && (sort !== 'distance' || query.near));
  return {
    options: [{ value: '', label: SORT_LABELS[fallback] }, ...others.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))],
    selected: chosen && query.sort !== fallback && others.includes(query.sort) ? query.sort : '',
  };
}

/** Did the address name an order (a value that is not blank)? */
export function sortWasChosen(params: URLSearchParams): boolean {
  return params.getAll('sort').some((value) => value.trim() !== '');
}
