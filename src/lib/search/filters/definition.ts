// How a search filter is declared: its parameters (how each is read, its empty value, its plain
// name), the search document fields it reads, what it means and how its facets are counted.
// A meaning is one of a few kinds (below); every search backend implements each kind once
// (src/lib/search/memory/ for the in-memory engine both backends use), and
// src/lib/search/filters/meaning.ts is the reference that they are tested against.
import type { ParameterSchema } from './parameter-schemas';
import type { FacetCounts, FilterFields, SearchQuery } from './index';

/**
 * What a parameter is for: the words searched for (and how), a filter (narrows the results), a
 * modifier of a filter (walk_km: how far "walk" means), or how results are shown.
 */
export type ParameterRole = 'words' | 'filter' | 'modifier' | 'display';

/** One parameter of the search page and the API. */
export interface ParameterDefinition<T> {
  schema: ParameterSchema<T>;
  /** Its value when not given (and what links leave out). */
  empty: T;
  /** Its plain name, beside its field, in the error summary and in "your filters". */
  label: string;
  role: ParameterRole;
  /** For a value that needs a place to measure from: when it does, the value without it, and why. */
  needsPlace?: { applies: (value: T) => boolean; without: (value: T) => T; message: string };
}

/** Declares a parameter; its value's type is read from its schema, and its role kept as written. */
export function parameter<T, R extends ParameterRole = ParameterRole>(definition: ParameterDefinition<T> & { role: R }): ParameterDefinition<T> & { role: R } {
  return definition;
}

type FieldOf<V> = { [K in keyof FilterFields]: FilterFields[K] extends V ? K : never }[keyof FilterFields];

/** Counts by value (or by amount), as the engine gives them, turned into the filter's facets. */
type FacetsFrom = (counts: Record<string, number>, query: SearchQuery) => Partial<FacetCounts>;

/**
 * What a filter means for a search document, as one of these kinds:
 * - any-of: the document's list holds at least one of the values chosen. Facets count each value
 *   over the documents that meet every other filter (choosing it would give that many).
 * - all-of: the list holds every value chosen. Facets count each value over the results.
 * - at-most: the number is known and no more than the one chosen. Facets count the documents at
 *   most each of `points`, over those meeting every other filter.
 * - range: the range from `min` to `max` (either unknown means open) holds the number chosen.
 *   Facets count, for each of `points`, the documents that take it.
 * - one-of: the value is one of those the query allows (null: any). Facets count each value over
 *   the documents that meet every other filter.
 * - schedule, distance, transport: their own (when.ts, distance.ts, transport.ts say what).
 */
export type Meaning =
  | {
      kind: 'any-of';
      field: FieldOf<readonly string[]>;
      /** Every value there can be, in the order facets list them; null when not known in advance (languages). */
      values: (() => readonly string[]) | null;
      chosen: (query: SearchQuery) => readonly string[];
      facets: FacetsFrom;
    }
  | {
      kind: 'all-of';
      field: FieldOf<readonly string[]>;
      values: () => readonly string[];
      chosen: (query: SearchQuery) => readonly string[];
      facets: FacetsFrom;
    }
  | { kind: 'at-most'; field: FieldOf<number | null>; chosen: (query: SearchQuery) => number | null; points: readonly number[]; facets: FacetsFrom }
  | {
      kind: 'range';
      min: FieldOf<number | null>;
      max: FieldOf<number | null>;
      chosen: (query: SearchQuery) => number | null;
      points: readonly number[];
      facets: FacetsFrom;
    }
  | {
      kind: 'one-of';
      field: FieldOf<string>;
      values: readonly string[];
      allowed: (query: SearchQuery) => readonly string[] | null;
      facets: FacetsFrom;
    }
  | { kind: 'schedule' | 'distance' | 'transport'; emptyFacets: () => Partial<FacetCounts> };

export type MeaningKind = Meaning['kind'];

/** One search filter. */
export interface FilterDefinition {
  /** Its name: the group its parameters filter as one ("when" is day and time together). */
  name: string;
  /** The names of its parameters (declared in its file), in the order they are shown. */
  parameters: readonly string[];
  meaning: Meaning;
  /** What else changes when one of its parameters is taken away ("your filters", "remove"). */
  alsoRemoved?: { [parameter: string]: (query: SearchQuery) => Partial<SearchQuery> };
}

/** Every value zero. */
export function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}
