// Turns what a person typed into a backend-neutral text query: words folded and split, filler
// words dropped, and compound words matched both ways ("foodbank" = "food bank").
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

/** Parses free text into a TextQuery; an empty query (no words) has no groups. */
export function parseTextQuery(input: string): TextQuery {
  const words = wordsOf(input.slice(0, MAX_QUERY_LENGTH));
  const meaningful = words.filter((parts) => !(parts.length === 1 && FILLER_WORDS.has(parts[0]!)));
  const kept = meaningful.length ? meaningful : words;
  const compoundList = knownCompounds();
  const groups: Phrase[][] = [];
  for (let i = 0; i < kept.length && groups.length < MAX_GROUPS; i++) {
    const parts = kept[i]!;
    const next = kept[i + 1];
    // Two words that are a known compound written apart: match either form.
    if (parts.length === 1 && next?.length === 1 && compoundList.has(parts[0]! + next[0]!)) {
      const joined = parts[0]! + next[0]!;
      groups.push([phraseOf([parts[0]!, next[0]!], true), phraseOf([joined], true)]);
      i++;
      continue;
    }
    const group = [phraseOf(parts, true)];
    const split = parts.length === 1 ? compoundList.get(parts[0]!) : undefined;
    if (split) group.push(phraseOf(split, true));
    groups.push(group);
  }
  return { groups };
}

/** The same query with its groups joined by OR: the fallback when no service matches every word. */
export function anyWord(query: TextQuery): TextQuery {
  return { groups: query.groups.length ? [query.groups.flat()] : [] };
}
