// Turns what a person typed into a backend-neutral text query: words folded and split, filler
// words dropped, compound words matched both ways ("foodbank" = "food bank"), and the lay words
// of the taxonomy ("lonely", "can't pay rent") matched to the categories they stand for.
import { getTaxonomy } from '../taxonomy/taxonomy';
import { MAX_QUERY_LENGTH } from './filters';

/** One way to match: a phrase of one or more words; `prefix` lets the last word be the start of a word. */
export interface Phrase {
  words: string[];
  prefix: boolean;
}

/** Every group must match (AND); a group matches when any of its phrases does (OR). */
export interface TextQuery {
  groups: Phrase[][];
}

const MAX_GROUPS = 12;
const MIN_PREFIX_LENGTH = 3;

/** Words that carry no meaning in a search for help; dropped unless nothing else is left. */
export const FILLER_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'is', 'are', 'be', 'it',
  'i', 'im', 'me', 'my', 'we', 'our', 'you', 'your', 'need', 'needs', 'want', 'wants', 'looking', 'find', 'get',
  'some', 'any', 'please', 'near', 'nearby', 'there', 'where', 'can', 'do', 'does', 'what', 'who', 'how', 'about',
]);

/** Lowercase, accents removed ("café" -> "cafe"), as the index does. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
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
  return { words, prefix: prefix && words[words.length - 1]!.length >= MIN_PREFIX_LENGTH };
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

let layWords: { index: Map<string, string[]>; longest: number } | undefined;

/** Lay words and phrases of the taxonomy, each with the tokens of the terms that list it. */
export function layWordIndex(): { index: Map<string, string[]>; longest: number } {
  if (layWords) return layWords;
  const index = new Map<string, string[]>();
  let longest = 1;
  const add = (phrase: string, token: string) => {
    const words = wordsOf(phrase);
    if (!words.length) return;
    longest = Math.max(longest, words.length);
    const key = keyOf(words);
    const tokens = index.get(key) ?? [];
    if (!tokens.includes(token)) tokens.push(token);
    index.set(key, tokens);
  };
  const taxonomy = getTaxonomy();
  for (const term of taxonomy.categories) for (const word of term.lay_words) add(word, termToken('category', term.id));
  for (const term of taxonomy.accessibility) for (const word of term.lay_words) add(word, termToken('access', term.id));
  layWords = { index, longest };
  return layWords;
}

/** One group for a run of words: the words as a phrase, their compound or split form, and any terms they are lay words for. */
function groupFor(words: string[][], tokens: string[]): Phrase[] {
  const flat = words.flat();
  const group = [phraseOf(flat, true)];
  const compoundList = knownCompounds();
  if (flat.length === 2 && compoundList.has(flat.join(''))) group.push(phraseOf([flat.join('')], true));
  if (flat.length === 1 && compoundList.has(flat[0]!)) group.push(phraseOf(compoundList.get(flat[0]!)!, true));
  for (const token of tokens) group.push({ words: [token], prefix: false });
  return group;
}

/** Parses free text into a TextQuery; an empty query (no words) has no groups. */
export function parseTextQuery(input: string): TextQuery {
  const words = wordsOf(input.slice(0, MAX_QUERY_LENGTH));
  const isFiller = (parts: string[]) => parts.length === 1 && FILLER_WORDS.has(parts[0]!);
  const onlyFiller = words.every(isFiller);
  const { index, longest } = layWordIndex();
  const compoundList = knownCompounds();
  const groups: Phrase[][] = [];
  for (let i = 0; i < words.length && groups.length < MAX_GROUPS;) {
    // The longest lay phrase starting here ("no one to talk to" before filler words are dropped).
    let matched = 0;
    for (let length = Math.min(longest, words.length - i); length >= 1; length--) {
      const tokens = index.get(keyOf(words.slice(i, i + length)));
      if (tokens && !(length === 1 && isFiller(words[i]!) && !onlyFiller)) {
        groups.push(groupFor(words.slice(i, i + length), tokens));
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
    if (parts.length === 1 && next?.length === 1 && compoundList.has(parts[0]! + next[0]!)) {
      groups.push(groupFor([parts, next], []));
      i += 2;
      continue;
    }
    groups.push(groupFor([parts], []));
    i++;
  }
  return { groups };
}

/** The same query with its groups joined by OR: the fallback when no service matches every word. */
export function anyWord(query: TextQuery): TextQuery {
  return { groups: query.groups.length ? [query.groups.flat()] : [] };
}
