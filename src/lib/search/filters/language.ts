// Language spoken: any of the languages chosen, by the service or at one of its places.
import { parameter, type FilterDefinition } from './definition';
import { languageParam } from './parameter-schemas';

export interface LanguageFields {
  /** Keys of the languages spoken (src/lib/search/languages.ts) by the service or at its places. */
  languages: string[];
}

export interface LanguageFacets {
  /** Keyed by language key: every language the directory's services have, with how many results speak it. */
  language: Record<string, number>;
}

export const languageParameters = {
  language: parameter({ schema: languageParam, empty: [], label: 'Language spoken', role: 'filter' }),
};

export const languageFilter: FilterDefinition = {
  name: 'language',
  parameters: ['language'],
  // The languages are not known in advance: facets list those the directory's services have.
  meaning: { kind: 'any-of', field: 'languages', values: null, chosen: (query) => query.language, facets: (counts) => ({ language: counts }) },
};
