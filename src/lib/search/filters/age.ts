// Your age: the service takes people of that age (no limit given means anyone).
import { parameter, type FilterDefinition } from './definition';
import { numberParam } from './parameter-schemas';

/** Ages that age facet counts are given for: a child, a teenager, an adult, an older person. */
export const AGE_FACETS = [8, 16, 30, 70] as const;

export interface AgeFields {
  minimumAge: number | null;
  maximumAge: number | null;
}

export interface AgeFacets {
  /** Keyed by age: how many accept a person of that age. */
  age: Record<string, number>;
}

export const ageParameters = {
  age: parameter({ schema: numberParam('an age', 0, 130, true), empty: null, label: 'Your age', role: 'filter' }),
};

export const ageFilter: FilterDefinition = {
  name: 'age',
  parameters: ['age'],
  meaning: { kind: 'range', min: 'minimumAge', max: 'maximumAge', chosen: (query) => query.age, points: AGE_FACETS, facets: (counts) => ({ age: counts }) },
};
