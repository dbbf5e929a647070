// Accessibility: every feature chosen, at one of its places or another.
import { getTaxonomy } from '../../taxonomy/taxonomy';
import { oneOfList, termParam, accessibilityTerms } from './parameter-schemas';
import { parameter, type FilterDefinition } from './definition';

export interface AccessFields {
  /** Accessibility codes of any of the service's places. */
  access: string[];
}

export interface AccessFacets {
  access: Record<string, number>;
}

export const accessParameters = {
  access: parameter({
    schema: termParam(accessibilityTerms, (value, codes) => `"${value}" is not an accessibility feature. Use one of ${oneOfList(codes)}.`),
    empty: [],
    label: 'Accessibility',
    role: 'filter',
  }),
};

export const accessFilter: FilterDefinition = {
  name: 'access',
  parameters: ['access'],
  meaning: {
    kind: 'all-of',
    field: 'access',
    values: () => getTaxonomy().accessibility.map((term) => term.id),
    chosen: (query) => query.access,
    facets: (counts) => ({ access: counts }),
  },
};
