// The contract every search backend meets (SQLite FTS5 now, Meilisearch later). No SQL here.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import type { FacetCounts, Origin, SearchQuery } from './filters';
import type { SearchDocument } from './search-document';
import type { SpellingCorrection } from './spelling';

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/**
 * What a search returns of a document: everything but the filter fields. Read-only all through:
 * backends keep parsed documents between searches (document-cache.ts), frozen, and a page that
 * changed one would change every later search's results.
 */
export type ShownDocument = DeepReadonly<Omit<SearchDocument, 'fields'>>;

/**
 * How a result stands to the searched place: it has a place this far away ('place'), it covers
 * the searched area ('area'), it is by phone or online only ('remote'), or none of these is known.
 */
export type Reach = 'place' | 'area' | 'remote' | 'unknown';

export interface SearchHit {
  document: ShownDocument;
  /** Backend-specific relevance score, higher is better; null when the search had no text. */
  score: number | null;
  /** Kilometres to its nearest place from the searched point; null without one, or with no place. */
  distanceKm: number | null;
  /** Null when the search has no searched point. */
  reach: Reach | null;
}

export interface SearchResult {
  total: number;
  page: number;
  perPage: number;
  hits: SearchHit[];
  /** "all" when every word matched; "any" when no service matched every word, so any word counts. */
  matched: 'all' | 'any' | null;
  /** The words were misspelt and the search ran with these corrected (unless query.as_typed); null otherwise. */
  corrected: SpellingCorrection | null;
  facets?: FacetCounts;
}

export interface SearchOptions {
  facets?: boolean;
  origin?: Origin | null;
}

export interface SearchBackend {
  readonly name: string;
  /**
   * Adds or replaces documents. `within` is the transaction the directory's own rows are being
   * written in, when there is one: a backend kept in the same database writes in it, so the
   * listing and its search document are saved together or not at all.
   */
  index(documents: SearchDocument[], within?: Kysely<DatabaseSchema>): Promise<void>;
  /** Takes documents out of search (the services themselves are kept). */
  remove(serviceIds: string[]): Promise<void>;
  /**
   * `origin` is the searched place, resolved from query.near by the caller (src/lib/geo/near.ts);
   * without it, distance, radius, walking distance and "covers your area" are not judged.
   */
  search(query: SearchQuery, options?: SearchOptions): Promise<SearchResult>;
  facetCounts(query: SearchQuery, options?: Pick<SearchOptions, 'origin'>): Promise<FacetCounts>;
  /** How many documents are searchable. */
  count(): Promise<number>;
  /** Records that every document was just built for `today` by this code (kept with the documents: src/lib/search/build-state.ts). */
  markAllBuilt(today: string): Promise<void>;
  /** Must every document be built again for `today`: never built, built for an earlier day, or by other code? */
  needsRebuild(today: string): Promise<boolean>;
}
