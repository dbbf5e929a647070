// Type of help: any of the categories chosen (a category takes in those under it).
import { getTaxonomy } from '../../taxonomy/taxonomy';
import { parameter, type FilterDefinition } from './definition';
import { categoryTerms, termParam } from './parameter-schemas';

export interface CategoryFields {
  /** Category codes of the service and all their ancestors. */
  categories: string[];
}

export interface CategoryFacets {
  category: Record<string, number>;
}

export const categoryParameters = {
  category: parameter({
    schema: termParam(categoryTerms, (value) => `"${value}" is not a category. Use a category code such as "food" or "debt-advice".`),
    empty: [],
    label: 'Type of help',
    role: 'filter',
  }),
};

export const categoryFilter: FilterDefinition = {
  name: 'category',
  parameters: ['category'],
  meaning: {
    kind: 'any-of',
    field: 'categories',
    values: () => getTaxonomy().categories.map((term) => term.id),
    chosen: (query) => query.category,
    facets: (counts) => ({ category: counts }),
  },
};
