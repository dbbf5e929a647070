// When a search finds nothing: the searches that would find something (fewer words, one filter
// fewer, no filters, no words), each with how many it finds, and the types of help the words
// belong to. Only counts are asked for, one result each and no facets, through any backend.
import type { Origin, SearchQuery } from './filters';
import type { SearchBackend } from './search-backend';
import { chosenFilters, withoutFilters, type ChosenFilter } from './chosen-filters';
import { FILLER_WORDS, parseTextQuery, termToken, wordsOf } from './query-text';
import { getTaxonomy } from '../taxonomy/taxonomy';

export interface WaysForward {
  /** Each chosen filter with how many services the search would find without it. */
  relaxations: { filter: ChosenFilter; total: number }[];
  /** How many services the filters alone find, without the words; null without words or filters. */
  withoutWords: number | null;
  /** How many services the words alone find, without any filter; null without filters. */
  withoutAnyFilter: number | null;
  /** The same search with one word fewer, for those that find something, most found first. */
  fewerWords: { q: string; total: number }[];
  /**
   * Types of help the words are lay words or synonyms for, each with how many services it has with
   * the same filters, or (when that is none) without them; `search` is that search.
   */
  categories: { code: string; name: string; total: number; withFilters: boolean; search: SearchQuery }[];
}

const MAX_WORDS_TRIED = 6;
const MAX_SHOWN = 3;

/** The words of a search that carry meaning, as typed (filler words left out). */
export function meaningfulWords(q: string): string[] {
  return q.split(/\s+/).filter((token) => {
    const words = wordsOf(token).flat();
    return words.length > 0 && !words.every((word) => FILLER_WORDS.has(word));
  });
}

/** The searches with one meaningful word left out ("walking group heaton" -> "group heaton", ...). */
export function withOneWordFewer(q: string): string[] {
  const words = meaningfulWords(q);
  if (words.length < 2 || words.length > MAX_WORDS_TRIED) return [];
  return [...new Set(words.map((_, i) => words.filter((__, j) => j !== i).join(' ')))];
}

/** Our categories that the words stand for (through lay words and synonyms), most general last. */
export function categoriesOfWords(q: string): string[] {
  const taxonomy = getTaxonomy();
  const byToken = new Map(taxonomy.categories.map((term) => [termToken('category', term.id), term.id]));
  const codes: string[] = [];
  for (const group of parseTextQuery(q).groups) {
    for (const phrase of group) {
      const code = phrase.kind === 'term' ? byToken.get(phrase.words[0]!) : undefined;
      if (code && !codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}

export async function waysForward(search: SearchBackend, query: SearchQuery, origin: Origin | null): Promise<WaysForward> {
  const countOf = async (other: SearchQuery) => (await search.search({ ...other, page: 1, per_page: 1 }, { origin: other.near ? origin : null })).total;
  const chosen = chosenFilters(query);
  const hasFilters = chosen.length > 0;
  const found = <T extends { total: number }>(list: T[]) => list.filter((item) => item.total > 0).sort((a, b) => b.total - a.total);
  const taxonomy = getTaxonomy();
  const [relaxations, withoutWords, withoutAnyFilter, fewerWords, categories] = await Promise.all([
    Promise.all(chosen.slice(0, 12).map(async (filter) => ({ filter, total: await countOf(filter.without) }))),
    query.q && hasFilters ? countOf({ ...query, q: '' }) : Promise.resolve(null),
    hasFilters ? countOf(withoutFilters(query)) : Promise.resolve(null),
    Promise.all(withOneWordFewer(query.q).map(async (q) => ({ q, total: await countOf({ ...query, q }) }))),
    Promise.all(
      categoriesOfWords(query.q)
        .slice(0, 6)
        .map(async (code) => {
          const name = taxonomy.categoryByCode.get(code)!.name;
          const filtered: SearchQuery = { ...query, q: '', category: [code], page: 1 };
          const total = await countOf(filtered);
          if (total > 0 || !hasFilters) return { code, name, total, withFilters: true, search: filtered };
          const unfiltered: SearchQuery = { ...withoutFilters(query), q: '', category: [code] };
          return { code, name, total: await countOf(unfiltered), withFilters: false, search: unfiltered };
        }),
    ),
  ]);
  return { relaxations, withoutWords, withoutAnyFilter, fewerWords: found(fewerWords).slice(0, MAX_SHOWN), categories: found(categories).slice(0, 4) };
}
