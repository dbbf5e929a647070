// Turns what a person typed into a backend-neutral text query: words folded and split, filler
// words dropped, each word matched as itself and as its stem ("walking" = "walking" or "walk",
// both as the start of a word), compound words matched both ways ("foodbank" = "food bank"), and
// the lay words of the taxonomy ("lonely", "can't pay rent") matched to the categories they
// stand for, and synonyms and feeling phrases ("feeling low", "skint") matched to the words that
// mean the same in any service's text, whatever taxonomy it came with. No stem or prefix is let
// reach a place name it is not ("walking" never finds Walker).
import { getTaxonomy } from '../taxonomy/taxonomy';
import { getSynonyms } from '../taxonomy/synonyms';
import { MAX_QUERY_LENGTH } from './filters';
import { exactForms, placeReachedBy, placeWords } from './place-words';

/**
 * One way to match: a phrase of one or more words; `prefix` lets the last word be the start of a
 * word. A "words" phrase is what a person typed, matched only against the text of a service (name,
 * categories, organisation, description); a "term" phrase is one term token (termToken), matched
 * only against the service's term tokens, so typing "cat" never finds "catfoodbanks".
 */
export interface Phrase {
  words: string[];
  prefix: boolean;
  kind: 'words' | 'term';
  /** Found through words that mean the same (a synonym), not the words typed: ranked after them. */
  expanded?: boolean;
}

/** Every group must match (AND); a group matches when any of its phrases does (OR). */
export interface TextQuery {
  groups: Phrase[][];
}

const MAX_GROUPS = 12;
/** At most this many words that mean the same per group: each one is another lookup in the index. */
const MAX_ALSO = 10;
const MIN_PREFIX_LENGTH = 3;

/** Words that carry no meaning in a search for help; dropped unless nothing else is left. */
export const FILLER_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'is',
  'are',
  'be',
  'it',
  'i',
  'im',
  'me',
  'my',
  'we',
  'our',
  'you',
  'your',
  'need',
  'needs',
  'want',
  'wants',
  'looking',
  'find',
  'get',
  'some',
  'any',
  'please',
  'near',
  'nearby',
  'there',
  'where',
  'can',
  'do',
  'does',
  'what',
  'who',
  'how',
  'about',
  // How people say how they feel, around the word that says what ("i feel so alone"): the
  // feeling phrases themselves ("feeling low") are read before these are dropped.
  'feel',
  'feels',
  'feeling',
  'felt',
  'so',
  'very',
  'really',
  'just',
  'quite',
  'bit',
  'anymore',
  'always',
]);

