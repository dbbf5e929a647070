// The taxonomy crosswalk's rules: which of this directory's categories another publisher's term
// stands for, by its name, by the lay words people use for our categories, or by its parent's
// mapping. Pure: the store (crosswalk-store.ts) keeps what is decided, and the panel can change it.
import { getTaxonomy } from './taxonomy';
import { getSynonyms } from './synonyms';
import type { CategoryTerm } from './schema';

/** A term of another taxonomy, as an imported record carries it. */
export interface ForeignTerm {
  id: string;
  name: string;
  code?: string | null;
  taxonomy?: string | null;
  parentId?: string | null;
}

export const CROSSWALK_METHODS = ['name', 'lay_word', 'parent', 'panel', 'none'] as const;
export type CrosswalkMethod = (typeof CROSSWALK_METHODS)[number];

export const CROSSWALK_METHOD_LABELS: Record<CrosswalkMethod, string> = {
  name: 'Same name as our category',
  lay_word: 'Matches words people use for our category',
  parent: 'Follows the term it sits under',
  panel: 'Chosen by the panel',
  none: 'Not mapped',
};

/** A term's id and the category code it stands for, for every mapped term: what search reads. */
export type Crosswalk = ReadonlyMap<string, string>;

/** Words that say nothing about the kind of help ("Support services" is no category). */
const EMPTY_WORDS = new Set([
  'and',
  'or',
  'of',
  'for',
  'the',
  'a',
  'an',
  'with',
  'in',
  'to',
  'on',
  'services',
  'service',
  'support',
  'help',
  'other',
  'general',
  'community',
  'local',
]);

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ');

/** A word without its plural, so "Food bank" and "Food banks", "Family" and "Families" are one name. */
const singular = (word: string) => {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
};

function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(singular);
}

const nameKey = (text: string) => wordsOf(text).join(' ');

interface CategoryWords {
  term: CategoryTerm;
  depth: number;
  names: Set<string>;
  /** Each lay phrase as a key, and the content words of them all. */
  phrases: Set<string>;
  words: Set<string>;
  nameWords: Set<string>;
}

let index: CategoryWords[] | undefined;
/** How many categories use each word (in their name or lay words): a word most of them use says little. */
let spread: Map<string, number> | undefined;

function categoryWords(): CategoryWords[] {
  if (index) return index;
  const taxonomy = getTaxonomy();
  const synonyms = getSynonyms();
  index = taxonomy.categories.map((term) => {
    const lay = [...term.lay_words, ...synonyms.filter((synonym) => synonym.categories.includes(term.id)).flatMap((synonym) => synonym.when)];
    const content = (text: string) => wordsOf(text).filter((word) => !EMPTY_WORDS.has(word));
    return {
      term,
      depth: taxonomy.ancestorsOf(term.id).length,
      names: new Set([nameKey(term.name)]),
      phrases: new Set(lay.map(nameKey)),
      words: new Set(lay.flatMap(content)),
      nameWords: new Set(content(term.name)),
    };
  });
  spread = new Map();
  for (const category of index) for (const word of new Set([...category.phrases, ...category.nameWords])) spread.set(word, (spread.get(word) ?? 0) + 1);
  return index;
}

/**
 * The category a term stands for by its own words, or null: a category of the same name first; then one whose lay words are the term's name or a part of it ("Isolation and loneliness"),
 * scored by the term's words that are the category's name words (2), lay words (1.5) or part of
 * one (0.5), each divided by the square root of how many categories have it. A term at the top of its tree leans to our top-level categories,
 * one below to theirs.
 */
export function matchByWords(term: Pick<ForeignTerm, 'name' | 'code' | 'parentId'>): { code: string; method: 'name' | 'lay_word' } | null {
  const categories = categoryWords();
  const key = nameKey(term.name);
  // By name, never by code: another taxonomy's "food-banks" may be the banks of the Tyne.
  const byName = categories.find((category) => category.names.has(key));
  if (byName) return { code: byName.term.id, method: 'name' };
  // The name's parts: "Bereavement, grief and loss" -> "bereavement", "grief", "loss".
  const parts = fold(term.name)
    .split(/,|\/|\(|\)|;|\band\b|\bor\b/)
    .map(nameKey)
    .filter(Boolean);
  const words = wordsOf(term.name).filter((word) => !EMPTY_WORDS.has(word));
  let best: { category: CategoryWords; score: number } | undefined;
  for (const category of categories) {
    let score = 0;
    let matched = 0;
    let phrases = 0;
    for (const part of [key, ...parts]) if (category.phrases.has(part) || category.names.has(part)) phrases++;
    for (const part of [key, ...parts]) if (category.phrases.has(part) || category.names.has(part)) score += 3;
    // A word that is one of the category's names or lay words by itself counts; one that is only
    // part of a longer lay phrase ("prevention" of "falls prevention") counts a little.
    for (const word of words) {
      const weight = category.nameWords.has(word) ? 2 : category.phrases.has(word) ? 1.5 : category.words.has(word) ? 0.5 : 0;
      if (weight) matched++;
      score += weight / Math.sqrt(spread!.get(word) ?? 1);
    }
    // Too little to go on, whatever the tree says: under 1, or words that cover less than half the
    // term's own and no whole lay word or name ("Banks of the river Tyne" has one word of "Food banks").
    if (score < 1 || (!phrases && matched * 2 < words.length)) continue;
    if (term.parentId !== undefined && (category.depth === 1) === !term.parentId) score += 0.5;
    // Equal scores: the more specific category, then the first in the taxonomy.
    if (!best || score > best.score || (score === best.score && category.depth > best.category.depth)) best = { category, score };
  }
  return best ? { code: best.category.term.id, method: 'lay_word' } : null;
}

export interface CrosswalkDecision {
  termId: string;
  categoryCode: string | null;
  method: CrosswalkMethod;
}

/**
 * Mappings for new terms: by words where they have them; a term with none follows the term it sits
 * under (known already, or new too), through as many levels as there are.
 */
export function mapTerms(terms: ForeignTerm[], known: ReadonlyMap<string, { categoryCode: string | null }>): CrosswalkDecision[] {
  const decided = new Map<string, CrosswalkDecision>();
  for (const term of terms) {
    const match = matchByWords(term);
    decided.set(term.id, match ? { termId: term.id, categoryCode: match.code, method: match.method } : { termId: term.id, categoryCode: null, method: 'none' });
  }
  const byId = new Map(terms.map((term) => [term.id, term]));
  const parentCategory = (id: string | null | undefined, seen: Set<string>): string | null => {
    if (!id || seen.has(id)) return null;
    seen.add(id);
    const mine = decided.get(id);
    if (mine?.categoryCode) return mine.categoryCode;
    const old = known.get(id);
    if (old?.categoryCode) return old.categoryCode;
    return parentCategory(byId.get(id)?.parentId, seen);
  };
  for (const term of terms) {
    const decision = decided.get(term.id)!;
    if (decision.categoryCode) continue;
    const code = parentCategory(term.parentId, new Set([term.id]));
    if (code) decided.set(term.id, { termId: term.id, categoryCode: code, method: 'parent' });
  }
  return [...decided.values()];
}
