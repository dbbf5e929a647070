// Space for new people: "available" leaves out those full or paused; "accepting" keeps only
// those that say they are taking people on.
import { CAPACITY_FACET } from '../../vocabulary';
import { parameter, type FilterDefinition } from './definition';
import { single } from './parameter-schemas';

export const CAPACITY_FILTERS = ['available', 'accepting'] as const;
export const CAPACITY_FACETS = CAPACITY_FACET.values;
export type CapacityFacet = (typeof CAPACITY_FACETS)[number];

export interface CapacityFields {
  /** Its capacity status, or "unknown". */
  capacity: CapacityFacet;
}

export interface CapacityFacets {
  capacity: Record<CapacityFacet, number>;
}

export const capacityParameters = {
  capacity: parameter({ schema: single(CAPACITY_FILTERS, 'a capacity option'), empty: null, label: 'Space for new people', role: 'filter' }),
};

const ALLOWED: Record<(typeof CAPACITY_FILTERS)[number], readonly CapacityFacet[]> = {
  available: CAPACITY_FACETS.filter((status) => status !== 'full' && status !== 'paused'),
  accepting: ['accepting'],
};

export const capacityFilter: FilterDefinition = {
  name: 'capacity',
  parameters: ['capacity'],
  meaning: {
    kind: 'one-of',
    field: 'capacity',
    values: CAPACITY_FACETS,
    allowed: (query) => (query.capacity ? ALLOWED[query.capacity] : null),
    facets: (counts) => ({ capacity: counts as Record<CapacityFacet, number> }),
  },
};