/** Lowercase, accents removed ("café" -> "cafe"), as the index does. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Splits folded text into words; an apostrophe inside a word splits it as the index does ("can't" -> "can", "t"). */
export function wordsOf(text: string): string[][] {
  const words: string[][] = [];
  for (const raw of foldText(text).split(/[^\p{L}\p{N}'’]+/u)) {
    const parts = raw.split(/['’]+/).filter(Boolean);
    if (parts.length) words.push(parts);
  }
  return words;
}

let compounds: Map<string, string[]> | undefined;

/**
 * Compound words from the taxonomy's names and lay words: every two-word phrase whose words
 * written together also make a word ("food bank" <-> "foodbank", "step free" <-> "stepfree").
 */
export function knownCompounds(): Map<string, string[]> {
  if (compounds) return compounds;
  compounds = new Map();
  const taxonomy = getTaxonomy();
  const phrases = [
    ...taxonomy.categories.flatMap((term) => [term.name, ...term.lay_words]),
    ...taxonomy.accessibility.flatMap((term) => [term.name, ...term.lay_words]),
  ];
  for (const phrase of phrases) {
    const words = wordsOf(phrase).flat();
    if (words.length === 2 && words.every((word) => word.length >= 3)) compounds.set(words.join(''), words);
  }
  return compounds;
}

function phraseOf(words: string[], prefix: boolean): Phrase {
  return { words, prefix: prefix && words[words.length - 1]!.length >= MIN_PREFIX_LENGTH, kind: 'words' };
}

/** Words whose ending is not a suffix to strip. */
const NOT_STEMMED = new Set(['news', 'lens', 'series', 'species']);

const isVowelAt = (word: string, i: number): boolean => 'aeiou'.includes(word[i]!) || (word[i] === 'y' && i > 0 && !isVowelAt(word, i - 1));

const hasVowel = (stem: string): boolean => [...stem].some((_, i) => isVowelAt(stem, i));

/** Porter's measure: how many vowel-consonant sequences a stem has ("walk" 1, "counsel" 2). */
function measure(stem: string): number {
  let m = 0;
  for (let i = 1; i < stem.length; i++) if (!isVowelAt(stem, i) && isVowelAt(stem, i - 1)) m++;
  return m;
}

/** After -ing or -ed: "runn" -> "run", "counsell" -> "counsel", "car" -> "care" (a short stem that lost its e). */
function tidy(stem: string): string {
  const last = stem[stem.length - 1]!;
  if (last === stem[stem.length - 2] && !isVowelAt(stem, stem.length - 1)) {
    if (!'lsz'.includes(last) && stem.length > 3) return stem.slice(0, -1);
    if (last === 'l' && stem.length >= 6) return stem.slice(0, -1);
    return stem;
  }
  const n = stem.length;
  const endsShort = n >= 3 && !isVowelAt(stem, n - 1) && isVowelAt(stem, n - 2) && !isVowelAt(stem, n - 3) && !'wxy'.includes(last);
  return measure(stem) === 1 && endsShort ? `${stem}e` : stem;
}

/**
 * Suffixes stripped from what people type, longest first, each with the fewest letters that must
 * remain; `tidy` marks the endings after which a doubled consonant or a lost "e" is put right.
 */
const SUFFIXES: { suffix: string; keep: number; tidy?: boolean; when?: (stem: string) => boolean }[] = [
  { suffix: 'ments', keep: 4 },
  { suffix: 'ment', keep: 4 },
  { suffix: 'ness', keep: 4 },
  { suffix: 'ings', keep: 3, tidy: true },
  { suffix: 'ing', keep: 3, tidy: true },
  { suffix: 'ers', keep: 4 },
  { suffix: 'er', keep: 4 },
  { suffix: 'ies', keep: 3 },
  { suffix: 'ed', keep: 3, tidy: true, when: (stem) => !stem.endsWith('e') }, // not "agreed", "speed"
  { suffix: 'es', keep: 3, when: (stem) => /(s|x|z|ch|sh)$/.test(stem) }, // "classes", "lunches"; "dances" loses only its s
  { suffix: 'ly', keep: 5 }, // "friendly", "elderly"; not "lonely" (a lay word of its own) or "early"
  { suffix: 's', keep: 3, when: (stem) => !/[siu]$/.test(stem) }, // not "class", "bus", "crisis"
];

/**
 * A light English stem of one folded word, for matching the word's other forms as a prefix:
 * "walking", "walks" and "walked" -> "walk", "running" -> "run", "counselling" -> "counsel",
 * "bereavement" -> "bereave", "groups" -> "group". Short words, and words whose stem would be too
 * short or have no vowel, are left as they are ("art", "bus", "class", "sing", "fitness").
 */
export function stemOf(word: string): string {
  if (word.length < 4 || NOT_STEMMED.has(word) || !/^[a-z]+$/.test(word)) return word;
  for (const rule of SUFFIXES) {
    if (!word.endsWith(rule.suffix)) continue;
    const stem = word.slice(0, -rule.suffix.length);
    if (stem.length < rule.keep || !hasVowel(stem) || (rule.when && !rule.when(stem))) continue;
    return rule.tidy ? tidy(stem) : stem;
  }
  return word;
}

/**
 * The word that stands for a category or accessibility feature in every search document that
 * has it (with its parents), so that a lay word can find all of them: "catfoodbanks".
 */
export function termToken(kind: 'category' | 'access', code: string): string {
  return `${kind === 'category' ? 'cat' : 'acc'}${code.replace(/[^a-z0-9]/g, '')}`;
}

/** A lay phrase as a key: its words, each word's parts joined by a space, words joined by "|". */
const keyOf = (words: string[][]) => words.map((parts) => parts.join(' ')).join('|');

/** What a lay phrase or synonym stands for: term tokens, and phrases that mean the same. */
export interface Expansion {
  /** Tokens of the terms that list the phrase as a lay word. */
  tokens: string[];
  /** Tokens of the categories a synonym stands for (ranked with the words that mean the same). */
  alsoTokens: string[];
  /** Phrases (each a list of words) matched in a service's text as well as the words typed. */
  also: string[][];
}

let layWords: { index: Map<string, Expansion>; longest: number } | undefined;

/**
 * Lay words and phrases of the taxonomy, each with the tokens of the terms that list it, and the
 * synonyms (content/taxonomy/synonyms.json), each with the words that mean the same.
 */
export function layWordIndex(): { index: Map<string, Expansion>; longest: number } {
  if (layWords) return layWords;
  const index = new Map<string, Expansion>();
  let longest = 1;
  const entry = (phrase: string): Expansion | undefined => {
    const words = wordsOf(phrase);
    if (!words.length) return undefined;
    longest = Math.max(longest, words.length);
    const key = keyOf(words);
    let found = index.get(key);
    if (!found) index.set(key, (found = { tokens: [], alsoTokens: [], also: [] }));
    return found;
  };
  const addToken = (expansion: Expansion | undefined, token: string, list: 'tokens' | 'alsoTokens' = 'tokens') => {
    if (expansion && !expansion[list].includes(token)) expansion[list].push(token);
  };
  const taxonomy = getTaxonomy();
  for (const term of taxonomy.categories) for (const word of term.lay_words) addToken(entry(word), termToken('category', term.id));
  for (const term of taxonomy.accessibility) for (const word of term.lay_words) addToken(entry(word), termToken('access', term.id));
  for (const synonym of getSynonyms()) {
    for (const phrase of synonym.when) {
      const expansion = entry(phrase)!;
      for (const code of synonym.categories) addToken(expansion, termToken('category', code), 'alsoTokens');
      for (const also of synonym.also) {
        const words = wordsOf(also).flat();
        if (words.length && !expansion.also.some((known) => known.join(' ') === words.join(' '))) expansion.also.push(words);
      }
    }
  }
  layWords = { index, longest };
  return layWords;
}

/** The compound two words make when written together ("food" + "banks" -> "foodbanks"), if the taxonomy knows it. */
function compoundOf(first: string, second: string): string | undefined {
  const compoundList = knownCompounds();
  const joined = first + second;
  return compoundList.has(joined) || compoundList.has(stemOf(joined)) ? joined : undefined;
}

/**
 * One group for a run of words: the words as a phrase (and with the last word as its stem), their
 * compound or split form, any terms they are lay words for, and the words that mean the same.
 */
function groupFor(words: string[][], expansion: Expansion | undefined): Phrase[] {
  const group: Phrase[] = [];
  const add = (phrase: Phrase) => {
    const same = (p: Phrase) => p.kind === phrase.kind && p.prefix === phrase.prefix && p.words.join(' ') === phrase.words.join(' ');
    if (!group.some(same)) group.push(phrase);
  };
  /**
   * A phrase whose last word, as a prefix, would reach a place name it is not is matched in that
   * word's usual forms instead ("walker" typed finds Walker, not Walkergate); a place's name not
   * typed (a stem, a synonym, a word of a lay phrase) is not matched on its own at all.
   */
  const addGuarded = (phrase: Phrase, typed: boolean) => {
    const last = phrase.words[phrase.words.length - 1]!;
    // A word the person did not type is never a place's name on its own ("low" of "feeling low" is not Low Fell).
    if (!typed && phrase.words.length === 1 && placeWords().has(last)) return;
    if (!phrase.prefix || !placeReachedBy(last)) {
      add(phrase);
      return;
    }
    for (const form of exactForms(last)) add({ ...phrase, words: [...phrase.words.slice(0, -1), form], prefix: false });
  };
  /** The words as typed, then with the last one stemmed: "walking" finds "walking" and "walks". */
  const addWords = (flat: string[], typed: boolean, expanded = false) => {
    const phrase = { ...phraseOf(flat, true), ...(expanded ? { expanded } : {}) };
    addGuarded(phrase, typed);
    const last = flat[flat.length - 1]!;
    const stem = stemOf(last);
    // Words that only mean the same are matched as they are written (kept few: each costs a lookup).
    if (phrase.prefix && stem !== last && !expanded) addGuarded(phraseOf([...flat.slice(0, -1), stem], true), false);
  };
  const flat = words.flat();
  addWords(flat, true);
  const compoundList = knownCompounds();
  const compound = flat.length === 2 ? compoundOf(flat[0]!, flat[1]!) : undefined;
  if (compound) addWords([compound], false);
  const split = flat.length === 1 ? (compoundList.get(flat[0]!) ?? compoundList.get(stemOf(flat[0]!))) : undefined;
  if (split) addWords(split, false);
  for (const also of (expansion?.also ?? []).filter((words) => words.join(' ') !== flat.join(' ')).slice(0, MAX_ALSO)) addWords(also, false, true);
  for (const token of expansion?.tokens ?? []) add({ words: [token], prefix: false, kind: 'term' });
  for (const token of expansion?.alsoTokens ?? []) add({ words: [token], prefix: false, kind: 'term', expanded: true });
  return group;
}

/** Both expansions of a phrase, as typed and with its last word as its stem ("food banks", "food bank"). */
function merged(typed: Expansion | undefined, stemmed: Expansion | undefined): Expansion | undefined {
  if (!typed || !stemmed || typed === stemmed) return typed ?? stemmed;
  const union = <T>(a: T[], b: T[], key: (item: T) => string) => [...a, ...b.filter((item) => !a.some((known) => key(known) === key(item)))];
  return {
    tokens: union(typed.tokens, stemmed.tokens, String),
    alsoTokens: union(typed.alsoTokens, stemmed.alsoTokens, String),
    also: union(typed.also, stemmed.also, (words) => words.join(' ')),
  };
}

/**
 * A lay phrase of several words ("computer help", "free laptop") also reaches services through
 * each of its words and their synonyms, ranked after those matching the phrase: another
 * taxonomy's services seldom use the phrase itself.
 */
function withItsWords(run: string[][], expansion: Expansion, index: Map<string, Expansion>): Expansion {
  let result: Expansion = { ...expansion, also: [...expansion.also] };
  for (const parts of run) {
    if (parts.length !== 1 || FILLER_WORDS.has(parts[0]!) || parts[0]!.length < 3) continue;
    const word = parts[0]!;
    if (!result.also.some((also) => also.join(' ') === word)) result.also.push([word]);
    const own = index.get(keyOf([parts])) ?? index.get(keyOf([[stemOf(word)]]));
    if (own) result = merged(result, { tokens: [], alsoTokens: [...own.tokens, ...own.alsoTokens], also: own.also })!;
  }
  return result;
}

/** Parses free text into a TextQuery; an empty query (no words) has no groups. */
export function parseTextQuery(input: string): TextQuery {
  const words = wordsOf(input.slice(0, MAX_QUERY_LENGTH));
  const isFiller = (parts: string[]) => parts.length === 1 && FILLER_WORDS.has(parts[0]!);
  const onlyFiller = words.every(isFiller);
  const { index, longest } = layWordIndex();
  const groups: Phrase[][] = [];
  for (let i = 0; i < words.length && groups.length < MAX_GROUPS;) {
    // The longest lay phrase starting here ("no one to talk to" before filler words are dropped),
    // as typed or with its last word as its stem ("food banks" for "food bank").
    let matched = 0;
    for (let length = Math.min(longest, words.length - i); length >= 1; length--) {
      const run = words.slice(i, i + length);
      const expansion = merged(index.get(keyOf(run)), index.get(keyOf([...run.slice(0, -1), run[length - 1]!.map(stemOf)])));
      if (expansion && !(length === 1 && isFiller(words[i]!) && !onlyFiller)) {
        groups.push(groupFor(words.slice(i, i + length), length > 1 ? withItsWords(run, expansion, index) : expansion));
        matched = length;
        break;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const parts = words[i]!;
    if (isFiller(parts) && !onlyFiller) {
      i++;
      continue;
    }
    const next = words[i + 1];
    // Two words that are a known compound written apart: match either form.
    if (parts.length === 1 && next?.length === 1 && compoundOf(parts[0]!, next[0]!)) {
      groups.push(groupFor([parts, next], undefined));
      i += 2;
      continue;
    }
    groups.push(groupFor([parts], undefined));
    i++;
  }
  return { groups };
}

/** The query without the words that only mean the same: what was typed, its stems, compounds and lay words. */
export function typedOnly(query: TextQuery): TextQuery {
  return { groups: query.groups.map((group) => group.filter((phrase) => !phrase.expanded)).filter((group) => group.length) };
}

/** The same query with its groups joined by OR: the fallback when no service matches every word. */
export function anyWord(query: TextQuery): TextQuery {
  return { groups: query.groups.length ? [query.groups.flat()] : [] };
}
