// How results are shown: their order, list or map, and which page.
import { parameter } from './definition';
import { NEEDS_PLACE } from './distance';
import { numberParam, single } from './parameter-schemas';

export const SORTS = ['relevance', 'distance', 'recently_verified'] as const;
export type Sort = (typeof SORTS)[number];
export const VIEWS = ['list', 'map'] as const;
export type View = (typeof VIEWS)[number];
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

/** Sorted by distance when there is a place to measure from, unless another order is asked for. */
export function defaultSort(query: { near: string }): Sort {
  return query.near ? 'distance' : 'relevance';
}

export const displayParameters = {
  sort: parameter<Sort>({
    schema: single(SORTS, 'a sort order'),
    empty: 'relevance',
    label: 'Sort by',
    role: 'display',
    needsPlace: {
      applies: (value) => value === 'distance',
      without: () => 'relevance',
      message: `Sorting by distance needs a place to measure from. ${NEEDS_PLACE}`,
    },
  }),
  view: parameter<View>({ schema: single(VIEWS, 'a view'), empty: 'list', label: 'Show results as', role: 'display' }),
  page: parameter({ schema: numberParam('a page number', 1, 10_000, true), empty: 1, label: 'Page number', role: 'display' }),
  per_page: parameter({
    schema: numberParam('a number of results per page', 1, MAX_PER_PAGE, true),
    empty: DEFAULT_PER_PAGE,
    label: 'Results per page',
    role: 'display',
  }),
};
