// Recently checked: only listings whose freshness is ok (checked recently, nothing reported).
import { FRESHNESS_STATUSES, type FreshnessStatus } from '../../freshness/rules';
import { parameter, type FilterDefinition } from './definition';
import { flag } from './parameter-schemas';

export interface FreshFields {
  /** Its freshness status (src/lib/freshness/rules.ts) on the day the document was built. */
  freshness: FreshnessStatus;
}

export interface FreshFacets {
  /** How many there would be with fresh=1. */
  fresh: number;
}

export const freshParameters = {
  fresh: parameter({ schema: flag, empty: false, label: 'Recently checked', role: 'filter' }),
};

export const freshFilter: FilterDefinition = {
  name: 'fresh',
  parameters: ['fresh'],
  meaning: {
    kind: 'one-of',
    field: 'freshness',
    values: FRESHNESS_STATUSES,
    allowed: (query) => (query.fresh ? ['ok'] : null),
    facets: (counts) => ({ fresh: counts.ok ?? 0 }),
  },
};
